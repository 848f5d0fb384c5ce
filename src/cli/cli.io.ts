// What a CLI command gets to talk to the world: output streams and stdin, injectable for tests.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Output and input of one command run. */
export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  readStdin: () => Promise<string>;
}

/** A command module: `run` returns the exit code (0 ok, 1 findings or refusals, 2 usage). */
export interface CliCommand {
  summary: string;
  usage: string;
  run: (args: string[], io: CliIO) => Promise<number>;
}

/** Thrown for bad command-line usage; printed with the usage line and exit code 2. */
export class UsageError extends Error {}

/** parseArgs with strict checking, turning its errors into UsageError. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** The process's real streams. */
export const processIO: CliIO = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};
