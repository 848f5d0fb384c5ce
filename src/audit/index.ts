// Audit pillar: the hash-chained, append-only log written by one writer with group commit, with signed checkpoints.
export { type AuditEvent, entryHash, GENESIS_HASH } from './audit.model.ts';
export { AuditWriter, auditInboxRows, recordAudit, recordAudits } from './audit.writer.ts';
export { verifyAuditChain, type Anchor, type AuditVerification, type VerifyOptions } from './audit.verify.ts';
export { searchAudit, type AuditQuery, type AuditRecord } from './audit.search.ts';
export { CheckpointSigner, TrustedKeys, type Checkpoint, type ExportedCheckpoint, type PublicJwk } from './audit.checkpoint.ts';
export { appendCheckpoint, exportCheckpoint, exportFileAnchors, fileDestination, latestCheckpoint, listCheckpoints, readCheckpointFile, type CheckpointDestination } from './audit.export.ts';
