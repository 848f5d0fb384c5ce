// The Database interface: every table Kysely may touch, with its column types.
import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp } from './column-types.ts';
import type { SubjectsTable, ConsentEventsTable, ConsentStateTable, SigningKeysTable, VaultValuesTable, VaultLookupTable, SharesTable, CbtCountersTable, VisitorsTable, TrackerChoicesTable } from './tables.people.ts';
import type { RightsRequestsTable, RightsRequestEventsTable, RightsCodesTable, RightsSessionsTable, RightsCopiesTable, RightsExportsTable, AdmDecisionsTable, ConnectorRunsTable, LegalHoldsTable, LegalHoldSubjectsTable, LegalHoldValuesTable, IncidentsTable, IncidentSubjectsTable, IncidentNoticesTable } from './tables.processes.ts';

export type * from './tables.people.ts';
export type * from './tables.processes.ts';

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
  /** The checkpoint signing key and Ed25519 signature (migration 0008; null on older blocks). */
  kid: string | null;
  signature: string | null;
}

/** Checkpoints that were exported (file, webhook, API): the anchors truncation is detected against. */
export interface AuditExportsTable {
  id: Generated<string>;
  destination: string;
  block_no: string;
  last_seq: string;
  checkpoint: unknown;
  exported_at: Generated<Timestamp>;
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

/** Every table. */
export interface Database {
  registry_versions: RegistryVersionsTable;
  api_keys: ApiKeysTable;
  audit_inbox: AuditInboxTable;
  audit_entries: AuditEntriesTable;
  audit_blocks: AuditBlocksTable;
  audit_head: AuditHeadTable;
  audit_exports: AuditExportsTable;
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
