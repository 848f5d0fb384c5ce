// Tests of `custodia report`, kept with the pillar it prints (the CLI folder is shared).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli-harness.ts';

describe('custodia report', () => {
  it('prints the record of processing of a live example and exits 0', async () => {
    const r = await runCli(['report', 'ropa', 'examples/000-broker.live.yaml', '--lang', 'ko']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^<!doctype html>\n<html lang="ko">/);
    const json = await runCli(['report', 'ropa', 'examples/000-broker.live.yaml', '--format', 'json']);
    expect(JSON.parse(json.out).issues).toEqual([]);
  });

  it('prints one or every impact assessment; a missing one is a finding (exit 1)', async () => {
    const one = await runCli(['report', 'pia', 'examples/003-online-shop.live.yaml', '--purpose', 'face-login', '--format', 'json']);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.out).triggers[0].kind).toBe('sensitive');
    const all = await runCli(['report', 'pia', 'examples/003-online-shop.live.yaml', '--lang', 'zh-Hans']);
    expect(all.code).toBe(0);
    expect(all.out).toContain('刷脸登录');
    const dir = mkdtempSync(join(tmpdir(), 'custodia-report-'));
    const file = join(dir, 'shop.yaml');
    writeFileSync(file, readFileSync('examples/003-online-shop.live.yaml', 'utf8').replace('    assessment: { id: PIA-003-2026-06, date: "2026-02-10" }\n', ''));
    const missing = await runCli(['report', 'pia', file, '--format', 'json']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('PIPL-55-1  face-login');
  });

  it('exits 1 with the problems of an invalid registry and 2 on usage errors', async () => {
    const bad = await runCli(['report', 'ropa', 'test/fixtures/broken.yaml']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/broken\.yaml:\d+:\d+ {2}purposes\[0\]\.categories\[1\]/);
    expect((await runCli(['report', 'ropa'])).code).toBe(2);
    expect((await runCli(['report', 'dpia', 'examples/000-broker.live.yaml'])).code).toBe(2);
    expect((await runCli(['report', 'ropa', 'examples/000-broker.live.yaml', '--format', 'md'])).code).toBe(2);
    expect((await runCli(['report', 'ropa', 'examples/000-broker.live.yaml', '--lang', 'fr'])).code).toBe(2);
    expect((await runCli(['report', 'ropa', 'examples/000-broker.live.yaml', '--purpose', 'cctv'])).code).toBe(2);
    const unknown = await runCli(['report', 'pia', 'examples/000-broker.live.yaml', '--purpose', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown --purpose "nope"');
  });
});
