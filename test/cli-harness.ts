// Runs the CLI in process with captured output, for tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { main } from '../src/cli/index.ts';

/** Runs `custodia ...args` in process and returns exit code and output. */
export async function runCli(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (t) => void (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => void (err += t.endsWith('\n') ? t : `${t}\n`),
    readStdin: async () => stdin,
  });
  return { code, out, err };
}

/**
 * A temporary data directory for CLI tests about the embedded store: DATABASE_URL is hidden for the file (the CLI
 * prefers it over --data) and the directory is removed afterwards, once PGlite has flushed its files.
 */
export function cliDataDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const saved = process.env.DATABASE_URL;
  beforeAll(() => void delete process.env.DATABASE_URL);
  afterAll(async () => {
    if (saved !== undefined) process.env.DATABASE_URL = saved;
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}
