// The context of one candidate: keyword families in its clause before it, and the script of its line.
import { FAMILY_BIT, keywordFlags, type KeywordFamily } from './context-keywords.ts';

export { KEYWORDS, type KeywordFamily } from './context-keywords.ts';

/** Script of the surrounding text, used to pick a region for ambiguous numbers. */
export type ScriptHint = 'ko' | 'zh-Hans' | 'zh-Hant' | 'other';

// characters that exist only in one of the two Chinese scripts, common in contact details
const HANT = 1;
const HANS = 2;
const HAN_SCRIPT = new Uint8Array(0x10000);
for (const ch of '電話號碼臺灣縣區為與這個們聯絡證國時間書館體會開關門機') HAN_SCRIPT[ch.charCodeAt(0)] = HANT;
for (const ch of '电话号码台湾县区为与这个们联络证国时间书馆体会开关门机') HAN_SCRIPT[ch.charCodeAt(0)] = HANS;

const CLAUSE_END = new Uint8Array(0x10000);
for (const ch of '。；;！？!?，,\n\r|') CLAUSE_END[ch.charCodeAt(0)] = 1;

/** Lazily computed context of one candidate. */
export class CandidateContext {
  private hint?: ScriptHint;
  constructor(private readonly text: string, private readonly start: number, private readonly end: number) {}

  /** True when a word of the family occurs in the candidate's clause, at most 24 characters before it. */
  has(family: KeywordFamily): boolean {
    if (this.flags === undefined) {
      // only the candidate's own clause counts: a label in the previous sentence says nothing about it;
      // a label describes the next number: stop at a clause end or at an earlier number
      const from = Math.max(0, this.start - 24);
      let cut = from - 1;
      for (let i = this.start - 1; i >= from; i--) {
        const c = this.text.charCodeAt(i);
        if (CLAUSE_END[c] === 1 || (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19) || (c === 46 && i + 1 < this.start && this.text.charCodeAt(i + 1) === 32)) {
          cut = i;
          break;
        }
      }
      this.flags = keywordFlags(this.text, cut + 1, this.start);
    }
    return (this.flags & FAMILY_BIT[family]) !== 0;
  }

  private flags?: number;

  /** The script around the candidate (Hangul wins; then Traditional vs Simplified marker characters). */
  script(): ScriptHint {
    if (this.hint) return this.hint;
    // the candidate's own line, at most 40 characters before and 20 after
    let from = Math.max(0, this.start - 40);
    let to = Math.min(this.text.length, this.end + 20);
    const nl = this.text.lastIndexOf('\n', this.start);
    if (nl >= from) from = nl + 1;
    const nr = this.text.indexOf('\n', this.end);
    if (nr >= 0 && nr < to) to = nr;
    let hangul = 0;
    let han = 0;
    let hant = 0;
    let hans = 0;
    for (let i = from; i < to; i++) {
      const c = this.text.charCodeAt(i);
      if (c >= 0xac00 && c <= 0xd7a3) hangul++;
      else if (c >= 0x4e00 && c <= 0x9fff) {
        han++;
        const k = HAN_SCRIPT[c];
        if (k === HANT) hant++;
        else if (k === HANS) hans++;
      }
    }
    this.hint = hangul > 0 && hangul >= han / 2 ? 'ko' : han > 0 ? (hant > hans ? 'zh-Hant' : 'zh-Hans') : 'other';
    return this.hint;
  }
}
