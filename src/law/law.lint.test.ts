import { describe, expect, it } from 'vitest';
import type { Registry } from '../registry/index.ts';
import { CATALOGUE, lint } from './index.ts';
import { baseRegistry } from './law.fixture.ts';

type Mutation = (r: Registry) => void;
const P = (r: Registry, id: string) => r.purposes.find((p) => p.id === id)!;
const C = (r: Registry, id: string) => r.categories.find((c) => c.id === id)!;
const R = (r: Registry, id: string) => r.recipients.find((c) => c.id === id)!;
const clause = (text: string, lang: 'zh-Hans' | 'zh-Hant' | 'ko' | 'en', topic?: 'other' | 'transfer' | 'change-prevails'): Mutation => (r) => { r.clauses.push({ id: 'c1', text, lang, ...(topic ? { topic } : {}) }); };
const channel = (rights: Registry['rightsChannels'][number]['rights']): Mutation => (r) => { r.rightsChannels = [{ id: 'web', kind: 'web', labels: { en: 'x', 'zh-Hans': 'x' }, rights }]; };
const ALL_BUT = (...no: string[]) => channel((['access', 'copy', 'rectify', 'erase', 'restrict', 'object', 'portability', 'withdraw', 'close-account', 'adm-explanation', 'adm-human-review', 'explain-rules', 'complain'] as const).filter((x) => !no.includes(x)));
const adm = (r: Registry, extra: object = {}) => { P(r, 'account').adm = { significantEffect: true, logic: { en: 'score', 'zh-Hans': '评分' }, criteria: { en: 'c', 'zh-Hans': 'c' }, humanReview: true, ...extra }; P(r, 'account').assessment = { id: 'dpia', approved: true }; };
const abroad = (country: string, mechanism?: Registry['recipients'][number]['mechanism']): Mutation => (r) => { const x = R(r, 'affiliate-kr'); x.country = country; x.mechanism = mechanism; };

// Each row: the rule, a mutation of the clean base registry that must make it fire.
const CASES: [string, Mutation][] = [
  ['PIPL-13-1', (r) => { P(r, 'account').legalBasis = 'legitimate-interests'; }],
  ['PIPL-13-1', (r) => { P(r, 'account').legalBasis = 'hr-management'; }],
  ['PIPL-14-1', (r) => { P(r, 'newsletter').consentMechanism = 'pre-ticked'; }],
  ['PIPL-14-3', clause('您继续使用本服务即视为您同意本政策。', 'zh-Hans')],
  ['PIPL-14-3', clause('同意本方針即視為同意第三方隱私政策', 'zh-Hant')],
  ['PIPL-14-3', clause('您在使用期间持续授权我们使用。', 'zh-Hans')],
  ['PIPL-15-1', ALL_BUT('withdraw')],
  ['PIPL-16-1', (r) => { P(r, 'newsletter').required = true; }],
  ['PIPL-16-1', (r) => { P(r, 'account').legalBasis = 'consent'; }],
  ['PIPL-24-2', (r) => { P(r, 'newsletter').required = true; }],
  ['PIPL-25-1', (r) => { R(r, 'affiliate-kr').kind = 'public'; P(r, 'newsletter').consentMechanism = 'general'; }],
  ['PIPL-26-1', (r) => { r.scenarios[0].publicPlace = true; }],
  ['PIPL-28-1', (r) => { C(r, 'face').necessity = undefined; }],
  ['PIPL-28-1', (r) => { r.categories.push({ id: 'card', kind: 'bank-card', labels: { en: 'Card', 'zh-Hans': '卡' }, origin: 'collected' }); }],
  ['PIPL-29-1', (r) => { P(r, 'face-login').consentMechanism = 'general'; }],
  ['PIPL-31-1', (r) => { r.roles[0].minAge = 12; }],
  ['GBT-5.6-1', clause('与产品稳定运行相关的；出于学术研究所必要', 'zh-Hans')],
  ['GBT-5.6-1', clause('与国家安全、国防安全有关的；', 'zh-Hans')],
  ['CN-FRT-1', (r) => { P(r, 'face-login').required = true; }],
  ['PIPL-17-1', (r) => { r.organization.contact = {}; }],
  ['PIPL-17-1', (r) => { P(r, 'account').method = undefined; }],
  ['PIPL-17-2', clause('本政策如有变更，以变更后的版本为准。', 'zh-Hans')],
  ['PIPL-30-1', (r) => { C(r, 'face').impact = { en: 'x' }; }],
  ['PIPL-24-1', (r) => { adm(r, { logic: undefined }); }],
  ['PIPL-24-3', (r) => { adm(r); ALL_BUT('adm-human-review')(r); }],
  ['PIPL-45-1', ALL_BUT('explain-rules')],
  ['PIPL-19-1', (r) => { P(r, 'account').retention = undefined; }],
  ['PIPL-47-1', ALL_BUT('erase')],
  ['GBT-8.5-1', ALL_BUT('close-account')],
  ['PIPL-21-1', (r) => { R(r, 'id-verifier').contract = undefined; }],
  ['PIPL-23-1', (r) => { R(r, 'affiliate-kr').contact = undefined; }],
  ['PIPL-23-1', (r) => { P(r, 'newsletter').consentMechanism = 'general'; }],
  ['PIPL-38-1', (r) => { R(r, 'id-verifier').mechanism = undefined; }],
  ['CN-CBT24-1', (r) => { r.organization.ciio = true; }],
  ['PIPL-39-1', (r) => { R(r, 'id-verifier').rightsChannel = undefined; }],
  ['PIPL-73-1', clause('去标识化的信息我们有权进行商业化的利用。', 'zh-Hans')],
  ['PIPL-73-1', clause('搜索关键词不属于您的个人信息，我们有权以任何目的使用。', 'zh-Hans')],
  ['PIPL-51-1', (r) => { C(r, 'face').encryptedAtRest = false; }],
  ['PIPL-52-1', (r) => { r.organization.largeScale = true; r.organization.privacyOfficer = undefined; }],
  ['PIPL-55-1', (r) => { P(r, 'face-login').assessment = undefined; }],
  ['PIPA-15-1', (r) => { P(r, 'account').legalBasis = 'legitimate-interests'; }],
  ['PIPA-15-1', (r) => { P(r, 'account').legalBasis = 'news-reporting'; }],
  ['PIPA-15-2', (r) => { P(r, 'newsletter').retention = undefined; }],
  ['PIPA-16-1', (r) => { P(r, 'account').categories.push('passport'); }],
  ['PIPA-16-1', (r) => { P(r, 'newsletter').required = true; }],
  ['PIPA-22-1', (r) => { P(r, 'newsletter').consentMechanism = 'bundled-with-terms'; }],
  ['PIPA-ED17-1', clause('회원이 서비스를 계속 이용하시는 경우 본 방침에 동의하신 것으로 간주합니다.', 'ko')],
  ['PIPA-ED17-1', clause('본 서비스를 이용하시면 개인정보 처리에 동의하신 것으로 봅니다.', 'ko')],
  ['PIPA-ED17-1', (r) => { P(r, 'newsletter').consentMechanism = 'continued-use'; }],
  ['PIPA-22.2-1', (r) => { r.roles[0].minAge = 10; }],
  ['PIPA-23-1', (r) => { P(r, 'face-login').consentMechanism = 'general'; }],
  ['PIPA-24-1', (r) => { C(r, 'passport').encryptedAtRest = false; }],
  ['PIPA-24-1', (r) => { C(r, 'passport').sensitivity = undefined; }],
  ['PIPA-24.2-1', (r) => { C(r, 'passport').kind = 'kr-rrn'; }],
  ['KR-NET50-1', (r) => { P(r, 'newsletter').consentMechanism = 'opt-out'; }],
  ['KR-NET50-1', (r) => { P(r, 'newsletter').nightMarketing = true; P(r, 'newsletter').consentMechanism = 'general'; }],
  ['KR-LIA18-1', (r) => { C(r, 'email').kind = 'location'; }],
  ['PIPA-20-1', (r) => { r.scenarios[0].source = 'indirect'; }],
  ['PIPA-21-1', (r) => { P(r, 'account').retention = undefined; }],
  ['PIPA-30-1', (r) => { r.trackers = []; }],
  ['PIPA-30-1', (r) => { r.security = []; }],
  ['PIPA-31-1', (r) => { r.organization.privacyOfficer = undefined; }],
  ['PIPA-31-1', (r) => { r.organization.privacyOfficer = { name: { en: 'Kim' } }; }],
  ['PIPA-31.2-1', (r) => { r.organization.largeScale = true; r.organization.representative = undefined; }],
  ['PIPA-35-1', ALL_BUT('access')],
  ['PIPA-36-1', ALL_BUT('rectify')],
  ['PIPA-37-1', ALL_BUT('restrict')],
  ['PIPA-37.2-1', (r) => { adm(r, { criteria: undefined }); }],
  ['PIPA-17-1', (r) => { R(r, 'affiliate-kr').retention = undefined; }],
  ['PIPA-17-1', (r) => { R(r, 'affiliate-kr').purposes = ['account']; R(r, 'affiliate-kr').categories = ['email']; }],
  ['PIPA-26-1', (r) => { R(r, 'id-verifier').contract = false; }],
  ['PIPA-26-2', (r) => { R(r, 'id-verifier').method = undefined; }],
  ['PIPA-28.8-1', (r) => { P(r, 'identity').consentMechanism = 'general'; }],
  ['PIPA-28.8-1', (r) => { r.recipients = r.recipients.filter((x) => x.id !== 'id-verifier'); clause('회사의 서버는 해외에 위치할 수 있으며 정보가 국외에 저장될 수 있습니다.', 'ko')(r); }],
  ['PIPA-28.8-2', (r) => { R(r, 'id-verifier').transferTime = undefined; }],
  ['PIPA-29-1', (r) => { r.categories.push({ id: 'card', kind: 'bank-card', labels: { en: 'Card', 'zh-Hans': '卡' }, origin: 'collected' }); }],
  ['GDPR-6-1', (r) => { P(r, 'account').legalBasis = 'legitimate-interests'; }],
  ['GDPR-6-1', (r) => { P(r, 'account').legalBasis = 'publicly-disclosed'; }],
  ['GDPR-7-1', (r) => { P(r, 'newsletter').consentMechanism = 'silence'; }],
  ['GDPR-7-1', clause('By continuing to use the site you are deemed to consent to this policy.', 'en')],
  ['GDPR-7-2', ALL_BUT('withdraw')],
  ['GDPR-7-3', (r) => { P(r, 'face-login').required = true; }],
  ['GDPR-8-1', (r) => { r.roles[0].minAge = 15; }],
  ['GDPR-9-1', (r) => { P(r, 'face-login').consentMechanism = 'general'; }],
  ['GDPR-9-1', (r) => { P(r, 'face-login').legalBasis = 'legitimate-interests'; }],
  ['GDPR-21-2', (r) => { P(r, 'newsletter').legalBasis = 'legitimate-interests'; ALL_BUT('object')(r); }],
  ['EU-EPD-1', (r) => { r.trackers[0].class = 'analytics'; }],
  ['EU-EPD-1', (r) => { P(r, 'newsletter').legalBasis = 'legitimate-interests'; }],
  ['EU-EPD-1', clause('貴方的個人信息將完全匿名處理，因此我方採取此類操作時無需任何法理依據。', 'zh-Hant')],
  ['GDPR-5-1', (r) => { P(r, 'account').retention = undefined; }],
  ['GDPR-12-2', (r) => { r.fees = { firstCopyFree: false }; }],
  ['GDPR-13-1', (r) => { r.organization.supervisoryAuthority = undefined; ALL_BUT('complain')(r); }],
  ['GDPR-14-1', (r) => { r.scenarios[0].source = 'indirect'; r.scenarios[0].sourceDetail = { en: 'x', 'zh-Hans': 'x' }; }],
  ['GDPR-15-1', ALL_BUT('restrict')],
  ['GDPR-20-1', ALL_BUT('portability')],
  ['GDPR-21-1', (r) => { P(r, 'account').legalBasis = 'legitimate-interests'; ALL_BUT('object')(r); }],
  ['GDPR-22-1', (r) => { adm(r); P(r, 'account').legalBasis = 'legitimate-interests'; }],
  ['GDPR-22-1', (r) => { adm(r, { humanReview: false }); }],
  ['GDPR-28-1', (r) => { R(r, 'id-verifier').contract = undefined; }],
  ['GDPR-30-1', (r) => { r.security = []; }],
  ['GDPR-35-1', (r) => { P(r, 'account').publicMonitoring = true; }],
  ['GDPR-37-1', (r) => { r.organization.largeScale = true; r.organization.privacyOfficer = undefined; }],
  ['GDPR-45-1', abroad('CN', { type: 'adequacy' })],
  ['GDPR-46-1', abroad('CN', { type: 'standard-contract', reference: 'x' })],
  ['GDPR-49-1', abroad('CN', { type: 'derogation' })],
];

function fires(mutate: Mutation | undefined, ruleId: string): boolean {
  const reg = baseRegistry();
  mutate?.(reg);
  const rule = CATALOGUE.find((r) => r.id === ruleId)!;
  return lint(reg, { regimes: [rule.regime] }).some((f) => f.ruleId === ruleId);
}

describe('lint', () => {
  it('finds nothing in the clean base registry', () => {
    expect(lint(baseRegistry())).toEqual([]);
  });
  it.each(CASES.map(([id, m], i) => [`${id} #${i}`, id, m] as const))('%s fires on its mutation and not on the base', (_, id, mutate) => {
    expect(fires(undefined, id)).toBe(false);
    expect(fires(mutate, id)).toBe(true);
  });
  it('has a firing case for every rule with a predicate', () => {
    const tested = new Set(CASES.map(([id]) => id));
    expect(CATALOGUE.filter((r) => r.check && !tested.has(r.id)).map((r) => r.id)).toEqual([]);
  });
  it('checks only the requested or declared regimes', () => {
    const reg = baseRegistry();
    P(reg, 'account').legalBasis = 'legitimate-interests';
    expect(new Set(lint(reg, { regimes: ['pipl'] }).map((f) => f.regime))).toEqual(new Set(['pipl']));
    reg.organization.regimes = ['gdpr'];
    expect(lint(reg).every((f) => f.regime === 'gdpr')).toBe(true);
  });
  it('formats paths and fills message templates in the requested languages', () => {
    const reg = baseRegistry();
    P(reg, 'account').legalBasis = 'legitimate-interests';
    const f = lint(reg, { regimes: ['pipl'], lang: 'all' }).find((x) => x.ruleId === 'PIPL-13-1')!;
    expect(f).toMatchObject({ path: 'purposes[0].legalBasis', severity: 'error', code: 'CN_NO_LEGITIMATE_INTEREST', article: 'PIPL 13' });
    expect(f.messages?.['zh-Hans']).toBe('法律依据不符合《个人信息保护法》第十三条：account');
    expect(f.messages?.ko).toContain('account');
    expect(f.messages?.['zh-Hant']).toContain('account');
    expect(lint(reg, { regimes: ['pipl'] })[0].messages).toBeUndefined();
    expect(Object.keys(lint(reg, { regimes: ['pipl'], lang: 'ko' })[0].messages!)).toEqual(['ko']);
  });
  it('names the missing Korean policy section in the code', () => {
    const reg = baseRegistry();
    reg.organization.privacyOfficer = undefined;
    expect(lint(reg, { regimes: ['pipa'] }).map((f) => f.code)).toContain('KR_POLICY_MISSING:privacy-officer');
  });
  it('reports vague "until fulfilled" retention as a warning only', () => {
    const reg = baseRegistry();
    P(reg, 'account').retention = { until: 'purpose-fulfilled', from: 'collection' };
    const f = lint(reg).filter((x) => ['PIPL-19-1', 'PIPA-21-1', 'GDPR-5-1'].includes(x.ruleId));
    expect(f.map((x) => x.severity)).toEqual(['warning', 'warning', 'warning']);
  });
  it('does not mistake affirmative consent wording for deemed consent', () => {
    for (const [text, lang] of [['我已阅读并同意《隐私政策》', 'zh-Hans'], ['개인정보 수집·이용에 동의합니다 (선택)', 'ko'], ['I agree to receive the newsletter.', 'en']] as const) {
      const reg = baseRegistry();
      clause(text, lang)(reg);
      expect(lint(reg).filter((f) => f.path.startsWith('clauses'))).toEqual([]);
    }
  });
});
