// Wires the law and notice pillars into publication: lint gates it, change classification describes it.
import { lint } from './law/index.ts';
import { classifyChanges } from './notice/index.ts';
import type { PublicationHooks } from './publication/index.ts';

/** Publication hooks: lint findings (errors need an override) and classified changes (material or not). */
export async function publicationHooks(): Promise<PublicationHooks> {
  return {
    lint: (registry) => lint(registry).map((f) => ({ ruleId: f.ruleId, severity: f.severity, path: f.path, message: f.message })),
    classify: (before, after) => classifyChanges(before, after),
  };
}
