// The internal shape of a detection before offsets in bytes and the masked preview are added.
import type { CheckDigit, DetectedKind } from './deid.model.ts';

/** A detection with UTF-16 offsets only. */
export interface RawHit {
  type: DetectedKind;
  start: number;
  end: number;
  checkDigit: CheckDigit;
  confidence: number;
}
