// Which identifier kind the vault masks each category with, from the registry's category kinds.
import type { AccessPolicy } from './access.compile.ts';
import type { Decision, IdentifierKind } from './access.model.ts';

/** Category id to identifier kind for the categories a decision masks (all given categories when no decision is passed); undeclared ones are left out. */
export function maskKindsFor(policy: AccessPolicy, categories: readonly string[], decision?: Decision): Map<string, IdentifierKind> {
  const out = new Map<string, IdentifierKind>();
  if (decision !== undefined && decision.effect !== 'allow-masked') return out;
  for (const c of categories) {
    const kind = policy.kinds.get(c);
    if (kind === undefined) continue;
    if (decision?.perCategory !== undefined && decision.perCategory[c] !== 'allow-masked') continue;
    out.set(c, kind);
  }
  return out;
}

/** The effect a decision gives one category: its per-category effect, or the decision's effect. */
export function effectFor(decision: Decision, category: string): Decision['effect'] {
  return decision.perCategory?.[category] ?? decision.effect;
}
