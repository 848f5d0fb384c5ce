// PIPA consent and legal-basis rules (PIPA 15-18, 22-24-2; Decree 17; Network Act 50; Location Information Act 18).
import { isDeemedConsent } from '../law.clauses.ts';
import { categoriesOf, each, isSeparate } from '../law.helpers.ts';
import type { Hit, Rule } from '../law.model.ts';
import type { Category, Registry } from '../../registry/index.ts';
import { t } from './rule-kit.ts';

const PIPA_BASES = new Set(['consent', 'legal-obligation', 'other-law', 'public-task', 'contract', 'vital-interests', 'legitimate-interests', 'public-health']);
const UNIQUE_ID_KINDS = new Set(['kr-rrn', 'kr-arn', 'kr-passport', 'kr-driver-licence', 'passport']);

const isUniqueId = (c: Category) => c.sensitivity?.pipa === 'unique-id' || c.sensitivity?.pipa === 'rrn' || c.kind === 'kr-rrn';
const isRrn = (c: Category) => c.sensitivity?.pipa === 'rrn' || c.kind === 'kr-rrn';

// PIPA 23 and 24: separate consent or a statute for each purpose using the category, and encryption.
function specialHits(reg: Registry, test: (c: Category) => boolean, label: string): Hit[] {
  const hits: Hit[] = [];
  reg.purposes.forEach((p, i) => {
    const cats = categoriesOf(reg, p).filter((c) => test(c) && !c.statute);
    if (cats.length > 0 && !(p.legalBasis === 'consent' && isSeparate(p))) {
      hits.push({ path: ['purposes', i, 'consentMechanism'], subject: p.id, message: `purpose "${p.id}" uses ${label} ${cats.map((c) => c.id).join(', ')} without separate consent or a statute` });
    }
  });
  reg.categories.forEach((c, i) => {
    if (test(c) && c.encryptedAtRest !== true) hits.push({ path: ['categories', i, 'encryptedAtRest'], subject: c.id, message: `${label} "${c.id}" is not declared encrypted at rest` });
  });
  return hits;
}

/** PIPA consent-kind rules. */
export const PIPA_CONSENT: Rule[] = [
  {
    id: 'PIPA-15-1', regime: 'pipa', article: 'PIPA 15(1)', kind: 'consent', severity: 'error', enforcedBy: ['lint', 'access'],
    requirement: 'Collection grounds as listed in PIPA 15(1); legitimate interest only when it clearly outweighs the person\'s rights, with a balancing record.',
    title: t('Legal basis not available or not documented under PIPA', '法律依据不符合韩国PIPA第15条', '法律依據不符合韓國PIPA第15條', '개인정보 보호법 제15조의 처리 근거 부적합'),
    check: ({ reg }) => each(reg.purposes, (p, i) => {
      if (!PIPA_BASES.has(p.legalBasis)) return { path: ['purposes', i, 'legalBasis'], subject: p.id, message: `purpose "${p.id}" relies on "${p.legalBasis}", not a PIPA 15(1) ground` };
      if (p.legalBasis === 'legitimate-interests' && !p.balancing) return { path: ['purposes', i, 'balancing'], subject: p.id, message: `purpose "${p.id}" relies on legitimate interest without a balancing record` };
      return undefined;
    }),
  },
  {
    id: 'PIPA-15-2', regime: 'pipa', article: 'PIPA 15(2)', kind: 'notice', severity: 'error', enforcedBy: ['lint', 'consent', 'notice'],
    requirement: 'When relying on consent, tell purpose, items, retention period and the right to refuse with any disadvantage.',
    title: t('Consent notice lacks retention period', '同意告知缺少保存期限', '同意告知缺少保存期限', '동의 고지에 보유기간 없음'),
    check: ({ reg }) => each(reg.purposes, (p, i) => p.legalBasis === 'consent' && !p.retention && {
      path: ['purposes', i, 'retention'], subject: p.id, message: `consent purpose "${p.id}" does not state how long data is kept`,
    }),
  },
  {
    id: 'PIPA-16-1', regime: 'pipa', article: 'PIPA 16; PIPA 22(5)', kind: 'consent', severity: 'error', enforcedBy: ['lint', 'access'], code: 'KR_SERVICE_TIED_TO_OPTIONAL',
    requirement: 'Collect the minimum; non-minimum items optional; no refusal of service for refusing optional items or marketing.',
    title: t('Service tied to optional items', '拒绝非必要项目即无法使用服务', '拒絕非必要項目即無法使用服務', '선택 항목을 서비스 이용 조건으로 함'),
    check: ({ reg }) => each(reg.purposes, (p, i) => {
      if (!p.required) return undefined;
      if (p.marketing) return { path: ['purposes', i, 'required'], subject: p.id, message: `marketing purpose "${p.id}" is required` };
      const extra = categoriesOf(reg, p).filter((c) => c.minimum === false);
      return extra.length > 0 && { path: ['purposes', i, 'categories'], subject: p.id, message: `required purpose "${p.id}" uses non-minimum items ${extra.map((c) => c.id).join(', ')}` };
    }),
  },
  {
    id: 'PIPA-18-1', regime: 'pipa', article: 'PIPA 18; 15(3), 17(4)', kind: 'consent', severity: 'error', enforcedBy: ['consent', 'access'],
    requirement: 'Use or provision beyond the original purpose needs separate consent or a recorded compatibility assessment.',
  },
  {
    id: 'PIPA-22-1', regime: 'pipa', article: 'PIPA 22(1), (3)', kind: 'consent', severity: 'error', enforcedBy: ['consent', 'lint'],
    requirement: 'Each matter needing consent is shown and consented to separately; data needing no consent is kept apart.',
    title: t('Consent items bundled', '同意事项未分别取得', '同意事項未分別取得', '동의 사항을 구분하지 않음'),
    check: ({ reg }) => each(reg.purposes, (p, i) => {
      if (p.consentMechanism === 'bundled-with-terms') return { path: ['purposes', i, 'consentMechanism'], subject: p.id, message: `purpose "${p.id}" bundles consent with the terms` };
      return p.legalBasis === 'consent' && p.required && { path: ['purposes', i, 'legalBasis'], subject: p.id, severity: 'warning', message: `required purpose "${p.id}" asks consent for what the contract already needs` };
    }),
  },
  {
    id: 'PIPA-ED17-1', regime: 'pipa', article: 'Enforcement Decree 17(1); PIPA 22', kind: 'consent', severity: 'error', enforcedBy: ['lint', 'consent'],
    requirement: 'Valid consent is free, specific and clear with a way to say yes or no; "continued use means consent" is not consent.',
    title: t('Deemed consent', '“继续使用即视为同意”', '「繼續使用即視為同意」', '계속 이용 시 동의 간주'),
    check: ({ reg }) => [
      ...each(reg.clauses, (c, i) => isDeemedConsent(c) && { path: ['clauses', i, 'text'], subject: c.id, message: `clause "${c.id}" deems use to be consent` }),
      ...each(reg.purposes, (p, i) => (p.consentMechanism === 'continued-use' || p.consentMechanism === 'pre-ticked' || p.consentMechanism === 'silence') && {
        path: ['purposes', i, 'consentMechanism'], subject: p.id, message: `purpose "${p.id}" obtains consent by "${p.consentMechanism}"`,
      }),
    ],
  },
  {
    id: 'PIPA-22.2-1', regime: 'pipa', article: 'PIPA 22-2; Decree 17-2', kind: 'consent', severity: 'error', enforcedBy: ['consent', 'lint'],
    requirement: 'Children under 14: the legal representative\'s verified consent; child-friendly notices.',
    title: t('No rules for children under 14', '缺少未满14岁儿童处理规则', '缺少未滿14歲兒童處理規則', '만 14세 미만 아동 처리 규칙 없음'),
    check: ({ reg }) => reg.organization.childrenRules ? [] : each(reg.roles, (r, i) => r.minAge !== undefined && r.minAge < 14 && {
      path: ['roles', i, 'minAge'], subject: r.id, message: `role "${r.id}" admits children under 14 but no legal-representative consent rules are declared`,
    }),
  },
  {
    id: 'PIPA-23-1', regime: 'pipa', article: 'PIPA 23; Decree 18', kind: 'consent', severity: 'error', enforcedBy: ['lint', 'consent', 'vault'],
    requirement: 'Sensitive information only with separate consent or a statute, with safety measures and an exposure warning.',
    title: t('Sensitive information without separate consent or encryption', '敏感信息缺少单独同意或加密', '敏感資訊缺少單獨同意或加密', '민감정보 별도 동의 또는 암호화 없음'),
    check: ({ reg }) => specialHits(reg, (c) => c.sensitivity?.pipa === 'sensitive', 'sensitive information'),
  },
  {
    id: 'PIPA-24-1', regime: 'pipa', article: 'PIPA 24; Decree 19', kind: 'consent', severity: 'error', enforcedBy: ['lint', 'consent', 'vault'],
    requirement: 'Unique identifiers only with separate consent or a statute; encryption required.',
    title: t('Unique identifier without separate consent or encryption', '唯一识别信息缺少单独同意或加密', '唯一識別資訊缺少單獨同意或加密', '고유식별정보 별도 동의 또는 암호화 없음'),
    check: ({ reg }) => [
      ...specialHits(reg, isUniqueId, 'unique identifier'),
      ...each(reg.categories, (c, i) => UNIQUE_ID_KINDS.has(c.kind) && !isUniqueId(c) && c.sensitivity?.pipa === undefined && {
        path: ['categories', i, 'sensitivity'], subject: c.id, severity: 'warning', message: `category "${c.id}" (${c.kind}) is a unique identifier but not marked pipa: unique-id`,
      }),
    ],
  },
  {
    id: 'PIPA-24.2-1', regime: 'pipa', article: 'PIPA 24-2', kind: 'consent', severity: 'error', enforcedBy: ['lint', 'vault'], code: 'KR_RRN_NO_STATUTE',
    requirement: 'Resident registration numbers only where a statute requires or permits it; consent is never enough.',
    title: t('Resident registration number without statute', '居民登记号码缺少法律依据', '居民登記號碼缺少法律依據', '법령 근거 없는 주민등록번호 처리'),
    check: ({ reg }) => each(reg.categories, (c, i) => isRrn(c) && !c.statute && {
      path: ['categories', i, 'statute'], subject: c.id, message: `resident registration number "${c.id}" is processed without a statute`,
    }),
  },
  {
    id: 'KR-NET50-1', regime: 'pipa', article: 'Network Act 50 (with PIPA 22(1) item 7)', kind: 'consent', severity: 'error', enforcedBy: ['consent', 'lint'],
    requirement: 'Electronic ads need explicit prior opt-in; separate consent for 21:00-08:00; opt-out is not enough.',
    title: t('Marketing without prior opt-in', '营销信息未事先取得同意', '行銷訊息未事先取得同意', '광고성 정보 사전 수신 동의 없음'),
    check: ({ reg }) => each(reg.purposes, (p, i) => {
      if (!p.marketing) return undefined;
      if (p.legalBasis !== 'consent' || p.consentMechanism === 'opt-out') return { path: ['purposes', i, 'legalBasis'], subject: p.id, message: `marketing purpose "${p.id}" is opt-out or not consent-based` };
      return p.nightMarketing && !isSeparate(p) && { path: ['purposes', i, 'nightMarketing'], subject: p.id, message: `marketing purpose "${p.id}" sends at night without separate consent` };
    }),
  },
  {
    id: 'KR-LIA18-1', regime: 'pipa', article: 'Act on the Protection and Use of Location Information, Art. 18', kind: 'consent', severity: 'error', enforcedBy: ['consent', 'lint'],
    requirement: 'Personal location data needs its own consent under the location law.',
    title: t('Location data without location consent', '位置信息缺少单独同意', '位置資訊缺少單獨同意', '위치정보 별도 동의 없음'),
    check: ({ reg }) => each(reg.purposes, (p, i) => categoriesOf(reg, p).some((c) => c.kind === 'location') && !isSeparate(p) && {
      path: ['purposes', i, 'consentMechanism'], subject: p.id, message: `purpose "${p.id}" reads location data without a separate location consent`,
    }),
  },
];
