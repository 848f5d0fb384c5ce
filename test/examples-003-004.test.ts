// The registries of seeds 003 (online shop, PIPL) and 004 (Korean marketplace, PIPA): as written and live.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/law/index.ts';
import { formatProblem, LANGUAGES, loadRegistryFile, type Labels, type Registry } from '../src/registry/index.ts';

const root = join(import.meta.dirname, '..');
const seedsDir = join(root, '..', 'shared', 'seeds');

function load(file: string): Registry {
  const result = loadRegistryFile(join(root, 'examples', file));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.registry;
}

function byId<T extends { id: string }>(list: T[], id: string): T {
  const found = list.find((x) => x.id === id);
  if (!found) throw new Error(`no id ${id}`);
  return found;
}

const ids = (list: { id: string }[]) => list.map((x) => x.id);
const inAllLanguages = (l: Labels | undefined) => LANGUAGES.every((lang) => (l?.[lang] ?? '').trim() !== '');

interface Case {
  file: string;
  seed: string;
  live: boolean;
  regime: 'pipl' | 'pipa';
  languages: string[];
  roles: string[];
  purposes: string[];
  categories: string[];
  recipients: string[];
  permissions: string[];
}

const CASES: Case[] = [
  {
    file: '003-online-shop.yaml', seed: '003_', live: false, regime: 'pipl', languages: ['zh-Hans', 'en'],
    roles: ['customer', 'consignee', 'contact-person'],
    purposes: ['registration', 'order', 'payment', 'delivery', 'face-login', 'customer-service', 'recommendation', 'statistics'],
    categories: ['account-name', 'password', 'phone', 'email', 'nickname', 'recipient-name', 'recipient-address', 'recipient-phone', 'order-number', 'amount', 'face', 'id-number'],
    recipients: ['payment-institution', 'courier'],
    permissions: ['location', 'camera', 'album', 'microphone', 'contacts'],
  },
  {
    file: '003-online-shop.live.yaml', seed: '003_', live: true, regime: 'pipl', languages: [...LANGUAGES],
    roles: ['customer', 'consignee', 'contact-person'],
    purposes: ['registration', 'order', 'payment', 'delivery', 'face-login', 'customer-service', 'recommendation', 'statistics', 'location-address', 'photo-shopping', 'reviews', 'voice-shopping', 'contacts-autofill'],
    categories: ['account-name', 'password', 'phone', 'email', 'nickname', 'recipient-name', 'recipient-address', 'recipient-phone', 'order-number', 'amount', 'face', 'id-number', 'precise-location'],
    recipients: ['payment-institution', 'courier', 'sms-provider'],
    permissions: ['location', 'camera', 'album', 'microphone', 'contacts'],
  },
  {
    file: '004-kr-marketplace.yaml', seed: '004_', live: false, regime: 'pipa', languages: ['ko', 'en'],
    roles: ['user'],
    purposes: ['registration', 'recommendation', 'marketing', 'partner-marketing', 'affiliate-sharing', 'fraud-prevention'],
    categories: ['name', 'gender', 'birth-date', 'phone', 'email', 'rrn', 'passport-number', 'bank-account', 'location'],
    recipients: ['affiliates', 'partners', 'processors', 'overseas-servers'],
    permissions: [],
  },
  {
    file: '004-kr-marketplace.live.yaml', seed: '004_', live: true, regime: 'pipa', languages: [...LANGUAGES],
    roles: ['user'],
    purposes: ['registration', 'recommendation', 'marketing', 'partner-marketing', 'affiliate-sharing', 'fraud-prevention', 'trading', 'seller-provision', 'location-service'],
    categories: ['name', 'gender', 'birth-date', 'phone', 'email', 'passport-number', 'bank-account', 'location'],
    recipients: ['affiliates', 'partners', 'sellers', 'overseas-servers', 'backup-servers', 'identity-verifier', 'payment-agency'],
    permissions: ['location'],
  },
];

describe.each(CASES)('examples/$file', (c) => {
  const reg = load(c.file);

  it('validates, declares its regime and its languages', () => {
    expect(reg.organization.regimes).toEqual([c.regime]);
    expect([...reg.organization.languages].sort()).toEqual([...c.languages].sort());
  });

  it('has the ids the scenario steps use', () => {
    for (const id of c.roles) expect(ids(reg.roles)).toContain(id);
    for (const id of c.purposes) expect(ids(reg.purposes)).toContain(id);
    for (const id of c.categories) expect(ids(reg.categories)).toContain(id);
    for (const id of c.recipients) expect(ids(reg.recipients)).toContain(id);
    for (const id of c.permissions) expect(ids(reg.permissions)).toContain(id);
  });

  it.runIf(existsSync(seedsDir))('quotes clauses verbatim from the source policy', () => {
    const name = readdirSync(seedsDir).find((f) => f.startsWith(c.seed) && f.endsWith('.txt'));
    const seed = readFileSync(join(seedsDir, name!), 'utf8');
    for (const clause of reg.clauses) expect(seed, clause.id).toContain(clause.text);
  });

  it.runIf(!c.live)('as written: lint reports errors', () => {
    expect(lint(reg).filter((f) => f.severity === 'error').length).toBeGreaterThan(10);
  });

  it.runIf(c.live)('live: lint reports nothing, and the fixes a company makes are present', () => {
    expect(lint(reg).map((f) => `${f.ruleId} ${f.path} ${f.message}`)).toEqual([]);
    expect(reg.clauses).toEqual([]);
    expect(reg.organization.privacyOfficer?.email).toBeTruthy();
    for (const p of reg.purposes) {
      expect(p.retention, p.id).toBeDefined();
      expect(p.method, p.id).toBeDefined();
      if (p.legalBasis === 'consent') expect(['general', 'separate', 'written', 'explicit'], p.id).toContain(p.consentMechanism);
      if (p.marketing || p.profiling || p.analytics) expect(p.required, p.id).toBe(false);
    }
    // every recipient names its contact, except the public and authorities acting under a statute
    const statutory = (r: Registry['recipients'][number]) => r.purposes.every((id) => byId(reg.purposes, id).legalBasis === 'legal-obligation');
    for (const r of reg.recipients) if (r.kind !== 'public' && !statutory(r)) expect(r.contact, r.id).toBeDefined();
  });
});

describe('003 online shop live: scenario specifics', () => {
  const reg = load('003-online-shop.live.yaml');

  it('step 1: registration keeps phone and email, the nickname defaults to the account name, SMS codes go through a processor', () => {
    const p = byId(reg.purposes, 'registration');
    expect(p.categories).toEqual(expect.arrayContaining(['account-name', 'password', 'phone', 'email', 'nickname']));
    expect(byId(reg.categories, 'phone').kind).toBe('cn-mobile');
    expect(byId(reg.categories, 'nickname').labels.en).toMatch(/account name/);
    const sms = byId(reg.recipients, 'sms-provider');
    expect([sms.kind, sms.contract, sms.categories]).toEqual(['processor', true, ['phone']]);
  });

  it('step 2: the payment institution receives only order number and amount; the courier only what delivery needs', () => {
    expect(byId(reg.purposes, 'order').categories).toEqual(expect.arrayContaining(['recipient-name', 'recipient-address', 'recipient-phone']));
    const pay = byId(reg.recipients, 'payment-institution');
    expect([...pay.categories].sort()).toEqual(['amount', 'order-number']);
    expect(byId(reg.categories, 'order-number').kind).toBe('order-number');
    expect(byId(reg.categories, 'amount').kind).toBe('amount');
    const courier = byId(reg.recipients, 'courier');
    expect(courier.categories).toEqual(expect.arrayContaining(['recipient-name', 'recipient-address', 'recipient-phone', 'order-number']));
    for (const id of ['order-items', 'payment-method', 'recipient-email', 'id-number', 'email']) expect(courier.categories).not.toContain(id);
    for (const r of [pay, courier]) expect([r.kind, r.country, r.mechanism?.type]).toEqual(['third-party', 'CN', 'separate-consent']);
  });

  it('step 3: face login is optional, on separate consent, over a sensitive biometric category with necessity and impact', () => {
    const face = byId(reg.categories, 'face');
    expect([face.kind, face.sensitivity?.pipl, face.encryptedAtRest]).toEqual(['biometric', 'sensitive', true]);
    expect(inAllLanguages(face.necessity) && inAllLanguages(face.impact)).toBe(true);
    const p = byId(reg.purposes, 'face-login');
    expect([p.legalBasis, p.consentMechanism, p.required, p.categories]).toEqual(['consent', 'separate', false, ['face']]);
    expect(p.assessment?.approved).toBe(true);
    expect(reg.purposes.filter((x) => x.categories.includes('face')).map((x) => x.id)).toEqual(['face-login']);
  });

  it('step 4: each device permission is linked to optional purposes only', () => {
    const map = Object.fromEntries(reg.permissions.map((p) => [p.permission, p.purposes]));
    expect(map).toEqual({
      location: ['location-address'], camera: ['face-login', 'photo-shopping', 'reviews'], album: ['photo-shopping', 'reviews'],
      microphone: ['voice-shopping'], contacts: ['contacts-autofill'],
    });
    for (const pid of reg.permissions.flatMap((p) => p.purposes)) expect(byId(reg.purposes, pid).required, pid).toBe(false);
  });

  it('step 5: customer service reads phone and ID numbers masked', () => {
    const cs = byId(reg.purposes, 'customer-service');
    expect(cs.categories).toEqual(expect.arrayContaining(['phone', 'id-number']));
    expect(cs.masked).toEqual(expect.arrayContaining(['phone', 'recipient-phone', 'id-number']));
    expect(byId(reg.categories, 'id-number').kind).toBe('cn-resident-id');
  });

  it('step 6: closure ends the account data; statistics are optional anonymised aggregates', () => {
    expect(byId(reg.purposes, 'registration').retention?.until).toBe('account-closed');
    const s = byId(reg.purposes, 'statistics');
    expect([s.analytics, s.required]).toEqual([true, false]);
    expect(reg.rightsChannels.some((ch) => ch.rights?.includes('close-account'))).toBe(true);
  });

  it('offers a non-personalised option: recommendations are optional profiling with published logic', () => {
    const r = byId(reg.purposes, 'recommendation');
    expect([r.profiling, r.required, r.legalBasis]).toEqual([true, false, 'consent']);
    expect(inAllLanguages(r.adm?.logic)).toBe(true);
  });
});

describe('003 online shop as written: keeps its gaps', () => {
  const reg = load('003-online-shop.yaml');

  it('bundles profiling into the core functions and gives face login no separate consent', () => {
    const r = byId(reg.purposes, 'recommendation');
    expect([r.required, r.consentMechanism]).toEqual([true, 'bundled-with-terms']);
    expect(byId(reg.purposes, 'face-login').consentMechanism).toBe('general');
    expect(byId(reg.categories, 'face').necessity).toBeUndefined();
  });

  it('quotes the deemed-consent and exemption sentences, and states retention only for the account', () => {
    expect(reg.clauses.map((c) => c.topic)).toEqual(expect.arrayContaining(['deemed-consent', 'consent-exemptions', 'retention']));
    expect(reg.clauses.filter((c) => c.topic === 'consent-exemptions')).toHaveLength(12);
    expect(reg.purposes.filter((p) => p.retention).map((p) => p.id)).toEqual(['registration']);
    expect(reg.organization.privacyOfficer).toBeUndefined();
    expect(byId(reg.recipients, 'courier').categories).toContain('order-items');
  });
});

describe('004 Korean marketplace as written: keeps its gaps', () => {
  const reg = load('004-kr-marketplace.yaml');

  it('collects an RRN without a statute and deems continued use to be consent', () => {
    const rrn = byId(reg.categories, 'rrn');
    expect([rrn.kind, rrn.sensitivity?.pipa, rrn.statute]).toEqual(['kr-rrn', 'rrn', undefined]);
    expect(byId(reg.purposes, 'registration').consentMechanism).toBe('continued-use');
    expect(byId(reg.clauses, 'deemed-consent').text).toMatch(/계속 이용하시는 경우.*동의하신 것으로 간주/);
    expect(byId(reg.purposes, 'marketing').consentMechanism).toBe('opt-out');
  });

  it('has no retention, privacy officer or transfer disclosures', () => {
    expect(reg.purposes.every((p) => p.retention === undefined)).toBe(true);
    expect(reg.organization.privacyOfficer).toBeUndefined();
    const servers = byId(reg.recipients, 'overseas-servers');
    expect([servers.mechanism, servers.transferTime, servers.rightsChannel, servers.contact]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('lint finds what scenario 004 step 2 names', () => {
    const rules = new Set(lint(reg).filter((f) => f.severity === 'error').map((f) => f.ruleId));
    for (const id of ['PIPA-ED17-1', 'PIPA-21-1', 'PIPA-30-1', 'PIPA-31-1', 'PIPA-28.8-1', 'PIPA-28.8-2', 'PIPA-24.2-1']) expect(rules, id).toContain(id);
  });
});

describe('004 Korean marketplace live: scenario specifics', () => {
  const reg = load('004-kr-marketplace.live.yaml');

  it('step 1: registration collects name, gender, birth date, phone and email on the contract, and no RRN anywhere', () => {
    const p = byId(reg.purposes, 'registration');
    expect([...p.categories].sort()).toEqual(['birth-date', 'email', 'gender', 'name', 'phone']);
    expect(p.legalBasis).toBe('contract');
    for (const cat of reg.categories) if (cat.kind === 'kr-rrn' || cat.sensitivity?.pipa === 'rrn') expect(cat.statute, cat.id).toBeDefined();
    expect(reg.categories.some((cat) => cat.kind === 'kr-rrn')).toBe(false);
  });

  it('unique identifiers are encrypted and used only on separate consent', () => {
    for (const cat of reg.categories.filter((x) => x.sensitivity?.pipa)) {
      expect(cat.encryptedAtRest, cat.id).toBe(true);
      for (const p of reg.purposes.filter((x) => x.categories.includes(cat.id))) expect(p.consentMechanism, p.id).toBe('separate');
    }
  });

  it('step 3: personalised recommendations can be refused without losing the service', () => {
    const r = byId(reg.purposes, 'recommendation');
    expect([r.legalBasis, r.required, r.profiling]).toEqual(['consent', false, true]);
    expect(inAllLanguages(r.adm?.criteria)).toBe(true);
    // what the service needs rests on the contract, not on the recommendation consent
    for (const id of ['registration', 'trading', 'service-operation']) expect(byId(reg.purposes, id).legalBasis).toBe('contract');
  });

  it('marketing is opt-in and separate, without night-time sending', () => {
    for (const id of ['marketing', 'partner-marketing']) {
      const m = byId(reg.purposes, id);
      expect([m.legalBasis, m.consentMechanism, m.required, m.nightMarketing ?? false]).toEqual(['consent', 'separate', false, false]);
    }
  });

  it('every recipient abroad carries the PIPA 28-8 items and a basis', () => {
    const abroad = reg.recipients.filter((r) => r.country !== 'KR');
    expect(ids(abroad).sort()).toEqual(['affiliates', 'backup-servers', 'overseas-servers']);
    for (const r of abroad) {
      expect(r.mechanism?.type, r.id).toMatch(/^(separate-consent|contract-necessity)$/);
      for (const l of [r.transferTime, r.method, r.retention, r.rightsChannel]) expect(inAllLanguages(l), r.id).toBe(true);
      expect(r.contact?.email, r.id).toBeTruthy();
    }
  });

  it('provision to third parties and affiliates rests on separate consent', () => {
    for (const r of reg.recipients.filter((x) => x.kind === 'third-party' || x.kind === 'affiliate')) {
      for (const pid of r.purposes) {
        const p = byId(reg.purposes, pid);
        expect(p.legalBasis === 'legal-obligation' || (p.legalBasis === 'consent' && p.consentMechanism === 'separate'), `${r.id}/${pid}`).toBe(true);
      }
    }
  });

  it('step 4: access requests have a channel that names the 10-day answer', () => {
    const channels = reg.rightsChannels.filter((ch) => ch.rights?.includes('access'));
    expect(channels.length).toBeGreaterThan(0);
    expect(channels.some((ch) => ch.labels.ko?.includes('10일'))).toBe(true);
  });
});
