// Which recipients are abroad: outside the home territory of the registry's first (the controller's own) regime.
import type { Recipient, Regime, Registry } from '../registry/index.ts';

const EEA = new Set('AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO'.split(' '));
// PIPL treats Hong Kong, Macao and Taiwan as outside mainland China for transfers.
const HOME: Record<Regime, (country: string) => boolean> = {
  pipl: (c) => c === 'CN',
  pipa: (c) => c === 'KR',
  gdpr: (c) => EEA.has(c),
};

/** True when giving data to this recipient is a cross-border transfer (or the registry records a transfer mechanism). */
export function isCrossBorder(registry: Registry, r: Recipient): boolean {
  return !HOME[registry.organization.regimes[0]](r.country) || r.mechanism !== undefined;
}
