// Tables of the processes run on people's data: rights requests, automated decisions, connector runs, holds, incidents.
import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp } from './column-types.ts';

/** Data-subject requests (rights pillar); subject_id leads the key so the table distributes by subject. */
export interface RightsRequestsTable {
  subject_id: string;
  id: string;
  type: string;
  status: string;
  requester: string;
  channel: string;
  proof_ref: string | null;
  relationship: string | null;
  language: string;
  input: Json<Record<string, unknown>>;
  sealed: ColumnType<Uint8Array | null, Uint8Array | null | undefined, Uint8Array | null>;
  received_at: Timestamp;
  due_at: Timestamp;
  deadline: Json<Record<string, unknown>>;
  extended_at: Timestamp | null;
  extension_reason: string | null;
  review_reason: string | null;
  reviewed_by: string | null;
  result: Json<Record<string, unknown>> | null;
  outcome_code: string | null;
  outcome_text: string | null;
  fee: Json<Record<string, unknown>> | null;
  last_error: string | null;
  closed_at: Timestamp | null;
  updated_at: Timestamp;
}

/** The status history of each request: who did what, when (ids and codes only). */
export interface RightsRequestEventsTable {
  subject_id: string;
  request_id: string;
  seq: Generated<string>;
  at: Timestamp;
  actor: string;
  event: string;
  details: Json<Record<string, unknown>>;
}

/** One-time codes for identity verification, hashed; keyed by a keyed digest of the contact. */
export interface RightsCodesTable {
  contact_digest: string;
  id: string;
  subject_id: string | null;
  code_hash: string;
  attempts: ColumnType<number, number | undefined, number>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: Timestamp;
}

/** Person sessions of the privacy center, hashed, scoped to one subject. */
export interface RightsSessionsTable {
  subject_id: string;
  token_hash: string;
  expires_at: Timestamp;
  created_at: Timestamp;
}

/** Copies handed out, for the first-copy-free rule and fees. */
export interface RightsCopiesTable {
  subject_id: string;
  request_id: string;
  at: Timestamp;
  amount: string | null;
  currency: string | null;
}

/** Export archives, sealed under the subject's export key. */
export interface RightsExportsTable {
  subject_id: string;
  request_id: string;
  sealed: ColumnType<Uint8Array, Uint8Array, Uint8Array>;
  bytes: number;
  created_at: Timestamp;
}

/** Automated decisions (PIPL 24, PIPA 37-2, GDPR 22): category references, a non-personal summary and the main factors. */
export interface AdmDecisionsTable {
  subject_id: string;
  id: string;
  purpose: string;
  outcome: string;
  input_categories: Json<string[]>;
  input_summary: string | null;
  model_version: string;
  factors: Json<{ name: string; weight: number; direction: 'positive' | 'negative'; category?: string }[]>;
  significant: boolean;
  registry_version: number;
  recorded_by: string;
  decided_at: Timestamp;
  recorded_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Progress of one connector for one data-subject request, so a retry resumes instead of repeating. */
export interface ConnectorRunsTable {
  subject_id: string;
  request_id: string;
  connector_id: string;
  op: string;
  status: string;
  rows: ColumnType<string, string | number | undefined, string | number>;
  batches: ColumnType<number, number | undefined, number>;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  started_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  finished_at: Timestamp | null;
}

/** Legal holds (statutory periods, litigation, a regulator's order): what they name, why, and until when. */
export interface LegalHoldsTable {
  id: string;
  kind: string;
  reason: string;
  reference: string;
  subjects: Json<string[]>;
  categories: Json<string[]>;
  ends_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_by: string;
  created_at: Timestamp;
  values_held: ColumnType<number, number | undefined, number>;
  released_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  released_by: string | null;
  release_reason: string | null;
}

/** The people a hold names, with the status to restore on release. */
export interface LegalHoldSubjectsTable {
  subject_id: string;
  hold_id: string;
  previous_status: string;
}

/** Values moved under the legal-hold key by a hold, with the class they came from. */
export interface LegalHoldValuesTable {
  subject_id: string;
  hold_id: string;
  category: string;
  previous_class: string;
}

/** Breach incidents: the incident document, how it was scoped, and what was reported to whom. */
export interface IncidentsTable {
  id: string;
  document: Json<Record<string, unknown>>;
  scope: Json<Record<string, unknown>>;
  status: string;
  scoped_count: number | null;
  scoped_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  reported: Json<Record<string, { at: string; reference: string | null; by: string }>>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The people an incident exposed (`via` bits: 1 vault, 2 sharing records, 4 audit log) and their language. */
export interface IncidentSubjectsTable {
  incident_id: string;
  subject_id: string;
  via: number;
  language: string;
}

/** Each breach notice per person and channel, with its send status. */
export interface IncidentNoticesTable {
  incident_id: string;
  subject_id: string;
  channel: string;
  language: string;
  status: string;
  event_id: string | null;
  queued_at: Timestamp;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  error: string | null;
}
