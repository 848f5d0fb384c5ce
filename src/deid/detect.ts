// Free-text detection: runs the passes over a text range, resolves overlaps, adds byte offsets and masked previews.
import { DETECTED_KINDS, type DetectedKind, type Finding } from './deid.model.ts';
import type { RawHit } from './scan-types.ts';
import { mask, type MaskOverrides } from './masks.ts';
import { scanTokens } from './scan-tokens.ts';
import { scanKeywords } from './scan-keywords.ts';
import { findCandidates, type KnownDigitRuns } from './scan-candidates.ts';
import { scanColons, scanEmails } from './scan-punct.ts';
import { utf8Length } from './text.ts';

/** Options of a scan. */
export interface DetectOptions {
  /** Findings below this confidence are dropped (default 0.5). */
  minConfidence?: number;
  /** Only these kinds are reported (default: all). */
  kinds?: readonly DetectedKind[];
  /** The deployment's mask overrides, used for the masked preview. */
  masks?: MaskOverrides;
}

// sorted by start, the longer first at one start (module-level: a closure per call deoptimised the caller)
const byStart = (a: RawHit, b: RawHit) => a.start - b.start || b.end - a.end;
const LABELLED: readonly DetectedKind[] = ['name', 'address', 'birth-date', 'postal-code'];

function wants(kinds: Set<string> | undefined, ks: readonly DetectedKind[]): boolean {
  if (!kinds) return true;
  for (const k of ks) if (kinds.has(k)) return true;
  return false;
}

/**
 * Raw hits whose start lies in [from, to), overlaps resolved; `resume` is where the next range must start.
 * `digits`: where the runs of digits start, when the caller already knows (the stream decoder does).
 */
export function detectRange(text: string, from: number, to: number, opts: DetectOptions = {}, digits?: KnownDigitRuns): { hits: RawHit[]; resume: number } {
  const raw: RawHit[] = [];
  const kinds = opts.kinds ? new Set<string>(opts.kinds) : undefined;
  // passes whose kinds were not asked for are skipped, not just filtered
  const labels = wants(kinds, LABELLED);
  // a token may start up to 5 characters before its first digit
  const cands = findCandidates(text, from, to + 6, labels ? to : from, digits);
  let resume = scanTokens(text, from, to, raw, cands);
  if (wants(kinds, ['email'])) resume = Math.max(resume, scanEmails(text, from, to, raw));
  if (wants(kinds, ['ip', 'mac'])) resume = Math.max(resume, scanColons(text, from, to, raw));
  if (labels) resume = Math.max(resume, scanKeywords(text, from, to, raw, cands));
  const min = opts.minConfidence ?? 0.5;
  const kept: RawHit[] = [];
  for (const h of raw) if (h.confidence >= min && (!kinds || kinds.has(h.type))) kept.push(h);
  kept.sort(byStart);
  const hits: RawHit[] = [];
  for (const h of kept) {
    const last = hits[hits.length - 1];
    if (last && h.start < last.end) {
      // overlapping detections: the longer one wins (an e-mail over the digits inside it)
      if (h.end - h.start > last.end - last.start) hits[hits.length - 1] = h;
      continue;
    }
    hits.push(h);
  }
  return { hits, resume };
}

/** Adds UTF-8 byte offsets (from `byteBase` at index `indexBase`) and masked previews to sorted hits. */
export function toFindings(text: string, hits: RawHit[], opts: DetectOptions = {}, offset = 0, byteBase = 0): Finding[] {
  let pos = 0;
  let bytes = byteBase;
  return hits.map((h) => {
    bytes += utf8Length(text, pos, h.start);
    const byteStart = bytes;
    bytes += utf8Length(text, h.start, h.end);
    pos = h.end;
    return {
      type: h.type,
      start: h.start + offset,
      end: h.end + offset,
      byteStart,
      byteEnd: bytes,
      masked: mask(h.type, text.slice(h.start, h.end), opts.masks),
      checkDigit: h.checkDigit,
      confidence: h.confidence,
    };
  });
}

/** The structured kinds: identifiers found by their shape and check digits rather than by a label. */
export const STRUCTURED_KINDS: readonly DetectedKind[] = DETECTED_KINDS.filter((k) => !LABELLED.includes(k));

/** Finds personal information in a text: identifiers with check digits, phones, e-mails, addresses and more. */
export function detect(text: string, opts: DetectOptions = {}): Finding[] {
  return toFindings(text, detectRange(text, 0, text.length, opts).hits, opts);
}
