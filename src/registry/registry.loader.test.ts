import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadRegistry } from './registry.loader.ts';

const minimal = readFileSync(new URL('../../test/fixtures/minimal.yaml', import.meta.url), 'utf8');

describe('loadRegistry', () => {
  it('accepts a valid registry and fills defaults', () => {
    const r = loadRegistry(minimal, 'minimal.yaml');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.registry.purposes).toHaveLength(2);
      expect(r.registry.trackers).toEqual([]);
      expect(r.registry.purposes[1].retention?.from).toBe('last-use');
    }
  });

  it('reports broken YAML with a position, not a stack trace', () => {
    const r = loadRegistry('organization: [unclosed\n', 'bad.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0].code).toBe('REGISTRY_YAML');
      expect(r.problems[0].line).toBeGreaterThan(0);
    }
  });

  it('reports every problem at once with file:line:col and path', () => {
    const text = minimal
      .replace('legalBasis: contract', 'legalBasis: because')
      .replace('categories: [face]', 'categories: [face, retina]')
      .replace('country: JP', 'nationality: JP')
      .replace('grace: P30D', 'grace: 30 days');
    const r = loadRegistry(text, 'x.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.problems.map(formatProblem);
    // schema problems come first; references are checked once the shape is right
    expect(lines.some((l) => /^x\.yaml:\d+:\d+  purposes\[0\]\.legalBasis  must be one of/.test(l))).toBe(true);
    expect(lines.some((l) => /recipients\[0\]\.nationality  unknown key "nationality"/.test(l))).toBe(true);
    expect(lines.some((l) => /recipients\[0\]\.country  required string is missing/.test(l))).toBe(true);
    const dur = r.problems.find((p) => p.path === 'purposes[0].retention.grace');
    expect(dur?.code).toBe('REGISTRY_BAD_DURATION');
    const legal = r.problems.find((p) => p.path === 'purposes[0].legalBasis')!;
    expect(text.split('\n')[legal.line - 1]).toContain('legalBasis: because');
  });

  it('reports dangling references, duplicate ids and missing labels', () => {
    const text = minimal
      .replace('categories: [face]', 'categories: [face, retina]')
      .replace('- id: phone', '- id: name')
      .replace('labels: { en: Customer, zh-Hans: 顾客 }', 'labels: { en: Customer }');
    const r = loadRegistry(text, 'x.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byCode = (c: string) => r.problems.filter((p) => p.code === c).map((p) => `${p.path} ${p.message}`);
    expect(byCode('REGISTRY_DANGLING_REF')).toContain('purposes[1].categories[1] "retina" is not a declared id in categories');
    expect(byCode('REGISTRY_DUPLICATE_ID')).toContain('categories[1].id duplicate id "name" in categories');
    expect(byCode('REGISTRY_MISSING_LABEL')).toContain('roles[0].labels missing label for zh-Hans');
    const retina = r.problems.find((p) => p.path === 'purposes[1].categories[1]')!;
    expect(text.split('\n')[retina.line - 1]).toContain('retina');
  });

  it('refuses a recipient receiving a category none of its purposes uses', () => {
    const r = loadRegistry(minimal.replace('categories: [name]\n    contact', 'categories: [name, face]\n    contact'), 'x.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].path).toBe('recipients[0].categories[1]');
  });
});
