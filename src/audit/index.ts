// Audit pillar: the hash-chained, append-only log written by one writer with group commit.
export { type AuditEvent, entryHash, GENESIS_HASH } from './audit.model.ts';
export { AuditWriter, recordAudit, recordAudits } from './audit.writer.ts';
export { verifyAuditChain, type AuditVerification } from './audit.verify.ts';
export { searchAudit, type AuditQuery, type AuditRecord } from './audit.search.ts';
