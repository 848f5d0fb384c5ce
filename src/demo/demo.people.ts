// Synthetic people for `custodia demo`: values that pass their check digits, in the seed's language.
import { address, email, personName } from '../deid/corpus/people.ts';
import { bankCard, cnLandline, cnMobile, hkid, krPassport, krPhone, residentId, twId } from '../deid/corpus/identifiers.ts';
import { Rng } from '../deid/corpus/random.ts';
import type { Category, Language, Registry } from '../registry/index.ts';

/** One synthetic person: their role, language and a value per category their role's purposes use. */
export interface DemoPerson {
  role: string;
  language: Language;
  birthDate: string;
  values: { category: string; value: string }[];
}

const pad = (n: number) => String(n).padStart(2, '0');
// the corpus writes numbers in many shapes (full-width, spaced, +86); the demo stores the plain 11 digits
const mobile = (r: Rng) => cnMobile(r).normalize('NFKC').replace(/\D/g, '').slice(-11);

// A value of the category's identifier kind, or undefined for kinds a demo leaves empty (biometrics, free text).
function valueFor(r: Rng, cat: Category, lang: Language, birth: string): string | undefined {
  switch (cat.kind) {
    case 'name': return personName(r, lang);
    case 'email': return email(r);
    case 'cn-mobile': return mobile(r);
    case 'cn-landline': return cnLandline(r);
    case 'kr-phone': return krPhone(r).normalize('NFKC');
    // the generic phone kind wants international format
    case 'phone': return lang === 'ko' ? `+82 ${krPhone(r).normalize('NFKC').replace(/\D/g, '').replace(/^0/, '')}` : `+86 ${mobile(r)}`;
    case 'cn-resident-id': return residentId(r);
    case 'hk-id': return hkid(r);
    case 'tw-id': return twId(r, 'id');
    case 'kr-passport': return krPassport(r);
    case 'bank-card': return bankCard(r);
    case 'card-expiry': return `${pad(r.range(1, 12))}/${r.range(27, 31)}`;
    case 'address': return address(r, lang);
    case 'birth-date': return birth;
    case 'order-number': return `SO-${r.range(2024, 2026)}-${String(r.range(1, 999_999)).padStart(6, '0')}`;
    case 'amount': return `${r.range(10, 3000)}.${pad(r.range(0, 99))}`;
    case 'account-name': return `user${r.range(1000, 99_999)}`;
    case 'ip': return `203.0.113.${r.range(1, 254)}`;
    case 'postal-code': return lang === 'ko' ? String(r.range(10_000, 63_999)) : String(r.range(100_000, 850_000));
    case 'other': return cat.id.includes('gender') ? (r.chance(0.5) ? 'F' : 'M') : undefined;
    default: return undefined;
  }
}

/** Generates `count` people for a registry, deterministic for a seed. */
export function demoPeople(registry: Registry, count: number, seed = 2026): DemoPerson[] {
  const r = new Rng(seed);
  const lang = registry.organization.languages[0];
  const roles = registry.roles.map((role) => ({ role: role.id, cats: new Set(registry.purposes.filter((p) => !p.roles || p.roles.includes(role.id)).flatMap((p) => p.categories)) }));
  const people: DemoPerson[] = [];
  for (let i = 0; i < count; i++) {
    // most people take the first role (customers, members); a few the others
    const { role, cats } = i % 10 < 7 ? roles[0] : roles[i % roles.length];
    const birth = `${r.range(1950, 2004)}-${pad(r.range(1, 12))}-${pad(r.range(1, 28))}`;
    const values = registry.categories.filter((c) => cats.has(c.id)).flatMap((c) => {
      const v = valueFor(r, c, lang, birth);
      return v === undefined ? [] : [{ category: c.id, value: v }];
    });
    people.push({ role, language: lang, birthDate: birth, values });
  }
  return people;
}
