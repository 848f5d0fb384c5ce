// The `custodia` command: dispatches a verb to its module and maps errors to exit codes.
import { isAppError } from '../errors.ts';
import { processIO, UsageError, type CliIO } from './cli.io.ts';
import { COMMANDS } from './commands/index.ts';

/** Runs the CLI with argv (without node and script); returns the exit code. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [verb, ...rest] = argv;
  if (!verb || verb === '--help' || verb === '-h' || verb === 'help') {
    io.out(await helpText());
    return verb ? 0 : 2;
  }
  const load = COMMANDS[verb];
  if (!load) {
    io.err(`custodia: unknown command "${verb}"\n\n${await helpText()}`);
    return 2;
  }
  const { command } = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`usage: ${command.usage}\n${command.summary}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`custodia ${verb}: ${e.message}\nusage: ${command.usage}`);
      return 2;
    }
    if (isAppError(e)) {
      io.err(`custodia ${verb}: ${e.code}: ${e.message}`);
      for (const d of e.details) io.err(`  ${d.path}  ${d.message}`);
      return 1;
    }
    throw e;
  }
}

async function helpText(): Promise<string> {
  const rows = await Promise.all(Object.entries(COMMANDS).map(async ([verb, load]) => `  ${verb.padEnd(10)} ${(await load()).command.summary}`));
  return `usage: custodia <command> [options]\n\ncommands:\n${rows.join('\n')}\n\nRun custodia <command> --help for a command's options.`;
}
