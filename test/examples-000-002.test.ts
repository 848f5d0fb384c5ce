// The registries of seeds 000-002 (as written and live) load, and carry the ids their scenarios use.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/law/index.ts';
import { formatProblem, loadRegistryFile, type Registry } from '../src/registry/index.ts';

const root = join(import.meta.dirname, '..');
const seedsDir = join(root, '..', 'shared', 'seeds');

interface Expect {
  file: string;
  seed: string;
  live: boolean;
  regimes: string[];
  roles: string[];
  purposes: string[];
  categories: string[];
  recipients: string[];
}

const CASES: Expect[] = [
  {
    file: '000-broker.yaml', seed: '000_', live: false, regimes: ['gdpr'],
    roles: ['prospect', 'customer', 'subscriber', 'visitor'],
    purposes: ['kyc', 'credit-check', 'credit-decision', 'newsletter', 'webinar', 'marketing-email', 'survey', 'cctv', 'visitor-registration'],
    categories: ['name', 'email', 'address', 'cctv-footage', 'survey-answers', 'credit-report'],
    recipients: ['credit-bureau'],
  },
  {
    file: '000-broker.live.yaml', seed: '000_', live: true, regimes: ['gdpr'],
    roles: ['prospect', 'customer', 'subscriber', 'visitor'],
    purposes: ['account', 'kyc', 'credit-check', 'credit-decision', 'newsletter', 'webinar', 'marketing-email', 'survey', 'feedback-survey', 'cctv', 'visitor-registration'],
    categories: ['name', 'email', 'phone', 'address', 'birth-date', 'id-number', 'credit-report', 'credit-decision-result', 'survey-answers', 'cctv-footage', 'visit-record'],
    recipients: ['credit-bureau', 'identity-verification-provider', 'email-service-provider', 'webinar-platform'],
  },
  {
    file: '001-cybozu-shanghai.yaml', seed: '001_', live: false, regimes: ['pipl'],
    roles: ['customer'],
    purposes: ['trial', 'seminar', 'survey', 'inquiry', 'product-news', 'web-analytics'],
    categories: ['company-name', 'job-title', 'name', 'phone', 'email', 'call-recording'],
    recipients: ['parent-company-jp', 'baidu-tongji'],
  },
  {
    file: '001-cybozu-shanghai.live.yaml', seed: '001_', live: true, regimes: ['pipl'],
    roles: ['customer'],
    purposes: ['trial', 'seminar', 'survey', 'inquiry', 'product-news', 'web-analytics', 'parent-company-sharing'],
    categories: ['company-name', 'job-title', 'name', 'phone', 'email', 'call-recording', 'survey-answers'],
    recipients: ['parent-company-jp', 'baidu-tongji'],
  },
  {
    file: '002-wework-labs.yaml', seed: '002_', live: false, regimes: ['gdpr'],
    roles: ['member', 'member-employee', 'mentor', 'visitor', 'vendor'],
    purposes: ['visitor-pre-registration', 'access-card', 'payment', 'office-preferences', 'calendar-integration', 'marketing'],
    categories: ['name', 'email', 'payment-card-number', 'card-expiry', 'office-preferences', 'calendar-data'],
    recipients: [],
  },
  {
    file: '002-wework-labs.live.yaml', seed: '002_', live: true, regimes: ['gdpr'],
    roles: ['member', 'member-employee', 'mentor', 'visitor', 'vendor'],
    purposes: ['visitor-pre-registration', 'access-card', 'payment', 'office-preferences', 'calendar-integration', 'marketing'],
    categories: ['name', 'email', 'payment-card-number', 'card-expiry', 'office-preferences', 'calendar-data', 'access-card-id'],
    recipients: ['wework-group', 'payment-processor', 'access-control-provider', 'advertising-partner'],
  },
];

const byId = <T extends { id: string }>(list: T[], id: string): T => {
  const found = list.find((x) => x.id === id);
  if (!found) throw new Error(`no id ${id}`);
  return found;
};

function load(file: string): Registry {
  const result = loadRegistryFile(join(root, 'examples', file));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.registry;
}

function seedText(prefix: string): string {
  const name = readdirSync(seedsDir).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!name) throw new Error(`seed ${prefix} missing`);
  return readFileSync(join(seedsDir, name), 'utf8');
}

describe.each(CASES)('examples/$file', (c) => {
  const reg = load(c.file);

  it('validates and declares its regimes', () => {
    expect(reg.organization.regimes).toEqual(c.regimes);
    if (c.live) expect([...reg.organization.languages].sort()).toEqual(['en', 'ko', 'zh-Hans', 'zh-Hant']);
  });

  it('has the ids the scenario steps use', () => {
    for (const id of c.roles) expect(reg.roles.map((r) => r.id)).toContain(id);
    for (const id of c.purposes) expect(reg.purposes.map((p) => p.id)).toContain(id);
    for (const id of c.categories) expect(reg.categories.map((x) => x.id)).toContain(id);
    for (const id of c.recipients) expect(reg.recipients.map((r) => r.id)).toContain(id);
  });

  it('quotes clauses verbatim from the source policy', () => {
    const seed = seedText(c.seed);
    for (const clause of reg.clauses) expect(seed, clause.id).toContain(clause.text);
  });

  it.runIf(c.live)('is fixed: retention everywhere, valid consent, contacts, no quoted problem clauses', () => {
    expect(reg.clauses).toEqual([]);
    expect(reg.organization.contact.email).toBeTruthy();
    expect(reg.organization.privacyOfficer?.email).toBeTruthy();
    expect(reg.rightsChannels.length).toBeGreaterThan(0);
    expect(reg.security.length).toBeGreaterThan(0);
    for (const p of reg.purposes) {
      expect(p.retention, p.id).toBeDefined();
      if (p.legalBasis === 'consent') expect(['general', 'separate', 'written', 'explicit'], p.id).toContain(p.consentMechanism);
      if (p.legalBasis === 'legitimate-interests') expect(p.legitimateInterest, p.id).toBeDefined();
      // PIPL 16 / GDPR 7(4): marketing and analytics never gate the service (profiling too under PIPL)
      if (p.marketing || p.analytics || (p.profiling && c.regimes.includes('pipl'))) expect(p.required, p.id).toBe(false);
      if (p.adm) expect(p.adm.logic, p.id).toBeDefined();
    }
    for (const r of reg.recipients) {
      expect(r.contact, r.id).toBeDefined();
      expect(r.method, r.id).toBeDefined();
    }
    for (const cat of reg.categories) {
      if (cat.sensitivity?.pipl || cat.sensitivity?.gdpr) {
        expect(cat.necessity, cat.id).toBeDefined();
        expect(cat.impact, cat.id).toBeDefined();
      }
    }
    for (const t of reg.trackers) if (t.class !== 'necessary') expect(t.recipient, t.id).toBeDefined();
  });
});

describe('000 broker live: scenario specifics', () => {
  const reg = load('000-broker.live.yaml');

  it('gives the credit-check processor only the categories it needs', () => {
    const bureau = byId(reg.recipients, 'credit-bureau');
    expect(bureau.kind).toBe('processor');
    expect([...bureau.categories].sort()).toEqual(['address', 'birth-date', 'id-number', 'name']);
  });

  it('runs email marketing on legitimate interests with an objection route, surveys on consent', () => {
    const m = byId(reg.purposes, 'marketing-email');
    expect(m.legalBasis).toBe('legitimate-interests');
    expect(m.marketing).toBe(true);
    expect(m.consentMechanism).toBe('opt-out');
    expect(byId(reg.purposes, 'survey').legalBasis).toBe('consent');
  });

  it('records the automated credit decision with logic and human review', () => {
    const d = byId(reg.purposes, 'credit-decision');
    expect(d.adm?.significantEffect).toBe(true);
    expect(d.adm?.humanReview).toBe(true);
    expect(d.legalBasis).not.toBe('legitimate-interests');
  });

  it('keeps CCTV footage for 30 days and charges only for further copies', () => {
    expect(byId(reg.purposes, 'cctv').retention?.duration).toBe('P30D');
    expect(reg.fees?.firstCopyFree).toBe(true);
    expect(reg.fees?.amount).toBeGreaterThan(0);
  });

  it('sends the address to more than one recipient and not to all', () => {
    const withAddress = reg.recipients.filter((r) => r.categories.includes('address')).map((r) => r.id);
    expect(withAddress).toEqual(['credit-bureau', 'identity-verification-provider']);
  });
});

describe('001 Cybozu Shanghai: as written keeps its gaps', () => {
  const reg = load('001-cybozu-shanghai.yaml');

  it('takes consent from accepting the policy and quotes the deemed-consent sentences', () => {
    expect(reg.purposes.filter((p) => p.consentMechanism === 'bundled-with-terms').map((p) => p.id)).toContain('web-analytics');
    expect(reg.clauses.map((c) => c.topic)).toEqual(expect.arrayContaining(['third-party-policy', 'deemed-consent', 'change-prevails', 'retention']));
    expect(reg.purposes.every((p) => p.retention === undefined)).toBe(true);
    expect(reg.organization.privacyOfficer).toBeUndefined();
    expect(byId(reg.recipients, 'parent-company-jp').mechanism).toBeUndefined();
  });
});

describe('001 Cybozu Shanghai live: scenario specifics', () => {
  const reg = load('001-cybozu-shanghai.live.yaml');

  it('collects company, title, name, phone and email for trial, seminar and survey', () => {
    for (const id of ['trial', 'seminar', 'survey']) {
      expect(byId(reg.purposes, id).categories).toEqual(expect.arrayContaining(['company-name', 'job-title', 'name', 'phone', 'email']));
    }
  });

  it('keeps call recordings under the inquiry purpose only', () => {
    expect(reg.purposes.filter((p) => p.categories.includes('call-recording')).map((p) => p.id)).toEqual(['inquiry']);
  });

  it('shares with the Japanese parent only under a separate consent, a PIPL 38 mechanism and the PIPL 39 items', () => {
    const parent = byId(reg.recipients, 'parent-company-jp');
    expect(parent.kind).toBe('affiliate');
    expect(parent.country).toBe('JP');
    expect(parent.mechanism?.type).toBe('standard-contract');
    expect(parent.contact && parent.method && parent.rightsChannel).toBeTruthy();
    for (const pid of parent.purposes) {
      const p = byId(reg.purposes, pid);
      expect(p.legalBasis).toBe('consent');
      expect(p.consentMechanism).toBe('separate');
      expect(p.assessment?.approved).toBe(true);
    }
  });

  it('runs Baidu Tongji as an optional analytics tracker under an entrustment contract', () => {
    const tracker = byId(reg.trackers, 'baidu-tongji');
    expect(tracker.class).toBe('analytics');
    expect(tracker.recipient).toBe('baidu-tongji');
    const baidu = byId(reg.recipients, 'baidu-tongji');
    expect(baidu.kind).toBe('processor');
    expect(baidu.contract).toBe(true);
    expect(byId(reg.purposes, 'web-analytics').required).toBe(false);
  });

  it('gives every purpose a processing method (PIPL 17)', () => {
    for (const p of reg.purposes) expect(p.method, p.id).toBeDefined();
  });
});

describe('002 WeWork Labs live: scenario specifics', () => {
  const reg = load('002-wework-labs.live.yaml');
  const purposesOf = (role: string) => reg.purposes.filter((p) => p.roles?.includes(role)).map((p) => p.id).sort().join(',');

  it('gives each of the five roles a different set of purposes', () => {
    const sets = ['member', 'member-employee', 'mentor', 'visitor', 'vendor'].map(purposesOf);
    expect(new Set(sets).size).toBe(5);
    expect(byId(reg.purposes, 'marketing').roles).toEqual(['visitor']);
  });

  it('takes pre-registered visitors (name, email) from the host and issues access cards', () => {
    const pre = byId(reg.purposes, 'visitor-pre-registration');
    expect([...pre.categories].sort()).toEqual(['email', 'name']);
    expect(byId(reg.scenarios, 'host-pre-registration').source).toBe('indirect');
    expect(byId(reg.purposes, 'access-card').roles).toContain('visitor');
  });

  it('stores card number and expiry encrypted with kinds that mask them', () => {
    const card = byId(reg.categories, 'payment-card-number');
    expect(card.kind).toBe('bank-card');
    expect(card.encryptedAtRest).toBe(true);
    expect(card.sensitivity?.pipl).toBe('sensitive');
    expect(card.sensitivity?.gdpr).toBeUndefined();
    const expiry = byId(reg.categories, 'card-expiry');
    expect(expiry.kind).toBe('card-expiry');
    expect(expiry.encryptedAtRest).toBe(true);
  });

  it('keeps office preferences and calendar data out of marketing', () => {
    const marketing = byId(reg.purposes, 'marketing');
    expect(marketing.legalBasis).toBe('consent');
    expect(marketing.categories).not.toContain('office-preferences');
    expect(marketing.categories).not.toContain('calendar-data');
    expect(reg.purposes.filter((p) => p.categories.includes('office-preferences')).map((p) => p.id)).toEqual(['office-preferences']);
    expect(byId(reg.permissions, 'calendar').purposes).toEqual(['calendar-integration']);
  });

  it('names a transfer mechanism for every recipient outside the EEA', () => {
    const eea = new Set(['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO']);
    for (const file of ['000-broker.live.yaml', '002-wework-labs.live.yaml']) {
      for (const r of load(file).recipients) if (!eea.has(r.country)) expect(r.mechanism, `${file} ${r.id}`).toBeDefined();
    }
  });
});

describe('lint on the six registries', () => {
  // What rules.md section 2 says each as-written policy gets wrong; the live files fix it.
  const expected: Record<string, string[]> = {
    '000-broker.yaml': ['GDPR-5-1', 'GDPR-6-1', 'GDPR-13-1', 'GDPR-14-1', 'GDPR-15-1', 'GDPR-21-2', 'GDPR-22-1', 'GDPR-35-1', 'EU-EPD-1'],
    '001-cybozu-shanghai.yaml': ['PIPL-13-1', 'PIPL-14-3', 'PIPL-16-1', 'PIPL-17-1', 'PIPL-17-2', 'PIPL-19-1', 'PIPL-21-1', 'PIPL-23-1', 'PIPL-38-1', 'PIPL-39-1', 'PIPL-45-1', 'PIPL-55-1'],
    '002-wework-labs.yaml': ['GDPR-5-1', 'GDPR-6-1', 'GDPR-13-1', 'GDPR-14-1', 'GDPR-15-1'],
  };

  it.each(Object.entries(expected))('%s reports the gaps of the source text', (file, rules) => {
    const found = new Set(lint(load(file)).map((f) => f.ruleId));
    for (const r of rules) expect([...found], r).toContain(r);
  });

  it.each(['000-broker.live.yaml', '001-cybozu-shanghai.live.yaml', '002-wework-labs.live.yaml'])('%s lints without errors', (file) => {
    const errors = lint(load(file)).filter((f) => f.severity === 'error');
    expect(errors.map((f) => `${f.ruleId} ${f.path}`)).toEqual([]);
  });
});
