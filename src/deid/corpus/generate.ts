// The labelled evaluation corpus: deterministic documents in zh-Hans, zh-Hant, ko and en with every PII span labelled.
import type { DetectedKind } from '../deid.model.ts';
import { Rng } from './random.ts';
import { luhnCheckDigit } from '../checksums.ts';
import * as id from './identifiers.ts';
import { address, email, personName } from './people.ts';
import { DISTRACTOR_TEMPLATES, FILLER, PII_TEMPLATES } from './templates.ts';

/** One labelled span of personal data (UTF-16 offsets). */
export interface Label {
  type: DetectedKind;
  start: number;
  end: number;
  value: string;
}

/** A generated text, its labels, and its decoys (look-alike values that are not personal data). */
export interface LabelledText {
  text: string;
  labels: Label[];
  decoys?: { start: number; end: number; value: string }[];
}

type Slot = (r: Rng, lang: string) => [string, DetectedKind | null];
const pos = (type: DetectedKind, f: (r: Rng, lang: string) => string): Slot => (r, l) => [f(r, l), type];
const neg = (f: (r: Rng) => string): Slot => (r) => [f(r), null];

const SLOTS: Record<string, Slot> = {
  name: pos('name', personName),
  addressZh: pos('address', (r) => address(r, 'zh-Hans')),
  addressTw: pos('address', (r) => address(r, 'zh-Hant')),
  addressKo: pos('address', (r) => address(r, 'ko')),
  addressEn: pos('address', (r) => address(r, 'en')),
  email: pos('email', email),
  birth: pos('birth-date', id.birthDate),
  postalCn: pos('postal-code', (r) => String(r.range(100000, 859999))),
  postalKr: pos('postal-code', (r) => String(r.range(1000, 63999)).padStart(5, '0')),
  ric: pos('cn-resident-id', id.residentId),
  ric15: pos('cn-resident-id', id.residentId15),
  uscc: pos('cn-uscc', id.uscc),
  cnMobile: pos('cn-mobile', id.cnMobile),
  cnLandline: pos('cn-landline', id.cnLandline),
  krPhone: pos('kr-phone', id.krPhone),
  hkPhoneIntl: pos('hk-phone', (r) => id.hkPhone(r, true)),
  hkPhone: pos('hk-phone', (r) => id.hkPhone(r, false)),
  moPhoneIntl: pos('mo-phone', (r) => id.moPhone(r, true)),
  moPhone: pos('mo-phone', (r) => id.moPhone(r, false)),
  twPhone: pos('tw-phone', id.twPhone),
  card: pos('bank-card', id.bankCard),
  cnPassport: pos('cn-passport', id.cnPassport),
  krPassport: pos('kr-passport', id.krPassport),
  hkPassport: pos('passport', (r) => `K${r.digits(8)}`),
  hkid: pos('hk-id', id.hkid),
  moId: pos('mo-id', id.moId),
  twId: pos('tw-id', (r) => id.twId(r, 'id')),
  twRcNew: pos('tw-resident-cert', (r) => id.twId(r, 'new')),
  twRcOld: pos('tw-resident-cert', (r) => id.twId(r, 'old')),
  rrnPre: pos('kr-rrn', (r) => id.krRrn(r, 'pre')),
  rrnPost: pos('kr-rrn', (r) => id.krRrn(r, 'post')),
  arn: pos('kr-arn', (r) => id.krRrn(r, 'arn')),
  brn: pos('kr-brn', id.krBrn),
  krDl: pos('kr-driver-licence', id.krDriver),
  imei: pos('imei', id.imei),
  ipv4: pos('ip', (r) => id.network(r, 'ipv4')),
  ipv6: pos('ip', (r) => id.network(r, 'ipv6')),
  mac: pos('mac', (r) => id.network(r, 'mac')),
  // distractors: look-alikes that are not personal data
  ricBad: neg((r) => id.breakCheck(id.residentId(r).toUpperCase(), '0123456789X')),
  usccBad: neg((r) => id.breakCheck(id.uscc(r))),
  cardBad: neg((r) => { const b = `4${r.digits(14)}`; return b + ((Number(luhnCheckDigit(b)) + 1 + r.int(9)) % 10); }),
  twIdBad: neg((r) => id.breakCheck(id.twId(r, 'id'))),
  hkidBad: neg((r) => { const h = id.hkid(r).replace(/[()]/g, ''); return `${h.slice(0, -1)}(${id.breakCheck(h, '0123456789A').slice(-1)})`; }),
  brnBad: neg((r) => { const b = id.krBrn(r); return id.breakCheck(b); }),
  order: neg((r) => `${r.range(2019, 2025)}${String(r.range(1, 12)).padStart(2, '0')}${String(r.range(1, 28)).padStart(2, '0')}${r.digits(r.range(6, 12))}`),
  tracking: neg((r) => `SF${r.digits(13)}`),
  tracking12: neg((r) => r.digits(12)),
  ups: neg((r) => `1Z${r.digits(3)}AA${r.digits(10)}`),
  invoice: neg((r) => r.digits(r.range(8, 10))),
  ts: neg((r) => `20${r.range(19, 25)}-${String(r.range(1, 12)).padStart(2, '0')}-${String(r.range(1, 28)).padStart(2, '0')} ${String(r.range(0, 23)).padStart(2, '0')}:${String(r.range(0, 59)).padStart(2, '0')}:00`),
  unixMs: neg((r) => `17${r.digits(11)}`),
  version: neg((r) => `${r.range(1, 9)}.${r.range(0, 20)}.${r.range(0, 99)}`),
  amount: neg((r) => `${r.range(1, 9)},${r.digits(3)}.${r.digits(2)}`),
  small: neg((r) => String(r.range(1, 999))),
};

/** Languages of the corpus. */
export const CORPUS_LANGS = ['zh-Hans', 'zh-Hant', 'ko', 'en'] as const;

function fill(r: Rng, lang: string, template: string, out: LabelledText): void {
  const re = /\{(\w+)\}/g;
  let last = 0;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    out.text += template.slice(last, m.index);
    const [value, type] = SLOTS[m[1]](r, lang);
    const span = { start: out.text.length, end: out.text.length + value.length, value };
    if (type) out.labels.push({ type, ...span });
    else if (value.length >= 7) (out.decoys ??= []).push(span);
    out.text += value;
    last = m.index + m[0].length;
  }
  out.text += template.slice(last);
}

/** Appends one document (a few sentences of one language) to `out`; `pii` is the share of sentences with personal data. */
export function generateDocument(r: Rng, out: LabelledText, pii = 0.55): void {
  const lang = r.pick(CORPUS_LANGS);
  const n = r.range(3, 8);
  for (let i = 0; i < n; i++) {
    const k = r.next();
    const t = k < pii ? r.pick(PII_TEMPLATES[lang]) : k < pii * 1.45 ? r.pick(DISTRACTOR_TEMPLATES[lang]) : r.pick(FILLER[lang]);
    fill(r, lang, t, out);
    // the template's last character, not out.text's: indexing a long concatenated string would flatten it each time
    const end = t[t.length - 1];
    // sentences are separated the way each language writes them; a bare value never runs into the next sentence
    out.text += r.chance(0.3) ? '\n' : lang === 'en' || lang === 'ko' ? ' ' : /[。！？）)]/.test(end) ? '' : '。';
  }
  out.text += '\n';
}

/** A deterministic labelled corpus of `docs` documents. */
export function generateCorpus(seed: number, docs: number): LabelledText {
  const r = new Rng(seed);
  const out: LabelledText = { text: '', labels: [], decoys: [] };
  for (let i = 0; i < docs; i++) generateDocument(r, out);
  return out;
}

/** Yields labelled pieces of about `pieceChars` characters until `totalChars`, for large benchmark inputs. */
export function* generateCorpusPieces(seed: number, totalChars: number, pieceChars = 1 << 20, pii = 0.55): Generator<LabelledText> {
  const r = new Rng(seed);
  let produced = 0;
  while (produced < totalChars) {
    const out: LabelledText = { text: '', labels: [], decoys: [] };
    while (out.text.length < pieceChars) generateDocument(r, out, pii);
    produced += out.text.length;
    yield out;
  }
}
