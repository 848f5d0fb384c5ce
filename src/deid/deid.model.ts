// Shapes shared across the de-identification pillar: findings, validation results, identifier kinds.
import type { IDENTIFIER_KINDS } from '../registry/registry.model.ts';

/** An identifier kind from the registry (picks a validator and a mask). */
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** Kinds the free-text detectors can report. */
export const DETECTED_KINDS = [
  'cn-resident-id', 'cn-uscc', 'cn-mobile', 'cn-landline', 'bank-card', 'cn-passport', 'hk-id', 'mo-id',
  'tw-id', 'tw-resident-cert', 'kr-rrn', 'kr-arn', 'kr-brn', 'kr-driver-licence', 'kr-passport', 'kr-phone',
  'hk-phone', 'mo-phone', 'tw-phone', 'passport', 'email', 'ip', 'mac', 'imei', 'postal-code', 'birth-date',
  'name', 'address',
] as const satisfies readonly IdentifierKind[];

/** A kind a detector can report. */
export type DetectedKind = (typeof DETECTED_KINDS)[number];

/** Whether a check digit held: true, false, or not applicable to this identifier or scheme. */
export type CheckDigit = boolean | 'not-applicable';

/** One piece of personal information found in text; offsets are UTF-16 (start/end) and UTF-8 bytes. */
export interface Finding {
  type: DetectedKind;
  start: number;
  end: number;
  byteStart: number;
  byteEnd: number;
  masked: string;
  checkDigit: CheckDigit;
  confidence: number;
}

/** Result of validating one value of a kind; `reason` and `warning` never contain the value. */
export interface ValidationResult {
  ok: boolean;
  warning?: string;
  normalized?: string;
  reason?: string;
}
