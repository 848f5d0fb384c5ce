// Structural diff between two registry versions: a list of changes by path, items matched by id.
import type { Registry } from './registry.model.ts';

/** One change between two versions. Paths name list items by id: `purposes[marketing].categories`. */
export interface RegistryChange {
  path: string;
  /** Top-level section, e.g. `purposes`. */
  section: string;
  /** Id of the section item concerned, when the section is a list of items. */
  itemId?: string;
  op: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

/** Lists every change from `before` to `after`; empty when they are equal. */
export function diffRegistries(before: Registry, after: Registry): RegistryChange[] {
  const out: RegistryChange[] = [];
  const sections = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const section of sections) {
    walk((before as Record<string, unknown>)[section], (after as Record<string, unknown>)[section], section, section, undefined, out);
  }
  return out;
}

function isIdList(v: unknown): v is { id: string }[] {
  return Array.isArray(v) && v.length > 0 && v.every((x) => x !== null && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'string');
}

function isScalarList(v: unknown): v is (string | number | boolean)[] {
  return Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object');
}

function walk(a: unknown, b: unknown, path: string, section: string, itemId: string | undefined, out: RegistryChange[]): void {
  if (a === undefined && b === undefined) return;
  if (a === undefined) return void out.push({ path, section, itemId, op: 'added', after: b });
  if (b === undefined) return void out.push({ path, section, itemId, op: 'removed', before: a });
  if ((isIdList(a) || (Array.isArray(a) && a.length === 0)) && (isIdList(b) || (Array.isArray(b) && b.length === 0)) && (isIdList(a) || isIdList(b))) {
    const am = new Map((a as { id: string }[]).map((x) => [x.id, x]));
    const bm = new Map((b as { id: string }[]).map((x) => [x.id, x]));
    for (const [id, x] of am) walk(x, bm.get(id), `${path}[${id}]`, section, itemId ?? id, out);
    for (const [id, x] of bm) if (!am.has(id)) out.push({ path: `${path}[${id}]`, section, itemId: itemId ?? id, op: 'added', after: x });
    return;
  }
  if (isScalarList(a) && isScalarList(b)) {
    const as = new Set(a);
    const bs = new Set(b);
    for (const x of b) if (!as.has(x)) out.push({ path, section, itemId, op: 'added', after: x });
    for (const x of a) if (!bs.has(x)) out.push({ path, section, itemId, op: 'removed', before: x });
    return;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[k], b[k], `${path}.${k}`, section, itemId, out);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, section, itemId, op: 'changed', before: a, after: b });
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
