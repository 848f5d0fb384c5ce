// Runs the CLI in process with captured output, for tests.
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
