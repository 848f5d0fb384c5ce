// Registry queries shared by rule predicates: sensitivity per regime, recipients of a purpose, offered rights, borders.
import type { Category, Labels, Purpose, Recipient, Regime, Registry } from '../registry/index.ts';
import type { Hit } from './law.model.ts';

/** A right a rights channel can offer. */
export type Right = NonNullable<Registry['rightsChannels'][number]['rights']>[number];

/** EEA member states (EU 27 plus Iceland, Liechtenstein, Norway): transfers between them are not Chapter V transfers. */
export const EEA = new Set(['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO']);

/** Countries with a GDPR Art. 45 adequacy decision (US only for DPF-certified recipients, so not listed); CN has none. */
export const GDPR_ADEQUATE = new Set(['AD', 'AR', 'CA', 'CH', 'FO', 'GB', 'GG', 'IL', 'IM', 'JE', 'JP', 'KR', 'NZ', 'UY']);

/** The home territory of each regime: mainland China, Korea, the EEA. */
export function isAbroad(country: string, regime: Regime): boolean {
  if (regime === 'pipl') return country !== 'CN'; // PIPL 38: HK, MO and TW are outside the mainland
  if (regime === 'pipa') return country !== 'KR';
  return !EEA.has(country);
}

/** Whether a category is sensitive under a regime (PIPL 28, PIPA 23/24/24-2, GDPR 9/10). */
export function isSensitive(cat: Category, regime: Regime): boolean {
  const s = cat.sensitivity;
  if (!s) return false;
  if (regime === 'pipl') return s.pipl === 'sensitive';
  if (regime === 'pipa') return s.pipa !== undefined;
  return s.gdpr !== undefined;
}

/** Categories of a purpose, resolved. */
export function categoriesOf(reg: Registry, p: Purpose): Category[] {
  return p.categories.map((id) => reg.categories.find((c) => c.id === id)).filter((c): c is Category => c !== undefined);
}

/** Recipients that receive data for a purpose. */
export function recipientsOf(reg: Registry, p: Purpose): Recipient[] {
  return reg.recipients.filter((r) => r.purposes.includes(p.id));
}

/** Purposes a recipient receives data for. */
export function purposesOfRecipient(reg: Registry, r: Recipient): Purpose[] {
  return reg.purposes.filter((p) => r.purposes.includes(p.id));
}

/** Whether any rights channel offers a right; a channel without a rights list is taken to accept every request. */
export function offers(reg: Registry, right: Right): boolean {
  return reg.rightsChannels.some((c) => c.rights === undefined || c.rights.includes(right));
}

/** Consent mechanisms that are never valid consent (PIPL 14, PIPA Decree 17, GDPR 4(11)). */
export const INVALID_MECHANISMS = new Set(['continued-use', 'pre-ticked', 'silence', 'bundled-with-terms']);

/** Whether a purpose's consent is a separate (or written) item. */
export function isSeparate(p: Purpose): boolean {
  return p.consentMechanism === 'separate' || p.consentMechanism === 'written';
}

/** Whether a label has a non-empty text in every language the organization declares. */
export function inEveryLanguage(reg: Registry, labels: Labels | undefined): boolean {
  return reg.organization.languages.every((l) => (labels?.[l] ?? '').trim() !== '');
}

/** Whether a purpose states how long its data is kept with an actual limit. */
export function hasRetention(p: Purpose): boolean {
  return p.retention !== undefined;
}

/** Whether a retention is vague: "until the purpose is fulfilled" with no period and no rule (reported as a warning). */
export function isOpenEnded(p: Purpose): boolean {
  const r = p.retention;
  return r !== undefined && r.duration === undefined && r.rule === undefined && r.until === 'purpose-fulfilled';
}

/** Whether an organization contact has at least one way to reach it. */
export function hasContact(c: { email?: string; phone?: string; url?: string; address?: Labels } | undefined): boolean {
  return c !== undefined && Boolean(c.email || c.phone || c.url || (c.address && Object.keys(c.address).length > 0));
}

/** Maps each element of a section to hits, with its index. */
export function each<T>(list: T[], fn: (item: T, i: number) => Hit | Hit[] | undefined | false): Hit[] {
  return list.flatMap((item, i) => {
    const r = fn(item, i);
    return r ? (Array.isArray(r) ? r : [r]) : [];
  });
}

/** Categories whose kind names a biometric face template or image. */
export function isFace(cat: Category): boolean {
  const text = `${cat.id} ${Object.values(cat.labels).join(' ')}`;
  return cat.kind === 'biometric' && /face|facial|人脸|人臉|面部|刷脸|刷臉|얼굴|안면/i.test(text);
}
