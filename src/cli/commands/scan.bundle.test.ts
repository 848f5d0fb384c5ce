// `node bin/custodia.js scan` starts from an esbuild bundle cached on disk (scripts/cli-bundle.mjs): the bundle
// must behave as the sources do, be rebuilt when a source changes, and never be needed for the command to work.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../test/cli-harness.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const TEXT = '姓名：张三，身份证110105199003071239，手机13800138000。\nTel +852 9123 4567, card 4111 1111 1111 1111\n';

function custodia(args: string[], env: Record<string, string>, input?: string) {
  const r = spawnSync(process.execPath, ['bin/custodia.js', ...args], { cwd: ROOT, env: { ...process.env, ...env }, input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('custodia scan from the cached bundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'custodia-bundle-'));
  const file = join(dir, 'in.txt');
  writeFileSync(file, TEXT.repeat(20));
  // inside the project: the bundle's package imports resolve from where it lies
  mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
  const cache = mkdtempSync(join(ROOT, 'node_modules/.cache/custodia-cli-test-'));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));
  const manifest = join(cache, 'cli-scan.json');

  it('builds the bundle on first use and prints what the sources print', async () => {
    const want = JSON.parse((await runCli(['scan', file, '--format', 'json'])).out);
    const first = custodia(['scan', file, '--format', 'json'], { CUSTODIA_CLI_CACHE: cache });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toEqual(want);
    const { bundle, inputs } = JSON.parse(readFileSync(manifest, 'utf8'));
    expect(existsSync(join(cache, bundle))).toBe(true);
    expect(Object.keys(inputs)).toEqual(expect.arrayContaining(['src/cli/commands/scan.ts', 'src/deid/detect.ts', 'tsconfig.json']));
    // the command table holds only the bundled verbs: the server's modules are not in it
    expect(Object.keys(inputs).some((f) => f.startsWith('src/http/'))).toBe(false);
    const again = custodia(['scan', '-', '--types', 'structured'], { CUSTODIA_CLI_CACHE: cache }, TEXT);
    expect(again.code).toBe(0);
    expect(again.out).toBe((await runCli(['scan', '-', '--types', 'structured'], TEXT)).out);
    expect(readdirSync(cache).filter((f) => f.endsWith('.mjs'))).toEqual([bundle]);
  });
  it('rebuilds when a source no longer matches the hash it was built from', () => {
    const m = JSON.parse(readFileSync(manifest, 'utf8'));
    const real = m.inputs['src/deid/detect.ts'];
    m.inputs['src/deid/detect.ts'] = '0'.repeat(64);
    writeFileSync(manifest, JSON.stringify(m));
    const r = custodia(['scan', '-', '--format', 'json'], { CUSTODIA_CLI_CACHE: cache }, TEXT);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toHaveLength(5);
    expect(JSON.parse(readFileSync(manifest, 'utf8')).inputs['src/deid/detect.ts']).toBe(real);
  });
  it('keeps usage errors and exit codes, and falls back to the sources when no cache can be written', () => {
    const bad = custodia(['scan', '--format', 'xml'], { CUSTODIA_CLI_CACHE: cache }, TEXT);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--format is text or json');
    const unwritable = join(file, 'cache');
    for (const env of [{ CUSTODIA_CLI_CACHE: unwritable }, { CUSTODIA_CLI_BUNDLE: '0' }] as Record<string, string>[]) {
      const r = custodia(['scan', '-'], env, TEXT);
      expect(r.code).toBe(0);
      expect(r.out).toContain('5 finding(s)');
    }
    expect(existsSync(unwritable)).toBe(false);
  });
});

it('ends quietly when the reader of its output stops early (custodia scan | head)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'custodia-pipe-'));
  try {
    const file = join(dir, 'big.txt');
    writeFileSync(file, TEXT.repeat(20_000));
    const r = spawnSync('bash', ['-c', `set -o pipefail; node bin/custodia.js scan '${file}' --format json | head -c 100 > /dev/null`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(r.status).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
