// Keyed pseudonyms: HMAC-SHA256 tokens (stable per key, unlinkable across keys) and shape-preserving surrogates.
import { createHmac } from 'node:crypto';
import type { IdentifierKind } from './deid.model.ts';
import { compact, foldWidth } from './text.ts';
import { CALLING_CODES } from './phones.ts';

/** A pseudonymisation key: raw bytes or a string (UTF-8). Keep it out of the registry and the logs. */
export type PseudonymKey = string | Uint8Array;

const PHONE_KINDS = new Set(['cn-mobile', 'cn-landline', 'kr-phone', 'hk-phone', 'mo-phone', 'tw-phone', 'phone']);

/** The canonical form a pseudonym is computed from, so that spellings of one value share a pseudonym. */
export function canonical(kind: IdentifierKind, value: string): string {
  if (kind === 'email') return foldWidth(value).trim().toLowerCase();
  if (kind === 'name' || kind === 'address' || kind === 'free-text') return foldWidth(value).trim().replace(/\s+/g, ' ');
  let c = compact(value);
  if (PHONE_KINDS.has(kind)) {
    const intl = /^\s*[+＋]/.test(value) || c.startsWith('00');
    if (c.startsWith('00')) c = c.slice(2);
    if (intl) {
      const cc = Object.keys(CALLING_CODES).sort((a, b) => b.length - a.length).find((x) => c.startsWith(x));
      if (cc) c = (cc === '86' ? '' : '0') + c.slice(cc.length).replace(/^0/, '');
    }
  }
  return c;
}

/** A keyed pseudonym of a value: the first `hexLength` hex digits of HMAC-SHA256(key, kind, canonical value). */
export function pseudonym(kind: IdentifierKind, value: string, key: PseudonymKey, hexLength = 16): string {
  return createHmac('sha256', key).update(`p\0${kind}\0${canonical(kind, value)}`).digest('hex').slice(0, hexLength);
}

/** A deterministic byte stream derived from the key and the value (HMAC-SHA256 in counter mode). */
export class KeyedStream {
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  private counter = 0;
  constructor(private readonly key: PseudonymKey, private readonly info: string) {}

  /** An integer in [0, n), n at most 65536. */
  int(n: number): number {
    if (this.pos + 2 > this.buf.length) {
      this.buf = createHmac('sha256', this.key).update(`${this.info}\0${this.counter++}`).digest();
      this.pos = 0;
    }
    const v = this.buf.readUInt16BE(this.pos);
    this.pos += 2;
    return v % n;
  }

  /** A random digit character. */
  digit(): string {
    return String(this.int(10));
  }
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const HAN_POOL = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅琳建国文斌宇浩凯';

/** Replaces each letter, digit, Han and Hangul character with a keyed random one of the same class; others stay. */
export function shapeSurrogate(value: string, rng: KeyedStream): string {
  let out = '';
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    if (c >= 48 && c <= 57) out += rng.digit();
    else if (c >= 65 && c <= 90) out += UPPER[rng.int(26)];
    else if (c >= 97 && c <= 122) out += UPPER[rng.int(26)].toLowerCase();
    else if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(0xff10 + rng.int(10));
    else if (c >= 0xff21 && c <= 0xff3a) out += String.fromCharCode(0xff21 + rng.int(26));
    else if (c >= 0xac00 && c <= 0xd7a3) out += String.fromCharCode(0xac00 + rng.int(11172));
    else if (c >= 0x4e00 && c <= 0x9fff) out += HAN_POOL[rng.int(HAN_POOL.length)];
    else out += ch;
  }
  return out;
}
