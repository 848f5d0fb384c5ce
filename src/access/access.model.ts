// Shapes of the access decision engine: who asks, about whom, for what, and the answer.
import type { IDENTIFIER_KINDS, Regime } from '../registry/index.ts';
import type { Role as PrincipalRole } from '../principals/principals.model.ts';

/** An identifier kind of a registry category (picks the validator and mask in deid). */
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** The three outcomes of a decision. */
export type Effect = 'allow-full' | 'allow-masked' | 'deny';

/** What the caller does with the values: reading them, or only keeping or securing them (PIPL 47 para 2). */
export type Operation = 'read' | 'storage' | 'security';

/** A subject's consent state for one purpose, as the consent pillar projects it. */
export type ConsentState = 'granted' | 'stale' | 'absent';

/** The subject's consents: a map from purpose id to state (fastest) or a function; missing means absent. */
export type ConsentLookup = ReadonlyMap<string, ConsentState> | ((purposeId: string) => ConsentState);

/** Who reads: staff by role and department, or a service account bound to purposes. */
export interface AccessActor {
  kind: 'staff' | 'service';
  role: PrincipalRole;
  department?: string | null;
  purposes: readonly string[];
}

/** Facts about the person whose data is read, handed in by the caller. */
export interface AccessSubject {
  role: string;
  regimes: readonly Regime[];
  age?: number;
  restricted?: boolean;
  objections?: readonly string[];
  consents: ConsentLookup;
  permissionsOff?: readonly string[];
}

/** One read of personal data: actor, subject, purpose, categories and operation (default read). */
export interface AccessRequest {
  actor: AccessActor;
  subject: AccessSubject;
  purpose: string;
  categories: readonly string[];
  operation?: Operation;
}

/** Stable reason codes of a decision. */
export const DECISION_RULES = [
  'PURPOSE_NOT_DECLARED', 'NO_CATEGORIES', 'CATEGORY_NOT_IN_PURPOSE', 'ROLE_NOT_IN_PURPOSE',
  'ACTOR_ROLE_DENIED', 'ACTOR_PURPOSE_NOT_BOUND', 'BASIS_NOT_AVAILABLE', 'CONSENT_ABSENT', 'CONSENT_STALE',
  'OBJECTION_RECORDED', 'PERMISSION_OFF', 'RESTRICTED', 'OPERATION_UNKNOWN', 'ALLOW', 'ALLOW_MASKED_ROLE', 'ALLOW_MASKED_PURPOSE',
] as const;
/** A stable reason code. */
export type DecisionRule = (typeof DECISION_RULES)[number];

/** The answer: effect, reason code, the law rule ids relied on, per-category effects when they differ, and a sentence with ids only. */
export interface Decision {
  readonly effect: Effect;
  readonly rule: DecisionRule;
  readonly law: readonly string[];
  readonly perCategory?: Readonly<Record<string, Effect>>;
  readonly reason: string;
}

/** Whose reads are masked by default: principal roles and departments (PIPL 51, GB/T 35273 6.3). */
export interface MaskFor {
  roles?: readonly PrincipalRole[];
  departments?: readonly string[];
}

/** Deployment settings compiled with the registry. */
export interface CompileOptions {
  /** Purposes each department's agents may use. */
  departments?: Readonly<Record<string, readonly string[]>>;
  /** Actors that see masked identifiers, the whole set; default { roles: ['agent'] }. */
  maskFor?: MaskFor;
  /** Identifier kinds masked for those actors; default DEFAULT_MASKED_KINDS. */
  maskKinds?: readonly IdentifierKind[];
}

/** Identifier kinds masked for masked actors by default: ID numbers, phones, cards, accounts, email, network and device ids. */
export const DEFAULT_MASKED_KINDS: readonly IdentifierKind[] = [
  'cn-resident-id', 'cn-uscc', 'cn-mobile', 'cn-landline', 'bank-card', 'bank-account', 'cn-passport', 'passport',
  'hk-id', 'mo-id', 'tw-id', 'tw-resident-cert', 'kr-rrn', 'kr-arn', 'kr-brn', 'kr-driver-licence', 'kr-passport',
  'kr-phone', 'hk-phone', 'mo-phone', 'tw-phone', 'phone', 'email', 'ip', 'mac', 'imei', 'device-id',
];

/** The objection id meaning "all direct marketing" (GDPR 21(2)); it cannot collide with a purpose id. */
export const MARKETING_OBJECTION = '*marketing';
