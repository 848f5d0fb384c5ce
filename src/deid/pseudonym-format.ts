// Format-preserving pseudonyms: same length and character classes, and a valid check digit where the kind has one.
import type { IdentifierKind } from './deid.model.ts';
import { canonical, KeyedStream, shapeSurrogate, type PseudonymKey } from './pseudonym.ts';
import { compact, isAlnumCode } from './text.ts';
import { hkidCheckChar, krRrnCheckDigit, krBrnCheckDigit, luhnCheckDigit, ricCheckChar, twCheckDigit, usccCheckChar } from './checksums.ts';

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

function randomDate(rng: KeyedStream, fromYear: number, years: number): [number, number, number] {
  const y = fromYear + rng.int(years);
  const m = 1 + rng.int(12);
  const d = 1 + rng.int(28);
  return [y, m, d];
}

function digits(rng: KeyedStream, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += rng.digit();
  return s;
}

// New identifier characters for kinds with structure; undefined means "keep the generic shape surrogate".
function structured(kind: IdentifierKind, c: string, rng: KeyedStream): string | undefined {
  switch (kind) {
    case 'cn-resident-id': {
      if (c.length === 15) {
        const [y, m, d] = randomDate(rng, 1930, 70);
        return c.slice(0, 2) + digits(rng, 4) + pad(y % 100, 2) + pad(m, 2) + pad(d, 2) + digits(rng, 3);
      }
      if (c.length !== 18) return undefined;
      // the province stays (it is what generalisation keeps anyway); birth date and sequence are new
      const [y, m, d] = randomDate(rng, 1950, 56);
      const body = c.slice(0, 2) + digits(rng, 4) + pad(y, 4) + pad(m, 2) + pad(d, 2) + digits(rng, 3);
      return body + ricCheckChar(body);
    }
    case 'cn-uscc': {
      if (c.length !== 18) return undefined;
      const letters = 'ABCDEFGHJKLMNPQRTUWXY';
      const isDigit = (ch: string) => ch >= '0' && ch <= '9';
      // each position keeps its class (digit or letter); retry until the check character's class matches too
      for (let attempt = 0; attempt < 64; attempt++) {
        let body = c.slice(0, 2) + digits(rng, 6);
        for (let i = 8; i < 17; i++) body += isDigit(c[i]) ? rng.digit() : letters[rng.int(letters.length)];
        const check = usccCheckChar(body)!;
        if (isDigit(check) === isDigit(c[17])) return body + check;
      }
      return undefined;
    }
    case 'hk-id': {
      const letters = /^[A-Z]*/.exec(c)![0].length;
      if (letters < 1 || letters > 2 || c.length !== letters + 7) return undefined;
      let body = '';
      for (let i = 0; i < letters; i++) body += UPPER[rng.int(UPPER.length)];
      body += digits(rng, 6);
      return body + hkidCheckChar(body);
    }
    case 'tw-id':
    case 'tw-resident-cert': {
      if (c.length !== 10) return undefined;
      const body = 'ABCDEFGHJKLMNPQRSTUVXYWZ'[rng.int(24)] + c[1] + digits(rng, 7);
      return body + twCheckDigit(body);
    }
    case 'kr-rrn':
    case 'kr-arn': {
      if (c.length !== 13) return undefined;
      const g = Number(c[6]);
      const century = [1800, 1900, 1900, 2000, 2000, 1900, 1900, 2000, 2000, 1800][g];
      const [y, m, d] = randomDate(rng, century === 2000 ? 2000 : 1930, century === 2000 ? 20 : 70);
      const body = pad(y % 100, 2) + pad(m, 2) + pad(d, 2) + c[6] + digits(rng, 5);
      return body + krRrnCheckDigit(body);
    }
    case 'kr-brn': {
      if (c.length !== 10) return undefined;
      const body = pad(101 + rng.int(899), 3) + pad(1 + rng.int(99), 2) + pad(1 + rng.int(9999), 4);
      return body + krBrnCheckDigit(body);
    }
    case 'bank-card':
    case 'imei': {
      if (!/^\d{12,19}$/.test(c)) return undefined;
      const keep = kind === 'bank-card' ? 2 : 0;
      const body = c.slice(0, keep) + digits(rng, c.length - 1 - keep);
      return body + luhnCheckDigit(body);
    }
    case 'cn-mobile':
    case 'kr-phone':
    case 'hk-phone':
    case 'mo-phone':
    case 'tw-phone':
    case 'cn-landline':
    case 'phone': {
      // the country code and the first three digits stay, so the number keeps its carrier range and validity
      const keep = c.length - 8 > 0 ? c.length - 8 : 0;
      return c.slice(0, Math.max(keep, Math.min(3, c.length))) + digits(rng, c.length - Math.max(keep, Math.min(3, c.length)));
    }
    case 'birth-date':
    case 'date': {
      if (c.length !== 8) return undefined;
      const [y, m, d] = randomDate(rng, 1940, 66);
      return pad(y, 4) + pad(m, 2) + pad(d, 2);
    }
    default:
      return undefined;
  }
}

function writeBack(value: string, chars: string): string {
  let out = '';
  let k = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (!isAlnumCode(code) || k >= chars.length) {
      out += value[i];
      continue;
    }
    const ch = chars[k++];
    // keep full-width writing full-width, and the case of letters
    if (code >= 0xff10) out += String.fromCharCode(ch.charCodeAt(0) + 0xfee0);
    else out += code >= 97 ? ch.toLowerCase() : ch;
  }
  return out;
}

function ipv4(value: string, rng: KeyedStream): string {
  return value.replace(/\d+/g, (g) => String(g.length === 1 ? rng.int(10) : g.length === 2 ? 10 + rng.int(90) : 100 + rng.int(156)));
}

function email(value: string, rng: KeyedStream): string {
  const at = value.lastIndexOf('@');
  const dot = value.lastIndexOf('.');
  // the top-level domain stays: it says little about the person and keeps the address routable-looking
  return shapeSurrogate(value.slice(0, dot > at ? dot : value.length), rng) + (dot > at ? value.slice(dot) : '');
}

/** A format-preserving keyed surrogate: same length and character classes, check digit recomputed where one applies. */
export function pseudonymFormatPreserving(kind: IdentifierKind, value: string, key: PseudonymKey): string {
  const rng = new KeyedStream(key, `fp\0${kind}\0${canonical(kind, value)}`);
  if (kind === 'email') return email(value, rng);
  if (kind === 'ip' && /^[\d.]+$/.test(value)) return ipv4(value, rng);
  const c = compact(value);
  const s = structured(kind, c, rng);
  return s !== undefined && s.length === c.length ? writeBack(value, s) : shapeSurrogate(value, rng);
}
