// Phone line types from libphonenumber's own metadata, with its regexes compiled once: its parse compiles them per call.
// Same answer as phoneInfo(); the rare inputs whose parse takes a side path (IDD or calling-code prefixes, carrier
// codes) are handed to phoneInfo itself.
import { Metadata, type CountryCode } from 'libphonenumber-js/max';
import { phoneInfo, type PhoneType } from './phones.ts';

interface TypeDef {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface Plan {
  callingCode(): string;
  IDDPrefix(): string | undefined;
  nationalNumberPattern(): string;
  possibleLengths(): number[] | undefined;
  nationalPrefixForParsing(): string | undefined;
  type(t: string): TypeDef | undefined;
}

interface Compiled {
  cc: string;
  idd?: RegExp;
  general: RegExp;
  lengths?: number[];
  prefix?: RegExp;
  // FIXED_LINE first, then libphonenumber's order of the other types
  types: { line: PhoneType; re: RegExp; lengths?: number[] }[];
}

// libphonenumber's getNumberType order: fixed line first, then these
const OTHER_TYPES = ['MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];

const whole = (p: string) => new RegExp(`^(?:${p})$`);
const plans = new Map<string, Compiled>();

function compile(region: CountryCode): Compiled {
  const m = new Metadata() as unknown as { selectNumberingPlan(c: string): void; numberingPlan: Plan };
  m.selectNumberingPlan(region);
  const p = m.numberingPlan;
  const types: Compiled['types'] = [];
  for (const t of ['FIXED_LINE', ...OTHER_TYPES]) {
    const d = p.type(t);
    if (!d || !d.pattern()) continue;
    types.push({ line: t === 'FIXED_LINE' ? 'fixed' : t === 'MOBILE' ? 'mobile' : 'other', re: whole(d.pattern()), lengths: d.possibleLengths() });
  }
  const pfp = p.nationalPrefixForParsing();
  const idd = p.IDDPrefix();
  return {
    cc: p.callingCode(),
    idd: idd ? new RegExp(`^(?:${idd})`) : undefined,
    general: whole(p.nationalNumberPattern()),
    lengths: p.possibleLengths(),
    prefix: pfp ? new RegExp(`^(?:${pfp})`) : undefined,
    types,
  };
}

function plan(region: CountryCode): Compiled {
  let c = plans.get(region);
  if (!c) plans.set(region, (c = compile(region)));
  return c;
}

// libphonenumber's checkNumberLength: TOO_SHORT or INVALID_LENGTH make a stripped national prefix not count
function lengthPossible(n: number, lengths: number[]): boolean {
  if (n === lengths[0]) return true;
  if (n < lengths[0]) return false;
  if (n > lengths[lengths.length - 1]) return true;
  return lengths.indexOf(n, 1) >= 0;
}

function lineType(c: Compiled, nat: string): PhoneType | undefined {
  if (!c.general.test(nat)) return undefined;
  for (const t of c.types) {
    if (t.lengths && t.lengths.indexOf(nat.length) < 0) continue;
    if (t.re.test(nat)) return t.line;
  }
  return undefined;
}

const slow = (value: string, region: CountryCode) => phoneInfo(value, region)?.type;

/**
 * The line type of ASCII digits `d` for `region` (undefined when not a valid number), as phoneInfo reports it:
 * for `+CC` followed by d when `intl`, else for d dialled inside the region.
 */
export function phoneType(region: CountryCode, d: string, intl: boolean): PhoneType | undefined {
  const c = plan(region);
  if (d.length < 2 || d.length > 17) return slow(intl ? `+${c.cc}${d}` : d, region);
  // a domestic string that starts with an IDD or the calling code is re-read as international by the parser
  if (!intl && ((c.idd && c.idd.test(d)) || d.startsWith(c.cc))) return slow(d, region);
  let nat = d;
  const m = c.prefix?.exec(d);
  if (m) {
    // carrier-code rewrites (CN 1xxxx, KR 08x): rare in text, left to the library
    if (m.length > 1 && m[m.length - 1]) return slow(intl ? `+${c.cc}${d}` : d, region);
    const after = d.slice(m[0].length);
    // the parser keeps the prefix when stripping it turns a valid-looking number into an invalid one or a bad length
    const keep = (c.general.test(d) && !c.general.test(after)) || (c.lengths !== undefined && !lengthPossible(after.length, c.lengths));
    if (!keep) nat = after;
  }
  return nat.length < 2 ? undefined : lineType(c, nat);
}
