// Builds the web apps (npm run build:web) when dist/web is missing or older than any source under web/app,
// so `npm start` and `npm test` always serve what the sources say, and build once otherwise.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = 'dist/web/index.html';
const SOURCES = ['web/app', 'package-lock.json'];

/** The newest modification time under a path. */
function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((n) => newest(join(path, n))));
}

const built = existsSync(STAMP) && existsSync('dist/web/admin/index.html') ? statSync(STAMP).mtimeMs : 0;
if (built >= Math.max(...SOURCES.map(newest))) process.exit(0);
process.stderr.write('custodia: building the web apps (dist/web)…\n');
const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build:web'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
