// Checks what the schema cannot: unique ids, references between sections, labels in every declared language.
import { LANGUAGES, type Registry } from './registry.model.ts';
import type { PathSegments } from './registry.loader.ts';

/** A cross-reference problem, before it is given a file position. */
export interface RefProblem {
  path: PathSegments;
  message: string;
  code: 'REGISTRY_DANGLING_REF' | 'REGISTRY_DUPLICATE_ID' | 'REGISTRY_MISSING_LABEL';
}

type Section = 'categories' | 'roles' | 'purposes' | 'recipients' | 'scenarios' | 'trackers' | 'permissions' | 'security' | 'rightsChannels' | 'clauses';
const SECTIONS: Section[] = ['categories', 'roles', 'purposes', 'recipients', 'scenarios', 'trackers', 'permissions', 'security', 'rightsChannels', 'clauses'];

/** Every reference field: where it lives and which section its ids must come from. */
const REFERENCES: { from: Section; field: string; to: Section }[] = [
  { from: 'purposes', field: 'categories', to: 'categories' },
  { from: 'purposes', field: 'roles', to: 'roles' },
  { from: 'purposes', field: 'scenarios', to: 'scenarios' },
  { from: 'purposes', field: 'masked', to: 'categories' },
  { from: 'recipients', field: 'purposes', to: 'purposes' },
  { from: 'recipients', field: 'categories', to: 'categories' },
  { from: 'recipients', field: 'subProcessorOf', to: 'recipients' },
  { from: 'scenarios', field: 'purposes', to: 'purposes' },
  { from: 'scenarios', field: 'categories', to: 'categories' },
  { from: 'trackers', field: 'recipient', to: 'recipients' },
  { from: 'trackers', field: 'purposes', to: 'purposes' },
  { from: 'permissions', field: 'purposes', to: 'purposes' },
];

/** Returns every duplicate id, dangling reference and missing label in a schema-valid registry. */
export function checkReferences(reg: Registry): RefProblem[] {
  const problems: RefProblem[] = [];
  const ids = new Map<Section, Set<string>>();
  for (const section of SECTIONS) {
    const seen = new Set<string>();
    (reg[section] as { id: string }[]).forEach((item, i) => {
      if (seen.has(item.id)) {
        problems.push({ path: [section, i, 'id'], message: `duplicate id "${item.id}" in ${section}`, code: 'REGISTRY_DUPLICATE_ID' });
      }
      seen.add(item.id);
    });
    ids.set(section, seen);
  }
  for (const ref of REFERENCES) {
    (reg[ref.from] as Record<string, unknown>[]).forEach((item, i) => {
      const value = item[ref.field];
      if (value === undefined) return;
      const list = Array.isArray(value) ? (value as string[]) : [value as string];
      list.forEach((target, j) => {
        if (!ids.get(ref.to)!.has(target)) {
          const path: PathSegments = Array.isArray(value) ? [ref.from, i, ref.field, j] : [ref.from, i, ref.field];
          problems.push({ path, message: `"${target}" is not a declared id in ${ref.to}`, code: 'REGISTRY_DANGLING_REF' });
        }
      });
    });
  }
  // A recipient may only receive categories that one of its purposes uses.
  reg.recipients.forEach((rec, i) => {
    const allowed = new Set(reg.purposes.filter((p) => rec.purposes.includes(p.id)).flatMap((p) => p.categories));
    rec.categories.forEach((c, j) => {
      if (ids.get('categories')!.has(c) && !allowed.has(c)) {
        problems.push({ path: ['recipients', i, 'categories', j], message: `category "${c}" is not used by any of this recipient's purposes`, code: 'REGISTRY_DANGLING_REF' });
      }
    });
  });
  checkLabels(reg, reg.organization.languages, [], problems);
  return problems;
}

const LANGUAGE_SET = new Set<string>(LANGUAGES);

// A label object is one whose keys are all language tags; each must carry every declared language.
function checkLabels(node: unknown, languages: readonly string[], path: PathSegments, out: RefProblem[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => checkLabels(item, languages, [...path, i], out));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const keys = Object.keys(node);
  if (keys.length > 0 && keys.every((k) => LANGUAGE_SET.has(k))) {
    const missing = languages.filter((l) => !keys.includes(l));
    if (missing.length > 0) out.push({ path, message: `missing label for ${missing.join(', ')}`, code: 'REGISTRY_MISSING_LABEL' });
    return;
  }
  for (const k of keys) checkLabels((node as Record<string, unknown>)[k], languages, [...path, k], out);
}
