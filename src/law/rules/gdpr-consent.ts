// GDPR legal-basis and consent rules (Art. 6-9, 21(2)) and the ePrivacy Directive on trackers.
import { ANONYMOUS_NO_BASIS, isDeemedConsent, matchesAny } from '../law.clauses.ts';
import { categoriesOf, each, INVALID_MECHANISMS, offers } from '../law.helpers.ts';
import type { Rule } from '../law.model.ts';
import type { Purpose } from '../../registry/index.ts';
import { t } from './rule-kit.ts';

const ART6 = new Set(['consent', 'contract', 'legal-obligation', 'vital-interests', 'public-task', 'legitimate-interests']);
// A PIPL/PIPA separate item is a specific, affirmative, standalone statement, so it also meets "explicit".
const EXPLICIT = new Set(['explicit', 'separate', 'written']);
const isExplicit = (p: Purpose) => p.legalBasis === 'consent' && EXPLICIT.has(p.consentMechanism ?? '');

/** GDPR consent-kind rules. */
export const GDPR_CONSENT: Rule[] = [
  {
    id: 'GDPR-6-1', regime: 'gdpr', article: 'Art. 6(1), 6(4)', kind: 'consent', severity: 'error', enforcedBy: ['lint', 'access'],
    requirement: 'One of six bases per purpose; legitimate interests need a documented balancing naming the interest.',
    title: t('Legal basis missing or undocumented', '法律依据缺失或未记录', '法律依據缺失或未記錄', '법적 근거 누락 또는 미기록'),
    check: ({ reg }) => each(reg.purposes, (p, i) => {
      if (!ART6.has(p.legalBasis)) return { path: ['purposes', i, 'legalBasis'], subject: p.id, message: `purpose "${p.id}" relies on "${p.legalBasis}", not an Art. 6(1) basis` };
      if (p.legalBasis !== 'legitimate-interests') return undefined;
      if (!p.legitimateInterest) return { path: ['purposes', i, 'legitimateInterest'], subject: p.id, message: `purpose "${p.id}" relies on legitimate interests without naming the interest` };
      return !p.balancing && { path: ['purposes', i, 'balancing'], subject: p.id, message: `purpose "${p.id}" relies on legitimate interests without a balancing record` };
    }),
  },
  {
    id: 'GDPR-7-1', regime: 'gdpr', article: 'Art. 4(11), 7(1)-(2), Recital 32', kind: 'consent', severity: 'error', enforcedBy: ['consent', 'lint'],
    requirement: 'Consent is a clear affirmative act, provable and distinguishable; silence, pre-ticked boxes and inactivity do not count.',
    title: t('Consent is not an affirmative act', '同意不是明确的肯定行为', '同意不是明確的肯定行為', '명확한 동의 행위가 아님'),
    check: ({ reg }) => [
      ...each(reg.purposes, (p, i) => p.legalBasis === 'consent' && (p.consentMechanism === 'opt-out' || (p.consentMechanism !== undefined && INVALID_MECHANISMS.has(p.consentMechanism))) && {
        path: ['purposes', i, 'consentMechanism'], subject: p.id, message: `purpose "${p.id}" treats "${p.consentMechanism}" as consent`,
      }),
      ...each(reg.clauses, (c, i) => isDeemedConsent(c) && { path: ['clauses', i, 'text'], subject: c.id, message: `clause "${c.id}" deems use or acceptance to be consent` }),
    ],
  },
  {
    id: 'GDPR-7-2', regime: 'gdpr', article: 'Art. 7(3)', kind: 'consent', severity: 'error', enforcedBy: ['consent', 'lint'], code: 'WITHDRAWAL_HARDER_THAN_GRANT',
    requirement: 'Withdrawal at any time, as easy as giving; people told before consenting.',
    title: t('No way to withdraw consent', '未提供撤回同意的途径', '未提供撤回同意的途徑', '동의 철회 방법 없음'),
    check: ({ reg }) => reg.purposes.some((p) => p.legalBasis === 'consent') && !offers(reg, 'withdraw')
      ? [{ path: ['rightsChannels'], subject: 'withdraw', message: 'consent-based purposes exist but no rights channel accepts withdrawal' }] : [],
  },
  {
    id: 'GDPR-7-3', regime: 'gdpr', article: 'Art. 7(4), Recital 43', kind: 'consent', severity: 'error', enforcedBy: ['lint', 'access', 'consent'],
    requirement: 'Consent is not free if a service is conditional on consent it does not need.',
    title: t('Service conditional on unnecessary consent', '服务以不必要的同意为条件', '服務以不必要的同意為條件', '불필요한 동의를 서비스 조건으로 함'),
    check: ({ reg }) => each(reg.purposes, (p, i) => p.required && p.legalBasis === 'consent' && (p.marketing || p.profiling || p.analytics || !p.necessity) && {
      path: ['purposes', i, 'required'], subject: p.id, message: `required purpose "${p.id}" rests on consent the service does not need`,
    }),
  },
  {
    id: 'GDPR-8-1', regime: 'gdpr', article: 'Art. 8', kind: 'consent', severity: 'warning', enforcedBy: ['consent', 'lint'],
    requirement: 'Online services to children: parental consent below 16 (member states 13-16).',
    title: t('Children admitted without parental-consent rules', '接纳儿童但缺少监护人同意规则', '接納兒童但缺少監護人同意規則', '아동 대상이나 법정대리인 동의 규칙 없음'),
    check: ({ reg }) => reg.organization.childrenRules ? [] : each(reg.roles, (r, i) => r.minAge !== undefined && r.minAge < (reg.organization.childAge ?? 16) && {
      path: ['roles', i, 'minAge'], subject: r.id, message: `role "${r.id}" admits children below ${reg.organization.childAge ?? 16} without parental-consent rules`,
    }),
  },
  {
    id: 'GDPR-9-1', regime: 'gdpr', article: 'Art. 9 (and 10)', kind: 'consent', severity: 'error', enforcedBy: ['lint', 'consent', 'access'],
    requirement: 'Special categories only with explicit consent or another Art. 9(2) condition; criminal data only under law.',
    title: t('Special category without an Art. 9 condition', '特殊类别数据缺少第九条条件', '特殊類別資料缺少第九條條件', '특수 범주 정보에 제9조 요건 없음'),
    check: ({ reg }) => each(reg.purposes, (p, i) => {
      const cats = categoriesOf(reg, p);
      const special = cats.filter((c) => c.sensitivity?.gdpr === 'special');
      const criminal = cats.filter((c) => c.sensitivity?.gdpr === 'criminal');
      if (special.length > 0 && (p.legalBasis === 'consent' ? !isExplicit(p) : !['legal-obligation', 'vital-interests', 'public-task', 'other-law', 'public-health'].includes(p.legalBasis))) {
        return { path: ['purposes', i, p.legalBasis === 'consent' ? 'consentMechanism' : 'legalBasis'], subject: p.id, message: `purpose "${p.id}" uses special ${special.map((c) => c.id).join(', ')} without explicit consent or an Art. 9(2) condition` };
      }
      return criminal.length > 0 && !['legal-obligation', 'other-law', 'public-task'].includes(p.legalBasis) && {
        path: ['purposes', i, 'legalBasis'], subject: p.id, message: `purpose "${p.id}" uses criminal data ${criminal.map((c) => c.id).join(', ')} without authority of law`,
      };
    }),
  },
  {
    id: 'GDPR-21-2', regime: 'gdpr', article: 'Art. 21(2)-(4)', kind: 'consent', severity: 'error', enforcedBy: ['consent', 'lint', 'notice'],
    requirement: 'Objection to direct marketing is absolute and must be shown explicitly at the first communication.',
    title: t('No objection to direct marketing', '未提供反对直接营销的途径', '未提供反對直接行銷的途徑', '직접 마케팅 반대 방법 없음'),
    check: ({ reg }) => each(reg.purposes, (p, i) => p.marketing && p.legalBasis !== 'consent' && !offers(reg, 'object') && {
      path: ['purposes', i], subject: p.id, message: `marketing purpose "${p.id}" on ${p.legalBasis} has no channel to object`,
    }),
  },
  {
    id: 'EU-EPD-1', regime: 'gdpr', article: 'ePrivacy Directive 2002/58 Art. 5(3), 13', kind: 'consent', severity: 'error', enforcedBy: ['consent', 'lint'],
    requirement: 'Non-essential cookies, pixels and trackers need prior consent; electronic marketing needs consent or a soft opt-in.',
    title: t('Tracker or electronic marketing without consent', '追踪技术或电子营销未取得同意', '追蹤技術或電子行銷未取得同意', '동의 없는 추적기술 또는 전자 광고'),
    check: ({ reg }) => [
      ...each(reg.trackers, (tr, i) => {
        if (tr.class === 'necessary') return undefined;
        const ps = reg.purposes.filter((p) => (tr.purposes ?? []).includes(p.id));
        return (ps.length === 0 || ps.some((p) => p.legalBasis !== 'consent')) && { path: ['trackers', i, 'purposes'], subject: tr.id, message: `${tr.class} tracker "${tr.id}" is not gated by a consent purpose` };
      }),
      ...each(reg.clauses, (c, i) => matchesAny(c, ANONYMOUS_NO_BASIS) && {
        path: ['clauses', i, 'text'], subject: c.id, severity: 'warning', message: `clause "${c.id}" treats tracking as anonymous and needing no basis; non-essential trackers need consent`,
      }),
      ...each(reg.purposes, (p, i) => p.marketing && p.legalBasis !== 'consent' && categoriesOf(reg, p).some((c) => ['email', 'phone', 'cn-mobile', 'kr-phone'].includes(c.kind)) && {
        path: ['purposes', i, 'legalBasis'], subject: p.id, severity: 'warning', message: `electronic marketing "${p.id}" on ${p.legalBasis}: needs consent or a recorded soft opt-in`,
      }),
    ],
  },
];
