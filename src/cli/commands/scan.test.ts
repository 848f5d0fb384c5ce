import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../test/cli-harness.ts';
import type { Finding } from '../../deid/index.ts';
import { FindingsJson } from './scan-json.ts';

const TEXT = '姓名：张三，身份证110105199003071239，手机13800138000。\n';

describe('custodia scan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'custodia-scan-'));
  const file = join(dir, 'in.txt');
  writeFileSync(file, TEXT.repeat(3));

  it('prints findings as one JSON array and exits 0', async () => {
    const r = await runCli(['scan', file, '--format', 'json']);
    expect(r.code).toBe(0);
    const findings = JSON.parse(r.out);
    expect(findings).toHaveLength(9);
    expect(findings[1]).toMatchObject({ type: 'cn-resident-id', masked: '1***************39', checkDigit: true });
    expect(r.out).not.toContain('110105199003071239');
  });
  it('limits the scan to structured identifiers or named kinds, and refuses unknown kinds', async () => {
    const structured = JSON.parse((await runCli(['scan', file, '--format', 'json', '--types', 'structured'])).out);
    expect(structured.map((f: { type: string }) => f.type)).toEqual(['cn-resident-id', 'cn-mobile', 'cn-resident-id', 'cn-mobile', 'cn-resident-id', 'cn-mobile']);
    const mobiles = JSON.parse((await runCli(['scan', file, '--format', 'json', '--types', 'cn-mobile'])).out);
    expect(mobiles).toHaveLength(3);
    expect((await runCli(['scan', '--redact', 'tag', '--types', 'name'], TEXT)).out).toBe('姓名：[name]，身份证110105199003071239，手机13800138000。\n');
    const bad = await runCli(['scan', file, '--types', 'cn-mobile,shoe-size']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown kind(s) shoe-size');
  });
  it('reads stdin and prints human lines', async () => {
    const r = await runCli(['scan', '-'], TEXT);
    expect(r.code).toBe(0);
    expect(r.out).toContain('cn-mobile');
    expect(r.out).toContain('3 finding(s)');
  });
  it('redacts with masks, tags and keyed pseudonyms', async () => {
    expect((await runCli(['scan', '--redact', 'tag'], TEXT)).out).toBe('姓名：[name]，身份证[cn-resident-id]，手机[cn-mobile]。\n');
    const keyFile = join(dir, 'key');
    writeFileSync(keyFile, 'a-very-secret-pseudonym-key\n');
    const a = await runCli(['scan', '--redact', 'pseudonym', '--key-file', keyFile], TEXT);
    expect(a.code).toBe(0);
    expect(a.out).toMatch(/\[cn-mobile:[0-9a-f]{12}\]/);
    expect(a.err).toContain('3 finding(s)');
  });
  it('exits 2 on usage errors', async () => {
    expect((await runCli(['scan', '--redact', 'pseudonym'], TEXT)).code).toBe(2);
    expect((await runCli(['scan', '--format', 'xml'], TEXT)).code).toBe(2);
    expect((await runCli(['scan', join(dir, 'missing.txt')])).code).toBe(2);
    expect((await runCli(['scan', 'a', 'b'])).code).toBe(2);
  });
  it('writes findings exactly as JSON.stringify does, escapes included', () => {
    const base: Finding = { type: 'name', start: 0, end: 3, byteStart: 0, byteEnd: 9, masked: '张**', checkDigit: 'not-applicable', confidence: 0.85 };
    const all: Finding[] = [];
    const maskedValues = ['张**', 'A"B', 'back\\slash', 'tab\there', '\u0000\u001f\u007f', 'lone \ud800 high', 'lone \udc00 low', 'pair 😀', '１３８****５６７８', '', 'é'];
    for (const masked of maskedValues) {
      for (const checkDigit of [true, false, 'not-applicable'] as const) {
        for (const confidence of [0.85, 0.9800000000000001, 1, 0, 0.3]) {
          all.push({ ...base, masked, checkDigit, confidence, start: 1234567, end: 1234570, byteStart: 2 ** 40, byteEnd: 2 ** 40 + 9 });
          all.push({ ...base, masked, checkDigit, confidence, start: all.length % 10, end: 10 + all.length, byteStart: 99 + all.length, byteEnd: 1000 + all.length });
        }
      }
    }
    // a small buffer, so that it has to grow mid-way
    const w = new FindingsJson(64);
    let text = '';
    all.forEach((f, i) => {
      w.add(f);
      if (i % 7 === 0) text += w.take().toString('utf8');
    });
    text += w.take().toString('utf8');
    expect(text).toBe(all.map((f, i) => `${i ? ',' : ''}\n${JSON.stringify(f)}`).join(''));
  });
});
