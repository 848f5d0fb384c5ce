// The Database interface: every table Kysely may touch, with its column types.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T extends object | null = object> = JSONColumnType<T, string, string>;

/** Published registry versions: immutable once written. */
export interface RegistryVersionsTable {
  version_no: Generated<number>;
  label: string;
  content_hash: string;
  document: Json;
  source_text: string;
  changes: Json;
  published_at: Timestamp;
  published_by: string;
  override_reason: string | null;
}

/** API keys of service accounts and staff; only a hash of the secret is kept. */
export interface ApiKeysTable {
  id: string;
  name: string;
  secret_hash: string;
  role: string;
  department: string | null;
  purposes: Json<string[]>;
  created_at: Timestamp;
  created_by: string;
  revoked_at: Timestamp | null;
  rotated_to: string | null;
  last_used_at: Timestamp | null;
}

/** Audit entries waiting to be chained; written inside the transaction of the change they describe. */
export interface AuditInboxTable {
  id: Generated<string>;
  ts: Timestamp;
  body: string;
}

/** The hash-chained audit log. */
export interface AuditEntriesTable {
  seq: string;
  block_no: string;
  ts: Timestamp;
  action: string;
  subject: string | null;
  body: string;
  prev_hash: string;
  hash: string;
}

/** One block per group commit of the chainer. */
export interface AuditBlocksTable {
  block_no: string;
  first_seq: string;
  last_seq: string;
  block_hash: string;
  created_at: Timestamp;
}

/** The chain head: one row, locked by the chainer so only one writer extends the chain. */
export interface AuditHeadTable {
  id: number;
  last_seq: string;
  last_hash: string;
  last_block: string;
}

/** Events written in the same transaction as the change that causes them. */
export interface OutboxEventsTable {
  id: Generated<string>;
  topic: string;
  subject_id: string | null;
  payload: Json;
  created_at: Timestamp;
}

/** The job queue: rows claimed with FOR UPDATE SKIP LOCKED. */
export interface JobsTable {
  id: Generated<string>;
  queue: string;
  payload: Json;
  status: ColumnType<'pending' | 'running' | 'done' | 'dead', string | undefined, string>;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: ColumnType<number, number | undefined, number>;
  run_at: Timestamp;
  locked_until: Timestamp | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

/** Webhook endpoints that receive outbox events. */
export interface WebhooksTable {
  id: string;
  url: string;
  secret: string;
  topics: Json<string[]>;
  created_at: Timestamp;
  disabled_at: Timestamp | null;
}

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

/** Every table. */
export interface Database {
  registry_versions: RegistryVersionsTable;
  api_keys: ApiKeysTable;
  audit_inbox: AuditInboxTable;
  audit_entries: AuditEntriesTable;
  audit_blocks: AuditBlocksTable;
  audit_head: AuditHeadTable;
  outbox_events: OutboxEventsTable;
  jobs: JobsTable;
  webhooks: WebhooksTable;
  subjects: SubjectsTable;
  consent_events: ConsentEventsTable;
  consent_state: ConsentStateTable;
  signing_keys: SigningKeysTable;
  visitors: VisitorsTable;
  tracker_choices: TrackerChoicesTable;
  vault_values: VaultValuesTable;
  vault_lookup: VaultLookupTable;
  shares: SharesTable;
  cbt_counters: CbtCountersTable;
  rights_requests: RightsRequestsTable;
  rights_request_events: RightsRequestEventsTable;
  rights_codes: RightsCodesTable;
  rights_sessions: RightsSessionsTable;
  rights_copies: RightsCopiesTable;
  rights_exports: RightsExportsTable;
  adm_decisions: AdmDecisionsTable;
  connector_runs: ConnectorRunsTable;
  legal_holds: LegalHoldsTable;
  legal_hold_subjects: LegalHoldSubjectsTable;
  legal_hold_values: LegalHoldValuesTable;
  incidents: IncidentsTable;
  incident_subjects: IncidentSubjectsTable;
  incident_notices: IncidentNoticesTable;
}
