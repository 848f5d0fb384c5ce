// The registry schema: a company's privacy policy as data. Key names follow docs/architecture.md.
import { z } from 'zod';

/** Languages a notice can be rendered in. */
export const LANGUAGES = ['zh-Hans', 'zh-Hant', 'ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Legal regimes Custodia knows. */
export const REGIMES = ['pipl', 'pipa', 'gdpr'] as const;
export type Regime = (typeof REGIMES)[number];

/** ISO 8601 duration with calendar parts (P3Y, P6M, P30D, PT72H, P1Y6M). */
export const DURATION_RE = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes');
const duration = z.string().regex(DURATION_RE, 'not an ISO 8601 duration such as P3Y, P30D or PT72H');

/** Text per language; which languages must be present is checked against organization.languages. */
export const Labels = z.partialRecord(z.enum(LANGUAGES), z.string().min(1));
export type Labels = z.infer<typeof Labels>;

const contact = z.strictObject({
  email: z.string().optional(),
  phone: z.string().optional(),
  url: z.string().optional(),
  address: Labels.optional(),
});
export type Contact = z.infer<typeof contact>;

const person = z.strictObject({
  name: Labels.optional(),
  title: Labels.optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  address: Labels.optional(),
});

/** Identifier kinds: pick the validator and mask in deid (../shared/pii/identifiers.md). */
export const IDENTIFIER_KINDS = [
  'cn-resident-id', 'cn-uscc', 'cn-mobile', 'cn-landline', 'bank-card', 'cn-passport', 'hk-id', 'mo-id',
  'tw-id', 'tw-resident-cert', 'kr-rrn', 'kr-arn', 'kr-brn', 'kr-driver-licence', 'kr-passport', 'kr-phone',
  'hk-phone', 'mo-phone', 'tw-phone', 'phone', 'email', 'ip', 'mac', 'imei', 'postal-code', 'birth-date',
  'date', 'name', 'address', 'passport', 'card-expiry', 'bank-account', 'account-name', 'free-text',
  'biometric', 'image', 'audio', 'location', 'device-id', 'cookie-id', 'order-number', 'amount', 'other',
] as const;

const sensitivity = z.strictObject({
  pipl: z.enum(['sensitive']).optional(),
  pipa: z.enum(['sensitive', 'unique-id', 'rrn']).optional(),
  gdpr: z.enum(['special', 'criminal']).optional(),
});

const category = z.strictObject({
  id,
  labels: Labels,
  kind: z.enum(IDENTIFIER_KINDS).default('other'),
  sensitivity: sensitivity.optional(),
  // PIPL 30: why a sensitive category is needed and how it affects the person
  necessity: Labels.optional(),
  impact: Labels.optional(),
  origin: z.enum(['collected', 'derived', 'indirect']).default('collected'),
  source: Labels.optional(),
  // PIPA 16: minimum items needed for the service
  minimum: z.boolean().optional(),
  encryptedAtRest: z.boolean().optional(),
  // PIPA 24 / 24-2: statute allowing unique identifiers or RRN
  statute: Labels.optional(),
});

const role = z.strictObject({
  id,
  labels: Labels,
  employee: z.boolean().optional(),
  minAge: z.number().int().nonnegative().optional(),
});

/** Legal bases across the three regimes (GDPR's six, PIPL 13 and PIPA 15 additions). */
export const LEGAL_BASES = [
  'consent', 'contract', 'legal-obligation', 'vital-interests', 'public-task', 'legitimate-interests',
  'hr-management', 'news-reporting', 'publicly-disclosed', 'public-health', 'other-law',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** How a purpose's consent is obtained; the last four are not valid consent anywhere. */
export const CONSENT_MECHANISMS = [
  'general', 'separate', 'written', 'explicit', 'opt-out',
  'continued-use', 'pre-ticked', 'silence', 'bundled-with-terms',
] as const;

const retention = z
  .strictObject({
    duration: duration.optional(),
    until: z.enum(['account-closed', 'purpose-fulfilled', 'consent-withdrawn', 'contract-ended']).optional(),
    grace: duration.optional(),
    from: z.enum(['collection', 'last-use']).default('collection'),
    rule: Labels.optional(),
  })
  .refine((r) => r.duration !== undefined || r.until !== undefined || r.rule !== undefined, {
    message: 'retention needs a duration, an until trigger or a rule',
  });
export type Retention = z.infer<typeof retention>;

const adm = z.strictObject({
  significantEffect: z.boolean(),
  logic: Labels.optional(),
  humanReview: z.boolean().optional(),
  criteria: Labels.optional(),
});

const assessment = z.strictObject({
  id: z.string(),
  date: z.string().optional(),
  approved: z.boolean().default(true),
});

const purpose = z.strictObject({
  id,
  labels: Labels,
  description: Labels.optional(),
  categories: z.array(id).min(1),
  roles: z.array(id).optional(),
  legalBasis: z.enum(LEGAL_BASES),
  // GDPR 6(1)(f) / PIPA 15(1)(6): the interest relied on, and its balancing record
  legitimateInterest: Labels.optional(),
  balancing: z.string().optional(),
  required: z.boolean(),
  necessity: Labels.optional(),
  method: Labels.optional(),
  adm: adm.optional(),
  profiling: z.boolean().optional(),
  marketing: z.boolean().optional(),
  analytics: z.boolean().optional(),
  publicMonitoring: z.boolean().optional(),
  consentMechanism: z.enum(CONSENT_MECHANISMS).optional(),
  retention: retention.optional(),
  scenarios: z.array(id).optional(),
  assessment: assessment.optional(),
  nightMarketing: z.boolean().optional(),
  // PIPL 51, GB/T 35273 6.3: categories this purpose may only see masked (e.g. customer service reading phones)
  masked: z.array(id).optional(),
});
export type Purpose = z.infer<typeof purpose>;

/** Cross-border transfer mechanisms (PIPL 38, PIPA 28-8, GDPR 45-49). */
export const MECHANISMS = [
  'cac-assessment', 'certification', 'standard-contract', 'exemption', 'separate-consent',
  'adequacy', 'scc', 'bcr', 'derogation', 'statute', 'contract-necessity',
] as const;

const mechanism = z.strictObject({
  type: z.enum(MECHANISMS),
  reference: z.string().optional(),
  expiry: z.string().optional(),
  occasional: z.boolean().optional(),
  note: Labels.optional(),
});

const recipient = z.strictObject({
  id,
  names: Labels,
  kind: z.enum(['affiliate', 'processor', 'third-party', 'public']),
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code such as CN, JP or KR'),
  contact: contact.optional(),
  purposes: z.array(id).min(1),
  categories: z.array(id).min(1),
  method: Labels.optional(),
  retention: Labels.optional(),
  transferTime: Labels.optional(),
  mechanism: mechanism.optional(),
  rightsChannel: Labels.optional(),
  // PIPL 21 / GDPR 28: the entrustment contract is on file
  contract: z.boolean().optional(),
  subProcessorOf: id.optional(),
});
export type Recipient = z.infer<typeof recipient>;

const scenario = z.strictObject({
  id,
  labels: Labels,
  purposes: z.array(id).min(1),
  categories: z.array(id).optional(),
  source: z.enum(['direct', 'indirect']).default('direct'),
  sourceDetail: Labels.optional(),
  publicPlace: z.boolean().optional(),
  signage: z.boolean().optional(),
});

const tracker = z.strictObject({
  id,
  labels: Labels,
  class: z.enum(['necessary', 'functional', 'analytics', 'advertising']),
  recipient: id.optional(),
  purposes: z.array(id).optional(),
  cookies: z.array(z.string()).optional(),
  script: z.string().optional(),
  retention: duration.optional(),
});

const permission = z.strictObject({
  id,
  labels: Labels,
  permission: z.enum(['location', 'camera', 'album', 'microphone', 'contacts', 'notifications', 'bluetooth', 'calendar', 'storage', 'phone']),
  purposes: z.array(id).min(1),
});

const security = z.strictObject({ id, labels: Labels });

export const RIGHTS = ['access', 'copy', 'rectify', 'erase', 'restrict', 'object', 'portability', 'withdraw', 'close-account', 'adm-explanation', 'adm-human-review', 'explain-rules', 'complain'] as const;

const rightsChannel = z.strictObject({
  id,
  kind: z.enum(['web', 'email', 'phone', 'post', 'in-app', 'in-person']),
  labels: Labels,
  contact: z.string().optional(),
  rights: z.array(z.enum(RIGHTS)).optional(),
});

const fees = z.strictObject({
  firstCopyFree: z.boolean().default(true),
  amount: z.number().nonnegative().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  period: duration.optional(),
  labels: Labels.optional(),
});

const clause = z.strictObject({
  id,
  text: z.string().min(1),
  lang: z.enum(LANGUAGES),
  topic: z.enum(['deemed-consent', 'change-prevails', 'third-party-policy', 'consent-exemptions', 'retention', 'transfer', 'other']).optional(),
});

const organization = z.strictObject({
  id,
  names: Labels,
  contact,
  privacyOfficer: person.optional(),
  representative: person.optional(),
  regimes: z.array(z.enum(REGIMES)).min(1),
  languages: z.array(z.enum(LANGUAGES)).min(1),
  version: z.string().min(1),
  effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
  supervisoryAuthority: Labels.optional(),
  childAge: z.number().int().min(0).max(18).optional(),
  childrenRules: Labels.optional(),
  largeScale: z.boolean().optional(),
  ciio: z.boolean().optional(),
});

/** The whole registry document. */
export const RegistrySchema = z.strictObject({
  organization,
  categories: z.array(category).min(1),
  roles: z.array(role).min(1),
  purposes: z.array(purpose).min(1),
  recipients: z.array(recipient).default([]),
  scenarios: z.array(scenario).default([]),
  trackers: z.array(tracker).default([]),
  permissions: z.array(permission).default([]),
  security: z.array(security).default([]),
  rightsChannels: z.array(rightsChannel).default([]),
  fees: fees.optional(),
  clauses: z.array(clause).default([]),
});

/** A validated registry. */
export type Registry = z.infer<typeof RegistrySchema>;
export type Category = Registry['categories'][number];
export type Role = Registry['roles'][number];
export type Scenario = Registry['scenarios'][number];
export type Tracker = Registry['trackers'][number];
export type Permission = Registry['permissions'][number];
