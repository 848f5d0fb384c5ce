// Frozen decisions shared by every request with the same outcome, one per combination of the subject's regimes.
import type { Regime } from '../registry/index.ts';
import type { Decision, DecisionRule, Effect } from './access.model.ts';

/** Bits of a subject's regimes: pipl 1, pipa 2, gdpr 4; 0 when the caller names none. */
export const REGIME_BIT: Readonly<Record<Regime, number>> = { pipl: 1, pipa: 2, gdpr: 4 };

/** The law rule each regime relies on for one outcome; a missing regime cites nothing. */
export type LawByRegime = Partial<Record<Regime, string>>;

/** Eight frozen decisions indexed by regime bits. */
export type DecisionTable = readonly Decision[];

/** The regime bits of a subject; unknown strings add nothing. */
export function regimeMask(regimes: readonly Regime[]): number {
  let m = 0;
  for (let i = 0; i < regimes.length; i++) {
    const r = regimes[i];
    if (r === 'pipl') m |= 1;
    else if (r === 'pipa') m |= 2;
    else if (r === 'gdpr') m |= 4;
  }
  return m;
}

/** The rule ids a regime mask cites, in pipl, pipa, gdpr order; no regime named cites every regime's rule. */
export function lawFor(law: LawByRegime, mask: number): string[] {
  const m = mask === 0 ? 7 : mask;
  const out: string[] = [];
  for (const r of ['pipl', 'pipa', 'gdpr'] as const) if (m & REGIME_BIT[r] && law[r] && !out.includes(law[r])) out.push(law[r]);
  return out;
}

/** One frozen decision. */
export function decision(effect: Effect, rule: DecisionRule, reason: string, law: readonly string[] = [], perCategory?: Readonly<Record<string, Effect>>): Decision {
  const d: Decision = perCategory ? { effect, rule, law: Object.freeze([...law]), perCategory, reason } : { effect, rule, law: Object.freeze([...law]), reason };
  return Object.freeze(d);
}

/** A table of eight frozen decisions differing only in the law they cite. */
export function table(effect: Effect, rule: DecisionRule, reason: string, law: LawByRegime, perCategory?: Readonly<Record<string, Effect>>): DecisionTable {
  return Object.freeze(Array.from({ length: 8 }, (_, m) => decision(effect, rule, reason, lawFor(law, m), perCategory)));
}

// Rules cited per outcome (shared/law/rules.md); structural denies cite the registry itself, so no law.
export const LAW = {
  actor: { pipl: 'PIPL-51-1', pipa: 'PIPA-29-1' },
  masked: { pipl: 'PIPL-51-1', pipa: 'PIPA-29-1' },
  stale: { pipl: 'PIPL-14-2', pipa: 'PIPA-18-1', gdpr: 'GDPR-7-1' },
  permission: { pipl: 'PIPL-15-1', pipa: 'PIPA-37-1', gdpr: 'GDPR-7-2' },
  restricted: { pipl: 'PIPL-47-2', pipa: 'PIPA-37-1', gdpr: 'GDPR-15-1' },
  noLegitimateInterest: { pipl: 'PIPL-13-1' },
} as const satisfies Record<string, LawByRegime>;
