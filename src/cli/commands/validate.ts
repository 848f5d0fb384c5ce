// `custodia validate FILE`: checks a registry and prints each problem as file:line:col  path  message.
import { formatProblem, loadRegistryFile } from '../../registry/index.ts';
import { parseCommandArgs, UsageError, type CliCommand } from '../cli.io.ts';

export const command: CliCommand = {
  summary: 'check a registry file; print every problem with its position',
  usage: 'custodia validate FILE [--format json]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { format: { type: 'string', default: 'text' } });
    if (positionals.length !== 1) throw new UsageError('expected exactly one FILE');
    const result = loadRegistryFile(positionals[0]);
    if (values.format === 'json') {
      io.out(JSON.stringify(result.ok ? { ok: true, problems: [] } : { ok: false, problems: result.problems }));
    } else if (result.ok) {
      io.out(`${positionals[0]}: valid (${result.registry.purposes.length} purposes, ${result.registry.categories.length} categories)`);
    } else {
      for (const p of result.problems) io.out(formatProblem(p));
    }
    return result.ok ? 0 : 1;
  },
};
