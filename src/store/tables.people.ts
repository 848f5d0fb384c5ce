// Tables about people: subjects, consent and permission events, receipt keys, vault values, shares, banner choices.
import type { ColumnType } from 'kysely';
import type { Json, Timestamp } from './column-types.ts';

/** People whose data Custodia holds, with the regimes that apply to them. */
export interface SubjectsTable {
  id: string;
  external_ref: string | null;
  role: string;
  regimes: Json<string[]>;
  language: string;
  adult_from: Json<Partial<Record<'pipl' | 'pipa' | 'gdpr', string>>>;
  status: ColumnType<'active' | 'restricted' | 'closed' | 'erased', string | undefined, string>;
  event_seq: ColumnType<string, string | undefined, string>;
  created_at: Timestamp;
  /** When the account was closed (set by a trigger when status becomes closed; migration 0007). */
  closed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** Append-only consent and device-permission events, numbered per subject. */
export interface ConsentEventsTable {
  subject_id: string;
  seq: string;
  id: string;
  type: 'consent' | 'permission';
  event: 'grant' | 'withdraw' | 'on' | 'off';
  target: string;
  recipient: string;
  kind: string | null;
  action: string;
  registry_version: number;
  scope_hash: string | null;
  notice_hash: string | null;
  channel: string;
  language: string | null;
  user_agent: string | null;
  ip_prefix: string | null;
  region: string | null;
  actor: string;
  occurred_at: Timestamp;
  receipt: string;
}

/** The current state per subject and consent target: a projection of consent_events. */
export interface ConsentStateTable {
  subject_id: string;
  type: 'consent' | 'permission';
  target: string;
  recipient: string;
  status: 'granted' | 'withdrawn' | 'on' | 'off';
  kind: string | null;
  seq: string;
  scope_hash: string | null;
  registry_version: number;
  updated_at: Timestamp;
}

/** Keys that sign consent receipts; retired keys stay for verification. */
export interface SigningKeysTable {
  kid: string;
  alg: string;
  public_jwk: Json<Record<string, unknown>>;
  private_jwk: Json<Record<string, unknown>>;
  created_at: Timestamp;
  retired_at: Timestamp | null;
}

/** Encrypted personal values: one current value per subject and category. */
export interface VaultValuesTable {
  subject_id: string;
  category: string;
  token: string;
  retention_class: string;
  ciphertext: ColumnType<Uint8Array, Uint8Array, Uint8Array>;
  purposes: Json<string[]>;
  collected_at: Timestamp;
  last_used_at: Timestamp | null;
  updated_at: Timestamp;
}

/** Keyed blind indexes (no clear values) for finding a subject by email or phone. */
export interface VaultLookupTable {
  subject_id: string;
  category: string;
  digest: string;
}

/** What was sent to which recipient, when and by whom. */
export interface SharesTable {
  subject_id: string;
  id: string;
  recipient: string;
  purpose: string;
  categories: Json<string[]>;
  country: string;
  cross_border: boolean;
  actor: string;
  shared_at: Timestamp;
}

/** Distinct people exported abroad per calendar year (PRC 2024 provisions), sensitive counted apart. */
export interface CbtCountersTable {
  year: number;
  sensitive: boolean;
  subject_id: string;
}

/** Website visitors known by an opaque id from the consent banner; linked to a subject on sign-in. */
export interface VisitorsTable {
  id: string;
  subject_id: string | null;
  created_at: Timestamp;
}

/** Append-only tracker choices of a visitor, numbered per visitor. */
export interface TrackerChoicesTable {
  visitor_id: string;
  seq: string;
  choices: Json<Record<string, boolean>>;
  gpc: boolean;
  gpc_override: ColumnType<boolean, boolean | undefined, boolean>;
  registry_version: number;
  language: string | null;
  channel: string;
  ip_prefix: string | null;
  user_agent: string | null;
  occurred_at: Timestamp;
  receipt: string;
}
