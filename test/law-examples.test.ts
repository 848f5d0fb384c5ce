// The five seed registries against the law pillar: as-written files show the gaps their source text has; live files pass.
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint, type Finding } from '../src/law/index.ts';
import { loadRegistryFile } from '../src/registry/index.ts';
import { runCli } from './cli-harness.ts';

const DIR = 'examples';
const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort() : [];
const live = files.filter((f) => f.endsWith('.live.yaml'));

function findings(file: string): Finding[] {
  const loaded = loadRegistryFile(`${DIR}/${file}`);
  if (!loaded.ok) throw new Error(`${file} is not a valid registry: ${loaded.problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
  return lint(loaded.registry);
}
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');
const has = (fs: Finding[], ruleId: string, where?: (f: Finding) => boolean) => errors(fs).some((f) => f.ruleId === ruleId && (!where || where(f)));

// What each as-written registry's source text deserves (rules.md section 2).
const EXPECTED: Record<string, (fs: Finding[]) => void> = {
  '000-broker.yaml': (fs) => {
    expect(has(fs, 'GDPR-22-1', (f) => f.code === 'EU_ADM_BASIS' && f.message.includes('legitimate-interests'))).toBe(true);
    for (const id of ['GDPR-13-1', 'GDPR-5-1', 'GDPR-35-1', 'EU-EPD-1', 'GDPR-21-2', 'GDPR-15-1', 'GDPR-14-1']) expect(has(fs, id), id).toBe(true);
  },
  '001-cybozu-shanghai.yaml': (fs) => {
    const jp = (f: Finding) => f.path.startsWith('recipients[') && /JP|jp/.test(f.message);
    expect(has(fs, 'PIPL-38-1', jp)).toBe(true);
    expect(has(fs, 'PIPL-39-1', (f) => f.message.includes('without separate consent'))).toBe(true);
    for (const id of ['PIPL-14-3', 'PIPL-23-1', 'PIPL-19-1', 'PIPL-55-1', 'PIPL-21-1', 'PIPL-16-1']) expect(has(fs, id), id).toBe(true);
  },
  '002-wework-labs.yaml': (fs) => {
    for (const id of ['GDPR-14-1', 'GDPR-5-1', 'GDPR-13-1']) expect(has(fs, id), id).toBe(true);
  },
  '003-online-shop.yaml': (fs) => {
    const face = (f: Finding) => f.subject.includes('face');
    expect(has(fs, 'PIPL-29-1', face)).toBe(true);
    expect(has(fs, 'CN-FRT-1', face)).toBe(true);
    expect(has(fs, 'PIPL-55-1', face)).toBe(true);
    expect(has(fs, 'PIPL-30-1', face)).toBe(true);
    for (const id of ['PIPL-14-3', 'PIPL-16-1', 'PIPL-24-2', 'PIPL-19-1']) expect(has(fs, id), id).toBe(true);
  },
  '004-kr-marketplace.yaml': (fs) => {
    for (const id of ['PIPA-ED17-1', 'PIPA-15-2', 'PIPA-21-1', 'PIPA-31-1', 'PIPA-28.8-1', 'PIPA-28.8-2', 'PIPA-24.2-1', 'PIPA-24-1', 'KR-NET50-1']) expect(has(fs, id), id).toBe(true);
    const codes = errors(fs).map((f) => f.code);
    expect(codes).toContain('KR_POLICY_MISSING:retention');
    expect(codes).toContain('KR_POLICY_MISSING:privacy-officer');
  },
};

describe('seed registries as written', () => {
  const present = Object.keys(EXPECTED).filter((f) => files.includes(f));
  it.each(present)('%s gets the findings its source text deserves', (file) => {
    EXPECTED[file](findings(file));
  });
});

describe('live seed registries', () => {
  it('exist', () => expect(live.length).toBeGreaterThan(0));
  it.each(live)('%s lints with no errors', (file) => {
    expect(errors(findings(file)).map((f) => `${f.ruleId} ${f.path} ${f.message}`)).toEqual([]);
  });
});

describe('custodia lint', () => {
  const asWritten = files.find((f) => !f.endsWith('.live.yaml'));
  it('exits 0 on a live example and 1 with findings on an as-written one', async () => {
    expect((await runCli(['lint', `${DIR}/${live[0]}`])).code).toBe(0);
    const r = await runCli(['lint', `${DIR}/${asWritten}`]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/ error +[A-Z]+-[\w.]+-\d+ \(.+\)  \S+  /);
    expect(r.out).toMatch(/\d+ errors, \d+ warnings/);
  });
  it('prints one JSON document with --format json and translated messages with --lang', async () => {
    const r = await runCli(['lint', `${DIR}/${asWritten}`, '--format', 'json', '--lang', 'ko']);
    const doc = JSON.parse(r.out) as { ok: boolean; findings: Finding[]; counts: { error: number } };
    expect(doc.ok).toBe(false);
    expect(doc.counts.error).toBeGreaterThan(0);
    expect(doc.findings[0].messages?.ko).toBeTruthy();
  });
  it('restricts to --regime and lists the catalogue with --list', async () => {
    const r = await runCli(['lint', `${DIR}/${asWritten}`, '--regime', 'pipa', '--format', 'json']);
    expect((JSON.parse(r.out) as { findings: Finding[] }).findings.every((f) => f.regime === 'pipa')).toBe(true);
    const list = JSON.parse((await runCli(['lint', '--list', '--format', 'json'])).out) as { count: number; checkable: number };
    expect(list.count).toBe(99);
    expect(list.checkable).toBeGreaterThanOrEqual(60);
    expect((await runCli(['lint', '--list'])).out).toContain('PIPA-ED17-1');
  });
  it('exits 2 on usage errors and 1 with the problems of an invalid registry', async () => {
    expect((await runCli(['lint'])).code).toBe(2);
    expect((await runCli(['lint', `${DIR}/${asWritten}`, '--regime', 'ccpa'])).code).toBe(2);
    expect((await runCli(['lint', `${DIR}/${asWritten}`, '--format', 'xml'])).code).toBe(2);
    expect((await runCli(['lint', '--list', `${DIR}/${asWritten}`])).code).toBe(2);
    const bad = await runCli(['lint', 'test/fixtures/broken.yaml']);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('is not a declared id');
  });
});
