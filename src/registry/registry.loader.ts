// Parses registry YAML, validates it and reports every problem with file:line:col and a registry path.
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { RegistrySchema, type Registry } from './registry.model.ts';
import { checkReferences } from './registry.refs.ts';

/** One problem found in a registry document. */
export interface RegistryProblem {
  file: string;
  line: number;
  col: number;
  path: string;
  message: string;
  code: 'REGISTRY_YAML' | 'REGISTRY_INVALID' | 'REGISTRY_UNKNOWN_KEY' | 'REGISTRY_DANGLING_REF' | 'REGISTRY_DUPLICATE_ID' | 'REGISTRY_MISSING_LABEL' | 'REGISTRY_BAD_DURATION';
}

/** Result of loading: a registry, or every problem at once. */
export type LoadResult = { ok: true; registry: Registry } | { ok: false; problems: RegistryProblem[] };

/** A path inside the registry as segments, e.g. ['purposes', 3, 'legalBasis']. */
export type PathSegments = (string | number)[];

/** Formats path segments as `purposes[3].legalBasis`. */
export function formatPath(path: PathSegments): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || '(root)';
}

/** Formats a problem the way `custodia validate` prints it. */
export function formatProblem(p: RegistryProblem): string {
  return `${p.file}:${p.line}:${p.col}  ${p.path}  ${p.message}`;
}

/** Parses and validates registry YAML text; never throws on bad input. */
export function loadRegistry(text: string, file = '<registry>'): LoadResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return { file, line: pos.line, col: pos.col, path: '(yaml)', message: e.message.split('\n')[0], code: 'REGISTRY_YAML' as const };
      }),
    };
  }
  const raw = doc.toJS({ maxAliasCount: 100 }) as unknown;
  const locate = locator(doc, lines);
  const parsed = RegistrySchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.flatMap((i) => zodProblems(i, file, locate)) };
  }
  const refProblems = checkReferences(parsed.data);
  if (refProblems.length > 0) {
    return {
      ok: false,
      problems: refProblems.map((r) => ({ file, ...locate(r.path), path: formatPath(r.path), message: r.message, code: r.code })),
    };
  }
  return { ok: true, registry: parsed.data };
}

function zodProblems(issue: z.core.$ZodIssue, file: string, locate: Locator): RegistryProblem[] {
  const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => ({
      file,
      ...locate([...path, k], true),
      path: formatPath([...path, k]),
      message: `unknown key "${k}"`,
      code: 'REGISTRY_UNKNOWN_KEY' as const,
    }));
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    return zodProblems(issue.errors[0][0], file, locate);
  }
  const isDuration = issue.code === 'invalid_format' && issue.message.includes('ISO 8601 duration');
  let message = issue.message;
  if (issue.code === 'invalid_type' && issue.input === undefined) message = `required ${issue.expected} is missing`;
  else if (issue.code === 'invalid_value') message = `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return [{ file, ...locate(path), path: formatPath(path), message, code: isDuration ? 'REGISTRY_BAD_DURATION' : 'REGISTRY_INVALID' }];
}

type Locator = (path: PathSegments, keyPosition?: boolean) => { line: number; col: number };

// Finds the closest YAML node for a path (the key itself for unknown keys) and turns its offset into line:col.
function locator(doc: Document, lines: LineCounter): Locator {
  return (path, keyPosition = false) => {
    let node: unknown = doc.contents;
    let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === seg);
        if (!pair) break;
        const keyNode = pair.key as Node;
        const valueNode = pair.value as Node | null;
        offset = keyPosition && seg === path[path.length - 1] ? (keyNode.range?.[0] ?? offset) : (valueNode?.range?.[0] ?? keyNode.range?.[0] ?? offset);
        node = valueNode;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as Node | undefined;
        if (!item) break;
        offset = item.range?.[0] ?? offset;
        node = item;
      } else break;
    }
    const pos = lines.linePos(offset);
    return { line: pos.line, col: pos.col };
  };
}
