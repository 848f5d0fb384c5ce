// Vault pillar: personal values encrypted per subject and retention class, purpose-bound reads, sharing gate, erasure.
export { MasterKey, seal, open, blindIndex } from './vault.crypto.ts';
export { FileKeyStore, MemoryKeyStore, type KeyStore } from './keystore.ts';
export { KeyRing } from './keyring.ts';
export { VaultValues, activeSubject, HOLD_CLASS, LOOKUP_KINDS, type PutValue, type ReadValue } from './vault.values.ts';
export { shareData, listShares, DEFAULT_EXPORT_LIMITS, type ExportLimits, type ShareRecord } from './vault.share.ts';
export { eraseSubjectData, type ErasureResult } from './vault.erase.ts';
export { accessReport, type AccessRecord } from './vault.report.ts';
export { loadMasterKey } from './master-key.ts';
export { decideFor } from './vault.decide.ts';
