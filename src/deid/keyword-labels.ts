// The labels that announce a name, birth date, address or postal code, matched where one may start.
// A first-character table replaces one big alternation regex: the engine tried every label at every position.

/** What a label announces. */
export type LabelFamily = 'name' | 'birth' | 'address' | 'postal';

// In priority order, as a regex alternation would try them at one position; `colon`: only before [:：] (spaces allowed).
const LABELS: [LabelFamily, string[], boolean?][] = [
  ['name', ['姓名', '收货人', '收貨人', '收件人', '联系人', '聯絡人', '持卡人', '持有人', '对接人', '申请人', '이름', '성명', '수령인', '대표자']],
  ['name', ['Name'], true],
  ['name', ['Full Name', 'Full name']],
  ['birth', ['出生日期', '出生年月日', '出生', '生日', '생년월일', '생일', 'DOB', 'Date of Birth', 'Date of birth', 'Birthday', 'Born on']],
  ['address', ['收货地址', '收貨地址', '家庭住址', '住址', '地址', '주소']],
  ['address', ['Address'], true],
  ['postal', ['邮编', '邮政编码', '郵遞區號', '郵政編碼', '郵編', '우편번호',
    // Post(?:al)? ?[Cc]ode, ZIP(?: [Cc]ode)?, Zip [Cc]ode: longer forms first, as greedy matching takes them
    'Postal Code', 'Postal code', 'PostalCode', 'Postalcode', 'Post Code', 'Post code', 'PostCode', 'Postcode',
    'ZIP Code', 'ZIP code', 'ZIP', 'Zip Code', 'Zip code']],
];

interface Label {
  family: LabelFamily;
  word: string;
  colon: boolean;
}

const BY_FIRST = new Map<number, Label[]>();
const FIRST = new Uint8Array(0x10000);
for (const [family, words, colon] of LABELS) {
  for (const word of words) {
    const c = word.charCodeAt(0);
    FIRST[c] = 1;
    let list = BY_FIRST.get(c);
    if (!list) BY_FIRST.set(c, (list = []));
    list.push({ family, word, colon: !!colon });
  }
}

// JavaScript's \s: the lookahead of the colon-only labels allows these before the colon
function isSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function colonFollows(text: string, at: number): boolean {
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  const c = text.charCodeAt(at);
  return c === 0x3a || c === 0xff1a;
}

/** A label found in a text: its family and where it ends. */
export interface LabelMatch {
  family: LabelFamily;
  start: number;
  end: number;
}

// the first two characters of every label: most characters that may start one (生 in 先生, capitals) start none
const BIGRAMS = new Set<number>();
for (const list of BY_FIRST.values()) for (const l of list) BIGRAMS.add(l.word.charCodeAt(0) * 0x10000 + l.word.charCodeAt(1));

/** True when a label may start with the UTF-16 unit c. */
export function isLabelStart(c: number): boolean {
  return FIRST[c] !== 0;
}

/** True when a label may start with the two units at text[i] (i < text.length). */
export function mayStartLabel(text: string, i: number): boolean {
  return i + 1 < text.length && BIGRAMS.has(text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1));
}

/** The label starting exactly at i, or undefined. */
export function labelAt(text: string, i: number): LabelMatch | undefined {
  const list = BY_FIRST.get(text.charCodeAt(i));
  if (!list) return undefined;
  for (const l of list) {
    if (!text.startsWith(l.word, i)) continue;
    const e = i + l.word.length;
    if (l.colon && !colonFollows(text, e)) continue;
    return { family: l.family, start: i, end: e };
  }
  return undefined;
}
