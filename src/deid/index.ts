// The de-identification pillar: detectors, validators, masks, pseudonyms, generalisation and k-anonymity for personal data.
export { DETECTED_KINDS } from './deid.model.ts';
export type { CheckDigit, DetectedKind, Finding, IdentifierKind, ValidationResult } from './deid.model.ts';
export { validate } from './validate.ts';
export { mask, maskKeeping } from './masks.ts';
export type { MaskOverrides, MaskRule } from './masks.ts';
export { detect, STRUCTURED_KINDS } from './detect.ts';
export type { DetectOptions } from './detect.ts';
export { redact } from './redact.ts';
export type { RedactMode, RedactOptions } from './redact.ts';
export { pseudonym, canonical } from './pseudonym.ts';
export type { PseudonymKey } from './pseudonym.ts';
export { pseudonymFormatPreserving } from './pseudonym-format.ts';
export { ageBand, cityOfAddress, generalizePostalCode, provinceOfResidentId } from './generalize.ts';
export { checkKAnonymity } from './k-anonymity.ts';
export type { KAnonymityReport } from './k-anonymity.ts';
export { scanStream, scanStreamBatches, redactStream } from './stream.ts';
export type { ScanStreamOptions } from './stream.ts';
