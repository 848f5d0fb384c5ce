// The notice's own wording: one object per language, typed so that a missing key fails the type check.
import type { Language, LEGAL_BASES, MECHANISMS, RIGHTS } from '../../registry/index.ts';

/** Section ids, in the order a notice shows them. */
export const SECTION_IDS = [
  'controller', 'collection', 'purposes', 'sensitive', 'automated', 'retention', 'sharing', 'processors',
  'crossBorder', 'trackers', 'permissions', 'security', 'rights', 'fees', 'children', 'changes',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

type RecipientKind = 'affiliate' | 'processor' | 'third-party' | 'public';
type TrackerClass = 'necessary' | 'functional' | 'analytics' | 'advertising';
type PermissionKind = 'location' | 'camera' | 'album' | 'microphone' | 'contacts' | 'notifications' | 'bluetooth' | 'calendar' | 'storage' | 'phone';
type ChannelKind = 'web' | 'email' | 'phone' | 'post' | 'in-app' | 'in-person';
type UntilTrigger = 'account-closed' | 'purpose-fulfilled' | 'consent-withdrawn' | 'contract-ended';
type Mechanism = 'general' | 'separate' | 'written' | 'explicit';

/** Parts of an ISO 8601 duration, each counted in its own unit. */
export type { DurationParts } from '../../registry/index.ts';
import type { DurationParts } from '../../registry/index.ts';

/** Row headers used in the notice's tables. */
export interface FieldNames {
  name: string; personName: string; email: string; phone: string; website: string; address: string; contact: string;
  privacyOfficer: string; representative: string; supervisoryAuthority: string;
  item: string; sensitive: string; origin: string; source: string; scenario: string;
  purpose: string; purposes: string; categories: string; description: string; legalBasis: string;
  legitimateInterest: string; required: string; consent: string; method: string; retention: string;
  appliesTo: string; necessity: string; impact: string; statute: string; logic: string; criteria: string;
  effect: string; humanReview: string; recipient: string; kind: string; country: string; destination: string;
  transferTime: string; safeguard: string; rightsAgainst: string; howToRefuse: string;
  tracker: string; trackerClass: string; provider: string; storedItems: string; duration: string;
  permission: string; channel: string; details: string; rights: string; fee: string;
}

/** Everything a notice says in its own words, in one language. */
export interface NoticeMessages {
  title: string;
  skipLink: string;
  contents: string;
  versionLabel: string;
  effectiveLabel: string;
  date: (year: number, month: number, day: number) => string;
  /** Joins list items the way the language writes an enumeration. */
  listSeparator: string;
  /** Separator between a value and an explanation that follows it. */
  clauseSeparator: string;
  /** Between a term and its explanation ("Access: ..."). */
  labelSeparator: string;
  /** Between two sentences in one paragraph (a space, or nothing in Chinese). */
  sentenceGap: string;
  /** Wraps an aside in the language's parentheses. */
  paren: (s: string) => string;
  intro: (controller: string) => string;
  sections: Record<SectionId, string>;
  fields: FieldNames;
  yes: string;
  no: string;
  duration: (d: DurationParts) => string;
  retentionFor: (duration: string, from: 'collection' | 'last-use') => string;
  retentionUntil: (trigger: UntilTrigger, grace?: string) => string;
  legalBases: Record<(typeof LEGAL_BASES)[number], string>;
  recipientKinds: Record<RecipientKind, string>;
  transferMechanisms: Record<(typeof MECHANISMS)[number], string>;
  consentKinds: Record<Mechanism, string>;
  trackerClasses: Record<TrackerClass, string>;
  trackerClassNotes: Record<TrackerClass, string>;
  permissions: Record<PermissionKind, string>;
  channelKinds: Record<ChannelKind, string>;
  rights: Record<(typeof RIGHTS)[number], string>;
  rightsNotes: Record<(typeof RIGHTS)[number], string>;
  sensitivityKinds: { pipl: string; pipaSensitive: string; pipaUniqueId: string; pipaRrn: string; gdprSpecial: string; gdprCriminal: string };
  origins: { collected: string; derived: string; indirect: string };
  sourceKinds: { direct: string; indirect: string };
  requiredText: string;
  optionalText: string;
  /** For a purpose that is not needed for the service but does not rest on consent. */
  notRequiredText: string;
  marketingText: string;
  profilingText: string;
  collectionIntro: string;
  noScenarios: string;
  publicPlaceText: string;
  purposesIntro: string;
  sensitiveIntro: string;
  automatedIntro: string;
  admSignificant: string;
  admNotSignificant: string;
  admObject: string;
  admGdpr: string;
  retentionIntro: string;
  destruction: string;
  sharingIntro: string;
  noSharing: string;
  refuseSharing: string;
  publicIntro: string;
  processorsIntro: string;
  noProcessors: string;
  crossBorderIntro: string;
  rightsAgainstDefault: string;
  refuseTransfer: string;
  trackersIntro: string;
  noTrackers: string;
  trackersRefuse: string;
  permissionsIntro: string;
  securityIntro: string;
  noSecurity: string;
  rightsIntro: string;
  channelsIntro: string;
  noChannels: string;
  allRights: string;
  withdrawText: string;
  complaintText: (authority?: string) => string;
  deadlinePipa: string;
  deadlineGdpr: string;
  deadlinePipl: string;
  feesFree: string;
  firstCopyFree: string;
  feeAmount: (amount: string, period?: string) => string;
  childrenText: (age?: number) => string;
  changesText: string;
  changesList: string[];
  countryUnknown: string;
}

/** Languages with their message objects, for completeness checks. */
export type MessageCatalogue = Record<Language, NoticeMessages>;
