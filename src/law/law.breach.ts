// Breach clocks: who must be told, by when, under each regime (PIPL 57, CAC 2025 measures, PIPA 34, GDPR 33-34).
import type { Regime } from '../registry/index.ts';

/** Facts of an incident that decide the clocks. */
export interface IncidentFacts {
  awareAt: Date | string;
  regimes: Regime[];
  affected?: number;
  sensitive?: boolean;
  uniqueId?: boolean;
  vector?: 'external-intrusion' | 'insider' | 'loss' | 'misdelivery' | 'other';
  /** GDPR 34: likely to result in a high risk to people. */
  highRisk?: boolean;
  /** GDPR 33: unlikely to result in any risk. */
  riskUnlikely?: boolean;
  /** PIPA Decree 40: path known and data recovered or deleted. */
  recovered?: boolean;
  /** PIPL 57 para 2: measures effectively avoid harm. */
  harmAvoided?: boolean;
  /** CAC 2025 grading. */
  grade?: 'general' | 'relatively-major' | 'major' | 'especially-major';
  ciio?: boolean;
}

/** One notification duty: `due` is an ISO UTC instant, null when the law sets no hour limit ("without undue delay"). */
export interface BreachClock {
  regime: Regime;
  audience: 'regulator' | 'individuals';
  required: boolean;
  immediate: boolean;
  due: string | null;
  rule: string;
  note: string;
}

const hours = (at: Date, h: number) => new Date(at.getTime() + h * 3_600_000).toISOString();

/** Every notification clock an incident starts, including duties that are not required (with the reason). */
export function breachDeadlines(incident: IncidentFacts): BreachClock[] {
  const at = new Date(incident.awareAt);
  if (Number.isNaN(at.getTime())) throw new RangeError('invalid awareAt');
  const out: BreachClock[] = [];
  const r = new Set(incident.regimes);
  if (r.has('pipl')) {
    out.push({ regime: 'pipl', audience: 'regulator', required: true, immediate: true, due: at.toISOString(), rule: 'PIPL-57-1', note: 'immediately' });
    out.push({ regime: 'pipl', audience: 'individuals', required: !incident.harmAvoided, immediate: true, due: at.toISOString(), rule: incident.harmAvoided ? 'PIPL-57-2' : 'PIPL-57-1', note: incident.harmAvoided ? 'may be skipped: harm effectively avoided (regulator may still order it)' : 'immediately' });
    if (incident.grade !== undefined && incident.grade !== 'general') {
      out.push({ regime: 'pipl', audience: 'regulator', required: true, immediate: false, due: hours(at, incident.ciio ? 1 : 4), rule: 'CN-CSIR-1', note: incident.ciio ? 'CIIO: 1 hour' : '4 hours to the provincial CAC' });
    }
  }
  if (r.has('pipa')) {
    out.push({ regime: 'pipa', audience: 'individuals', required: true, immediate: false, due: hours(at, 72), rule: 'PIPA-34-1', note: '72 hours' });
    const trigger = (incident.affected ?? 0) >= 1000 || Boolean(incident.sensitive) || Boolean(incident.uniqueId) || incident.vector === 'external-intrusion';
    const required = trigger && !incident.recovered;
    out.push({ regime: 'pipa', audience: 'regulator', required, immediate: false, due: required ? hours(at, 72) : null, rule: 'PIPA-34-2', note: required ? '72 hours' : trigger ? 'not required: data recovered and risk remote' : 'not required: under 1,000 people, no sensitive or unique-ID data, no outside intrusion' });
  }
  if (r.has('gdpr')) {
    out.push({ regime: 'gdpr', audience: 'regulator', required: !incident.riskUnlikely, immediate: false, due: incident.riskUnlikely ? null : hours(at, 72), rule: 'GDPR-33-1', note: incident.riskUnlikely ? 'not required: risk unlikely (record in the breach register)' : 'without undue delay, within 72 hours' });
    out.push({ regime: 'gdpr', audience: 'individuals', required: Boolean(incident.highRisk), immediate: false, due: null, rule: 'GDPR-34-1', note: incident.highRisk ? 'without undue delay (no hour limit)' : 'not required: no high risk' });
  }
  return out;
}
