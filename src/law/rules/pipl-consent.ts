// PIPL consent and legal-basis rules (PIPL 13-16, 24-31; GB/T 35273 5.6; face-recognition measures).
import { isDeemedConsent, matchesAny, WIDE_EXEMPTIONS } from '../law.clauses.ts';
import { categoriesOf, each, INVALID_MECHANISMS, isFace, isSensitive, isSeparate, offers } from '../law.helpers.ts';
import type { Rule } from '../law.model.ts';
import { t } from './rule-kit.ts';

const PIPL_BASES = new Set(['consent', 'contract', 'hr-management', 'legal-obligation', 'public-health', 'vital-interests', 'news-reporting', 'publicly-disclosed', 'other-law', 'public-task']);

/** PIPL consent-kind rules. */
export const PIPL_CONSENT: Rule[] = [
  {
    id: 'PIPL-13-1', regime: 'pipl', article: 'PIPL 13', kind: 'consent', severity: 'error', enforcedBy: ['lint', 'access'], code: 'CN_NO_LEGITIMATE_INTEREST',
    requirement: 'Processing is lawful only on one of the seven PIPL 13 grounds; there is no legitimate-interests ground; HR management only for employees.',
    title: t('Legal basis not available under PIPL', '法律依据不符合《个人信息保护法》第十三条', '法律依據不符合《個人信息保護法》第十三條', '중국 PIPL 제13조에 없는 처리 근거'),
    check: ({ reg }) => each(reg.purposes, (p, i) => {
      if (p.legalBasis === 'legitimate-interests') return { path: ['purposes', i, 'legalBasis'], subject: p.id, message: `purpose "${p.id}" relies on legitimate interests, which PIPL 13 does not provide` };
      if (!PIPL_BASES.has(p.legalBasis)) return { path: ['purposes', i, 'legalBasis'], subject: p.id, message: `purpose "${p.id}" relies on "${p.legalBasis}", not a PIPL 13 ground` };
      if (p.legalBasis === 'hr-management') {
        const roles = reg.roles.filter((r) => (p.roles ?? []).includes(r.id));
        const nonEmployee = roles.length === 0 ? ['(no roles)'] : roles.filter((r) => r.employee !== true).map((r) => r.id);
        if (nonEmployee.length > 0) return { path: ['purposes', i, 'roles'], subject: p.id, message: `purpose "${p.id}" uses hr-management for non-employee roles: ${nonEmployee.join(', ')}` };
      }
      return undefined;
    }),
  },
  {
    id: 'PIPL-14-1', regime: 'pipl', article: 'PIPL 14 para 1', kind: 'consent', severity: 'error', enforcedBy: ['consent', 'lint'],
    requirement: 'Consent must be informed, voluntary and explicit; continued use, pre-ticked boxes, silence and consent bundled with terms are refused.',
    title: t('Consent mechanism is not valid consent', '同意方式不构成有效同意', '同意方式不構成有效同意', '유효한 동의가 아닌 동의 방식'),
    check: ({ reg }) => each(reg.purposes, (p, i) => p.consentMechanism !== undefined && INVALID_MECHANISMS.has(p.consentMechanism) && {
      path: ['purposes', i, 'consentMechanism'], subject: p.id, message: `purpose "${p.id}" obtains consent by "${p.consentMechanism}", which is not an affirmative act`,
    }),
  },
  {
    id: 'PIPL-14-2', regime: 'pipl', article: 'PIPL 14 para 2', kind: 'consent', severity: 'error', enforcedBy: ['consent'],
    requirement: 'A change of purpose, method or categories of consent-based processing needs new consent; existing grants become stale for the new scope.',
  },
  {
    id: 'PIPL-14-3', regime: 'pipl', article: 'PIPL 14; GB/T 35273-2020 5.4', kind: 'consent', severity: 'error', enforcedBy: ['lint', 'consent'],
    requirement: '"Using the service / accepting this policy means you agree" (including to a third party\'s policy) is not consent.',
    title: t('Deemed-consent clause', '“视为同意”条款', '「視為同意」條款', '동의 간주 조항'),
    check: ({ reg }) => each(reg.clauses, (c, i) => c.lang !== 'ko' && c.lang !== 'en' && isDeemedConsent(c) && {
      path: ['clauses', i, 'text'], subject: c.id, message: `clause "${c.id}" treats use or acceptance as consent; it can never be the source of a consent event`,
    }),
  },
  {
    id: 'PIPL-15-1', regime: 'pipl', article: 'PIPL 15', kind: 'consent', severity: 'error', enforcedBy: ['consent', 'lint'],
    requirement: 'People may withdraw consent through a convenient means; withdrawal stops new processing immediately.',
    title: t('No way to withdraw consent', '未提供撤回同意的途径', '未提供撤回同意的途徑', '동의 철회 방법 없음'),
    check: ({ reg }) => reg.purposes.some((p) => p.legalBasis === 'consent') && !offers(reg, 'withdraw')
      ? [{ path: ['rightsChannels'], subject: 'withdraw', message: 'consent-based purposes exist but no rights channel accepts withdrawal of consent' }] : [],
  },
  {
    id: 'PIPL-16-1', regime: 'pipl', article: 'PIPL 16', kind: 'consent', severity: 'error', enforcedBy: ['lint', 'access'], code: 'CN_SERVICE_TIED_TO_OPTIONAL_CONSENT',
    requirement: 'A service may not be refused because a person declines consent unless the processing is necessary; marketing, profiling and analytics are never required.',
    title: t('Service tied to optional consent', '拒绝非必要处理即无法使用服务', '拒絕非必要處理即無法使用服務', '선택 동의를 서비스 이용 조건으로 함'),
    check: ({ reg }) => [
      ...each(reg.purposes, (p, i) => p.required && (p.marketing || p.profiling || p.analytics) && {
        path: ['purposes', i, 'required'], subject: p.id, message: `purpose "${p.id}" (marketing, profiling or analytics) is marked required`,
      }),
      ...each(reg.purposes, (p, i) => p.required && p.legalBasis === 'consent' && !p.necessity && !(p.marketing || p.profiling || p.analytics) && {
        path: ['purposes', i, 'necessity'], subject: p.id, message: `required consent-based purpose "${p.id}" has no necessity statement`,
      }),
      ...each(reg.trackers, (tr, i) => tr.class !== 'necessary' && (tr.purposes ?? []).some((id) => reg.purposes.find((p) => p.id === id)?.required) && {
        path: ['trackers', i, 'purposes'], subject: tr.id, message: `${tr.class} tracker "${tr.id}" serves a required purpose, so refusing it blocks the service`,
      }),
    ],
  },
  {
    id: 'PIPL-24-2', regime: 'pipl', article: 'PIPL 24 para 2', kind: 'consent', severity: 'error', enforcedBy: ['lint', 'consent', 'notice'],
    requirement: 'Personalised push and marketing must come with a non-personalised option or an easy way to refuse.',
    title: t('No opt-out from personalised marketing', '个性化推荐或营销缺少拒绝途径', '個性化推薦或行銷缺少拒絕途徑', '개인 맞춤형 마케팅 거부 방법 없음'),
    check: ({ reg }) => each(reg.purposes, (p, i) => {
      if (!(p.profiling || p.marketing)) return undefined;
      if (p.required) return { path: ['purposes', i, 'required'], subject: p.id, message: `personalised purpose "${p.id}" is required, so no non-personalised option exists` };
      if (!offers(reg, 'object') && !offers(reg, 'withdraw')) return { path: ['purposes', i], subject: p.id, message: `personalised purpose "${p.id}" has no rights channel to refuse it` };
      return undefined;
    }),
  },
  {
    id: 'PIPL-25-1', regime: 'pipl', article: 'PIPL 25', kind: 'consent', severity: 'error', enforcedBy: ['lint', 'consent', 'access'], code: 'CN_PUBLIC_DISCLOSURE_NEEDS_SEPARATE_CONSENT',
    requirement: 'PI may not be made public without separate consent (or a law allowing it).',
    title: t('Public disclosure without separate consent', '公开个人信息未取得单独同意', '公開個人信息未取得單獨同意', '별도 동의 없는 공개'),
    check: ({ reg }) => each(reg.recipients, (r, i) => r.kind === 'public' && reg.purposes.filter((p) => r.purposes.includes(p.id) && !isSeparate(p)).map((p) => ({
      path: ['recipients', i, 'purposes'], subject: `${r.id}/${p.id}`, message: `recipient "${r.id}" makes data public for purpose "${p.id}" without separate consent`,
    }))),
  },
  {
    id: 'PIPL-26-1', regime: 'pipl', article: 'PIPL 26', kind: 'consent', severity: 'error', enforcedBy: ['lint', 'access'],
    requirement: 'Image capture in public places only for public security, with visible signs; other uses need separate consent.',
    title: t('Public-place capture without signage', '公共场所图像采集缺少提示标识', '公共場所圖像採集缺少提示標識', '공개된 장소 촬영 안내판 없음'),
    check: ({ reg }) => [
      ...each(reg.scenarios, (s, i) => s.publicPlace && !s.signage && { path: ['scenarios', i, 'signage'], subject: s.id, message: `public-place scenario "${s.id}" has no signage` }),
      ...each(reg.purposes, (p, i) => {
        if (!p.publicMonitoring) return undefined;
        const scenarios = reg.scenarios.filter((s) => s.purposes.includes(p.id) || (p.scenarios ?? []).includes(s.id));
        return !scenarios.some((s) => s.signage) && { path: ['purposes', i, 'publicMonitoring'], subject: p.id, message: `monitoring purpose "${p.id}" is not linked to a scenario with signage` };
      }),
    ],
  },
  {
    id: 'PIPL-28-1', regime: 'pipl', article: 'PIPL 28', kind: 'consent', severity: 'error', enforcedBy: ['lint', 'access'],
    requirement: 'Sensitive PI only with a specific purpose and sufficient necessity; biometrics, financial accounts and whereabouts are sensitive; all PI of a child under 14 is sensitive.',
    title: t('Sensitive personal information not declared or justified', '敏感个人信息未标注或缺少必要性说明', '敏感個人信息未標註或缺少必要性說明', '민감정보 미표시 또는 필요성 미기재'),
    check: ({ reg }) => each(reg.categories, (c, i) => {
      if (isSensitive(c, 'pipl')) return !c.necessity && { path: ['categories', i, 'necessity'], subject: c.id, message: `sensitive category "${c.id}" has no necessity statement` };
      if (['biometric', 'bank-card', 'bank-account', 'location', 'cn-resident-id'].includes(c.kind)) {
        return { path: ['categories', i, 'sensitivity'], subject: c.id, severity: 'warning', message: `category "${c.id}" (${c.kind}) is sensitive under PIPL 28 but not marked pipl: sensitive` };
      }
      return undefined;
    }),
  },
  {
    id: 'PIPL-29-1', regime: 'pipl', article: 'PIPL 29, 32', kind: 'consent', severity: 'error', enforcedBy: ['lint', 'consent', 'access'], code: 'CN_SENSITIVE_NEEDS_SEPARATE_CONSENT',
    requirement: 'Sensitive PI needs separate consent (written where a law requires).',
    title: t('Sensitive personal information without separate consent', '处理敏感个人信息未取得单独同意', '處理敏感個人信息未取得單獨同意', '민감정보 처리에 별도 동의 없음'),
    check: ({ reg }) => each(reg.purposes, (p, i) => {
      if (p.legalBasis !== 'consent' || isSeparate(p)) return undefined;
      const s = categoriesOf(reg, p).filter((c) => isSensitive(c, 'pipl'));
      return s.length > 0 && { path: ['purposes', i, 'consentMechanism'], subject: p.id, message: `purpose "${p.id}" uses sensitive ${s.map((c) => c.id).join(', ')} without separate consent` };
    }),
  },
  {
    id: 'PIPL-31-1', regime: 'pipl', article: 'PIPL 31 (with 28-29)', kind: 'consent', severity: 'error', enforcedBy: ['consent', 'lint'],
    requirement: 'Children under 14: guardian consent (separate) and dedicated processing rules.',
    title: t('No processing rules for children under 14', '缺少不满十四周岁未成年人个人信息处理规则', '缺少未滿十四歲未成年人個人信息處理規則', '만 14세 미만 아동 처리 규칙 없음'),
    check: ({ reg }) => reg.organization.childrenRules ? [] : each(reg.roles, (r, i) => r.minAge !== undefined && r.minAge < 14 && {
      path: ['roles', i, 'minAge'], subject: r.id, message: `role "${r.id}" admits children under 14 but organization.childrenRules is missing`,
    }),
  },
  {
    id: 'GBT-5.6-1', regime: 'pipl', article: 'GB/T 35273-2020 5.6 vs PIPL 13', kind: 'consent', severity: 'warning', enforcedBy: ['lint'],
    requirement: 'The standard\'s consent exemptions (product stability, academic research...) are wider than PIPL 13 and create no legal basis.',
    title: t('Consent exemption wider than PIPL 13', '征得同意的例外超出第十三条', '徵得同意的例外超出第十三條', 'PIPL 제13조보다 넓은 동의 예외'),
    check: ({ reg }) => each(reg.clauses, (c, i) => matchesAny(c, WIDE_EXEMPTIONS) && {
      path: ['clauses', i, 'text'], subject: c.id, message: `clause "${c.id}" lists consent exemptions (e.g. product stability, academic research) that are not PIPL 13 grounds`,
    }),
  },
  {
    id: 'CN-FRT-1', regime: 'pipl', article: 'Face Recognition Technology Application Security Measures (2025); PIPL 29-30', kind: 'consent', severity: 'error', enforcedBy: ['lint', 'consent'],
    requirement: 'Face data: separate consent per use, necessity and impact notice, PIA; face recognition may not be the only option.',
    title: t('Face recognition without separate consent or alternative', '人脸识别未取得单独同意或未提供替代方式', '人臉識別未取得單獨同意或未提供替代方式', '얼굴인식에 별도 동의 또는 대체 수단 없음'),
    check: ({ reg }) => each(reg.purposes, (p, i) => {
      if (!categoriesOf(reg, p).some(isFace)) return undefined;
      if (p.required) return { path: ['purposes', i, 'required'], subject: p.id, message: `face purpose "${p.id}" is required, so no alternative to face recognition exists` };
      return !isSeparate(p) && { path: ['purposes', i, 'consentMechanism'], subject: p.id, message: `face purpose "${p.id}" has no separate consent` };
    }),
  },
];
