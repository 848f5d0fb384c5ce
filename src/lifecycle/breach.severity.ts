// How bad a breach is: sensitivity under each involved regime, unique identifiers, financial data, counts and vector.
import { isSensitive } from '../law/index.ts';
import type { Category, Registry } from '../registry/index.ts';
import type { Incident } from './breach.model.ts';

/** The classification of a breach with the reasons that led to it. */
export interface BreachSeverity {
  severity: 'low' | 'medium' | 'high' | 'critical';
  reasons: string[];
  /** Any category sensitive under a regime of the incident (PIPL 28, PIPA 23, GDPR 9/10). */
  sensitive: boolean;
  /** Any unique identifier (PIPA 24/24-2 or an identity-document kind). */
  uniqueIds: boolean;
  /** PIPA Decree 40: 1,000 or more people under PIPA. */
  kr1000: boolean;
}

const UNIQUE_KINDS = new Set(['cn-resident-id', 'kr-rrn', 'kr-arn', 'kr-driver-licence', 'kr-passport', 'passport', 'cn-passport', 'hk-id', 'mo-id', 'tw-id', 'tw-resident-cert']);
const FINANCIAL_KINDS = new Set(['bank-card', 'bank-account', 'card-expiry']);
const CREDENTIAL = /password|passcode|credential|密码|密碼|비밀번호/i;

/** Whether a category is a unique identifier (PIPA 24 / 24-2 or an identity-document number). */
export function isUniqueId(c: Category): boolean {
  return c.sensitivity?.pipa === 'unique-id' || c.sensitivity?.pipa === 'rrn' || UNIQUE_KINDS.has(c.kind);
}

/** Whether a category is payment or bank data. */
export function isFinancial(c: Category): boolean {
  return FINANCIAL_KINDS.has(c.kind);
}

/** Whether a category holds passwords or other credentials. */
export function isCredential(c: Category): boolean {
  return CREDENTIAL.test(`${c.id} ${c.labels.en ?? ''}`);
}

/** The registry categories of an incident; throws RangeError naming any id the registry does not declare. */
export function incidentCategories(registry: Registry, incident: Pick<Incident, 'categories'>): Category[] {
  const unknown = incident.categories.filter((id) => !registry.categories.some((c) => c.id === id));
  if (unknown.length > 0) throw new RangeError(`categories not in the registry: ${unknown.join(', ')}`);
  return incident.categories.map((id) => registry.categories.find((c) => c.id === id)!);
}

/** Classifies a breach: points for sensitive, unique-ID, financial and credential data, for the count and for the vector. */
export function classifyBreachSeverity(registry: Registry, incident: Incident): BreachSeverity {
  const cats = incidentCategories(registry, incident);
  const reasons: string[] = [];
  let score = 0;
  const add = (points: number, reason: string) => {
    score += points;
    reasons.push(reason);
  };
  const sensitiveUnder = incident.regimes.filter((r) => cats.some((c) => isSensitive(c, r) && !(r === 'pipa' && isUniqueId(c) && c.sensitivity?.pipa !== 'sensitive')));
  const sensitive = sensitiveUnder.length > 0;
  const uniqueIds = cats.some(isUniqueId);
  const kr1000 = incident.regimes.includes('pipa') && incident.affectedCount >= 1000;
  if (sensitive) add(3, `sensitive data under ${sensitiveUnder.join(', ')} (PIPL 28, PIPA 23, GDPR 9)`);
  if (uniqueIds) add(2, 'unique identifiers (PIPA 24, identity documents)');
  if (cats.some(isFinancial)) add(2, 'payment or bank data');
  if (cats.some(isCredential)) add(2, 'passwords or other credentials');
  if (cats.some((c) => c.kind === 'biometric')) add(1, 'biometric data cannot be changed');
  const n = incident.affectedCount;
  if (n >= 1_000_000) add(4, `${n} people (1,000,000 or more; may reach the CAC "relatively major" grade, CN-CSIR-1)`);
  else if (n >= 100_000) add(3, `${n} people (100,000 or more)`);
  else if (n >= 10_000) add(2, `${n} people (10,000 or more)`);
  else if (n >= 1_000) add(1, `${n} people (1,000 or more${kr1000 ? ': PIPA Decree 40 report threshold' : ''})`);
  if (incident.vector === 'external-intrusion') add(2, 'unlawful access from outside (PIPA Decree 40 report trigger)');
  else if (incident.vector === 'insider') add(2, 'deliberate misuse by an insider is likely');
  else if (incident.vector === 'loss' || incident.vector === 'other') add(1, `vector: ${incident.vector}`);
  else reasons.push('vector: misdelivery to a known recipient (usually contained)');
  if (incident.recovered) {
    score -= 2;
    reasons.push('data recovered or deleted (PIPA Decree 40)');
  }
  let severity: BreachSeverity['severity'] = score >= 8 ? 'critical' : score >= 5 ? 'high' : score >= 3 ? 'medium' : 'low';
  // PIPA 34(4): any sensitive or unique-ID data or 1,000+ people is reportable, so never "low".
  if (severity === 'low' && (sensitive || uniqueIds || kr1000)) severity = 'medium';
  return { severity, reasons, sensitive, uniqueIds, kr1000 };
}
