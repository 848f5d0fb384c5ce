// The command table: each verb loads its module lazily so `custodia validate` does not start a database.
import type { CliCommand } from '../cli.io.ts';

/** Verb -> loader of its command module. One line per command. */
export const COMMANDS: Record<string, () => Promise<{ command: CliCommand }>> = {
  audit: () => import('./audit.ts'),
  demo: () => import('./demo.ts'),
  diff: () => import('./diff.ts'),
  keys: () => import('./keys.ts'),
  lint: () => import('./lint.ts'),
  render: () => import('./render.ts'),
  scan: () => import('./scan.ts'),
  report: () => import('./report.ts'),
  retention: () => import('./retention.ts'),
  receipt: () => import('./receipt.ts'),
  serve: () => import('./serve.ts'),
  validate: () => import('./validate.ts'),
};
