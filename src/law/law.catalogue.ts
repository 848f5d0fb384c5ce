// The rule catalogue: every row of rules.md section 1, assembled from one file per regime and kind.
import type { Regime } from '../registry/index.ts';
import type { Rule } from './law.model.ts';
import { GDPR_CONSENT } from './rules/gdpr-consent.ts';
import { GDPR_NOTICE } from './rules/gdpr-notice.ts';
import { GDPR_TRANSFER } from './rules/gdpr-transfer.ts';
import { PIPA_CONSENT } from './rules/pipa-consent.ts';
import { PIPA_NOTICE } from './rules/pipa-notice.ts';
import { PIPA_TRANSFER } from './rules/pipa-transfer.ts';
import { PIPL_CONSENT } from './rules/pipl-consent.ts';
import { PIPL_NOTICE } from './rules/pipl-notice.ts';
import { PIPL_TRANSFER } from './rules/pipl-transfer.ts';

/** Every rule, PIPL first, then PIPA, then GDPR; adding a rule is adding one entry to one of these arrays. */
export const CATALOGUE: readonly Rule[] = [
  ...PIPL_CONSENT, ...PIPL_NOTICE, ...PIPL_TRANSFER,
  ...PIPA_CONSENT, ...PIPA_NOTICE, ...PIPA_TRANSFER,
  ...GDPR_CONSENT, ...GDPR_NOTICE, ...GDPR_TRANSFER,
];

const BY_ID = new Map(CATALOGUE.map((r) => [r.id, r]));

/** The rule with this id, or undefined. */
export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/** The rules of one regime. */
export function rulesOf(regime: Regime): Rule[] {
  return CATALOGUE.filter((r) => r.regime === regime);
}
