// Request types, statuses and inputs of data-subject requests, and the hook point for connectors.
import { z } from 'zod';
import type { RequestKind } from '../law/index.ts';

/** Every request type Custodia handles; each maps to the law's request kind for its deadline. */
export const REQUEST_TYPES = [
  'access', 'copy', 'portability', 'rectify', 'erase', 'restrict', 'object', 'consent-scope',
  'adm-explanation', 'adm-human-review', 'close-account',
] as const;
/** A request type. */
export type RequestType = (typeof REQUEST_TYPES)[number];

/** The law's deadline kind of each request type (a consent scope change is a withdrawal, PIPL 15). */
export const LAW_KIND: Record<RequestType, RequestKind> = {
  access: 'access', copy: 'copy', portability: 'portability', rectify: 'rectify', erase: 'erase', restrict: 'restrict', object: 'object',
  'consent-scope': 'withdraw', 'adm-explanation': 'adm-explanation', 'adm-human-review': 'adm-human-review', 'close-account': 'close-account',
};

/** Where a request stands. `open` is accepted and being worked on; the last four are final. */
export const REQUEST_STATUSES = ['awaiting-review', 'open', 'completed', 'refused', 'rejected', 'withdrawn'] as const;
/** A request status. */
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
/** Statuses that still count as open (one per type and person). */
export const OPEN_STATUSES: readonly RequestStatus[] = ['awaiting-review', 'open'];

/** Who asks: the person, an authorised agent, a guardian or legal representative, or a close relative of a deceased person (PIPL 49). */
export const REQUESTERS = ['subject', 'agent', 'guardian', 'relative'] as const;
/** A requester kind. */
export type Requester = (typeof REQUESTERS)[number];

/** Types whose work is done by the job queue once accepted (the others wait for staff to answer). */
export const JOB_TYPES: readonly RequestType[] = ['access', 'copy', 'portability', 'rectify', 'erase', 'restrict', 'object', 'consent-scope', 'close-account'];

/** The input of a new request: the type is a plain string so unknown types get a named refusal. */
export const RequestInput = z.object({
  type: z.string().min(1).max(50),
  language: z.enum(['zh-Hans', 'zh-Hant', 'ko', 'en']).optional(),
  categories: z.array(z.string().min(1).max(100)).max(500).optional().describe('erase, restrict: only these categories (default: all)'),
  values: z.array(z.object({ category: z.string().min(1).max(100), value: z.string().min(1).max(4096) })).max(200).optional().describe('rectify: the corrected values'),
  purposes: z.array(z.string().min(1).max(100)).max(100).optional().describe('object, consent-scope: the purposes (default for object: every marketing purpose)'),
  marketing: z.boolean().optional().describe('object: object to all direct marketing (GDPR 21(2)); effective at once'),
  decisionRef: z.string().max(200).optional().describe('adm-explanation, adm-human-review: the decision record referred to'),
  message: z.string().max(4000).optional().describe("the person's own words; never copied into logs or audit entries"),
});
/** A new request's input. */
export type RequestInput = z.infer<typeof RequestInput>;

/** Who files a request for someone else, and the proof staff review (PIPL 49: relationship, proof of death, the person's own instructions). */
export const OnBehalf = z.object({
  requester: z.enum(REQUESTERS).default('subject'),
  proofRef: z.string().min(1).max(200).optional().describe('a document id of the proof (mandate, guardianship, death and relationship)'),
  relationship: z.string().max(100).optional(),
  channel: z.enum(['web', 'email', 'phone', 'post', 'in-app', 'in-person', 'api']).default('api'),
});
/** Fields of a request filed on someone's behalf. */
export type OnBehalf = z.infer<typeof OnBehalf>;

/** A request as staff and the person see it (no personal values). */
export interface RightsRequest {
  id: string;
  subjectId: string;
  type: RequestType;
  status: RequestStatus;
  requester: Requester;
  channel: string;
  proofRef: string | null;
  relationship: string | null;
  language: string;
  input: Record<string, unknown>;
  receivedAt: string;
  dueAt: string;
  overdue: boolean;
  deadline: { regime: string; rule: string; basis: string; immediate: boolean; extended?: boolean };
  extension: { at: string; reason: string } | null;
  reviewReason: string | null;
  result: Record<string, unknown> | null;
  outcome: { code: string; text: string } | null;
  fee: { amount: number; currency: string; copyNo: number } | null;
  lastError: string | null;
  closedAt: string | null;
}

/** One entry of a request's history. */
export interface RequestEvent {
  at: string;
  actor: string;
  event: string;
  details: Record<string, unknown>;
}

/** A clock, injected so deadlines and expiry can be tested. */
export type Clock = () => Date;

/** Hook point for the connectors to the company's own systems (src/connectors), called from the jobs. */
export interface RightsConnectors {
  /** Rows about the subject in connected systems, by table or source name. */
  export(subjectId: string, requestId: string): Promise<Record<string, unknown[]>>;
  /** Deletes the subject's rows in connected systems; returns what was deleted where. */
  erase(subjectId: string, requestId: string): Promise<{ table: string; rows: number }[]>;
}

/** Connectors that do nothing: the default until a deployment configures some. */
export const NO_CONNECTORS: RightsConnectors = {
  export: async () => ({}),
  erase: async () => [],
};

/** Retention class of values kept under a legal hold (the vault never shreds it on erasure). */
export const LEGAL_HOLD_CLASS = 'legal-hold';

/** Types whose work runs at once on acceptance (withdrawals and objections: PIPL 15, GDPR 21(3)). */
export const IMMEDIATE_TYPES: readonly RequestType[] = ['object', 'consent-scope'];

/** The job queue name of request work. */
export const RIGHTS_QUEUE = 'rights.process';
/** Key class that seals export archives (destroyed on erasure). */
export const EXPORT_CLASS = 'rights-export';
/** Key class that seals rectification values until they are written. */
export const PENDING_CLASS = 'rights-pending';
/** Key classes the rights pillar itself uses; erasure destroys them with the vault's. */
export const RIGHTS_KEY_CLASSES = [EXPORT_CLASS, PENDING_CLASS];
