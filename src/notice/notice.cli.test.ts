// Tests of `custodia render` and `custodia diff`, kept with the pillar they print (the CLI folder is shared).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli-harness.ts';

describe('custodia render', () => {
  it('prints a notice and exits 0', async () => {
    const html = await runCli(['render', 'test/fixtures/minimal.yaml', '--lang', 'zh-Hans']);
    expect(html.code).toBe(0);
    expect(html.out).toMatch(/^<!doctype html>\n<html lang="zh-Hans">/);
    const md = await runCli(['render', 'test/fixtures/minimal.yaml', '--lang', 'en', '--format', 'md']);
    expect(md.out).toMatch(/^# Privacy notice/);
  });
  it('exits 1 with the problems of an invalid registry and 2 on usage errors', async () => {
    const bad = await runCli(['render', 'test/fixtures/broken.yaml', '--lang', 'en']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/broken\.yaml:\d+:\d+ {2}purposes\[0\]\.categories\[1\]/);
    expect((await runCli(['render', 'test/fixtures/minimal.yaml'])).code).toBe(2);
    expect((await runCli(['render', 'test/fixtures/minimal.yaml', '--lang', 'fr'])).code).toBe(2);
    expect((await runCli(['render', 'test/fixtures/minimal.yaml', '--lang', 'en', '--format', 'pdf'])).code).toBe(2);
  });
});

describe('custodia diff', () => {
  const dir = mkdtempSync(join(tmpdir(), 'custodia-diff-'));
  const before = readFileSync('test/fixtures/minimal.yaml', 'utf8');
  const newFile = join(dir, 'new.yaml');
  writeFileSync(newFile, before.replace('categories: [face]', 'categories: [face, phone]').replace('version: "1.0.0"', 'version: "1.1.0"'));

  it('lists changes with material flag, reason and affected consents; exit 0', async () => {
    const r = await runCli(['diff', 'test/fixtures/minimal.yaml', newFile]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/MATERIAL +added +purposes\[face-login\]\.categories "phone"/);
    expect(r.out).toContain('consents to renew: purposes face-login');
    expect(r.out).toMatch(/minor +changed +organization\.version "1\.0\.0" -> "1\.1\.0"/);
    const j = await runCli(['diff', 'test/fixtures/minimal.yaml', newFile, '--format', 'json']);
    const doc = JSON.parse(j.out);
    expect(doc.counts).toEqual({ changes: 2, material: 1 });
    expect(doc.affects.purposes).toEqual(['face-login']);
    expect(doc.changes.find((c: { material: boolean }) => c.material)).toMatchObject({ path: 'purposes[face-login].categories', code: 'CATEGORIES_CHANGED' });
  });
  it('exits 1 on an invalid registry and 2 on usage errors', async () => {
    expect((await runCli(['diff', 'test/fixtures/minimal.yaml', 'test/fixtures/broken.yaml'])).code).toBe(1);
    expect((await runCli(['diff', 'test/fixtures/minimal.yaml'])).code).toBe(2);
  });
});
