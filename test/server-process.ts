// Starts `custodia serve` as a child process for end-to-end tests, and waits until it answers.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A server child process. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  adminKey?: string;
  output: () => string;
  kill: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** A free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Spawns the server and resolves once /healthz answers (or rejects with its output). */
export async function spawnServer(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 60_000): Promise<ServerProcess> {
  const port = await freePort();
  let out = '';
  // CUSTODIA_SERVER_NODE_ARGS (e.g. --cpu-prof) lets a benchmark profile the server process
  const nodeArgs = process.env.CUSTODIA_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, 'bin/custodia.js', 'serve', '--port', String(port), ...args], {
    // embedded PGlite unless the caller passes DATABASE_URL: tests must not share the database's public schema
    env: { ...process.env, DATABASE_URL: undefined, CUSTODIA_DB_SCHEMA: undefined, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start in ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const adminKey = /cus_[a-z0-9]{12}_[A-Za-z0-9_-]{43}/.exec(out)?.[0];
  return {
    child,
    url,
    adminKey,
    output: () => out,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
