// Free-text redaction: every finding is rewritten as its mask, a type tag or a keyed pseudonym.
import type { Finding } from './deid.model.ts';
import { detectRange, toFindings, type DetectOptions } from './detect.ts';
import { pseudonym, type PseudonymKey } from './pseudonym.ts';
import { pseudonymFormatPreserving } from './pseudonym-format.ts';

/** How findings are rewritten. */
export type RedactMode = 'mask' | 'tag' | 'pseudonym';

/** Options of a redaction: detection options plus the pseudonym key and style. */
export interface RedactOptions extends DetectOptions {
  key?: PseudonymKey;
  /** Pseudonyms keep the value's shape (and a valid check digit) instead of a `[kind:hex]` token. */
  formatPreserving?: boolean;
}

/** The replacement text of one finding. */
export function replacement(text: string, f: Pick<Finding, 'type' | 'start' | 'end' | 'masked'>, mode: RedactMode, opts: RedactOptions, offset = 0): string {
  if (mode === 'mask') return f.masked;
  if (mode === 'tag') return `[${f.type}]`;
  if (opts.key === undefined) throw new Error('pseudonym redaction needs a key');
  const value = text.slice(f.start - offset, f.end - offset);
  return opts.formatPreserving ? pseudonymFormatPreserving(f.type, value, opts.key) : `[${f.type}:${pseudonym(f.type, value, opts.key, 12)}]`;
}

/** Rewrites text[from, to) given findings inside it (offsets relative to `offset`). */
export function rewrite(text: string, findings: Finding[], mode: RedactMode, opts: RedactOptions, from = 0, to = text.length, offset = 0): string {
  let out = '';
  let pos = from;
  for (const f of findings) {
    const s = f.start - offset;
    out += text.slice(pos, s) + replacement(text, f, mode, opts, offset);
    pos = f.end - offset;
  }
  return out + text.slice(pos, to);
}

/** Redacts a text: returns it with every finding rewritten, and the findings (offsets into the input). */
export function redact(text: string, mode: RedactMode, opts: RedactOptions = {}): { text: string; findings: Finding[] } {
  if (mode === 'pseudonym' && opts.key === undefined) throw new Error('pseudonym redaction needs a key');
  const findings = toFindings(text, detectRange(text, 0, text.length, opts).hits, opts);
  return { text: rewrite(text, findings, mode, opts), findings };
}
