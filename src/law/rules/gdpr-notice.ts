// GDPR notice, rights and retention rules (Art. 5(1)(e), 12-22).
import { each, hasContact, hasRetention, isOpenEnded, offers, type Right } from '../law.helpers.ts';
import type { Hit, Rule } from '../law.model.ts';
import { t } from './rule-kit.ts';

// Art. 22(2): the only bases for significant solely automated decisions.
const ADM_BASES = new Set(['contract', 'legal-obligation', 'other-law']);
const EXPLICIT = new Set(['explicit', 'separate', 'written']);

function missingRights(rights: Right[], has: (r: Right) => boolean): Hit[] {
  return rights.filter((r) => !has(r)).map((r) => ({ path: ['rightsChannels'], subject: r, message: `no rights channel accepts "${r}" requests` }));
}

/** GDPR notice, rights and retention rules. */
export const GDPR_NOTICE: Rule[] = [
  {
    id: 'GDPR-5-1', regime: 'gdpr', article: 'Art. 5(1)(e)', kind: 'retention', severity: 'error', enforcedBy: ['lint', 'lifecycle'],
    requirement: 'Storage limitation: every purpose has a retention period or criterion; indefinite is an error.',
    title: t('No retention period', '未规定保存期限', '未規定保存期限', '보유기간 없음'),
    check: ({ reg }) => [
      ...each(reg.purposes, (p, i) => {
        if (!hasRetention(p)) return { path: ['purposes', i, 'retention'], subject: p.id, message: `purpose "${p.id}" has no retention period or criterion` };
        return isOpenEnded(p) && { path: ['purposes', i, 'retention'], subject: p.id, severity: 'warning', message: `purpose "${p.id}" is kept until its purpose is fulfilled with no period or criterion` };
      }),
      ...each(reg.trackers, (tr, i) => tr.class !== 'necessary' && !tr.retention && { path: ['trackers', i, 'retention'], subject: tr.id, severity: 'warning', message: `tracker "${tr.id}" has no lifetime` }),
    ],
  },
  {
    id: 'GDPR-12-1', regime: 'gdpr', article: 'Art. 12(3)-(4)', kind: 'rights', severity: 'error', enforcedBy: ['rights'],
    requirement: 'Act on requests within one month; extension by two months only if told within the first month; refusals with reasons and complaint right.',
  },
  {
    id: 'GDPR-12-2', regime: 'gdpr', article: 'Art. 12(5)-(6), 15(3)', kind: 'rights', severity: 'error', enforcedBy: ['rights', 'lint'],
    requirement: 'Free of charge; a fee only for manifestly unfounded or excessive requests or further copies.',
    title: t('First copy is not free', '首份副本收费', '首份副本收費', '첫 사본 유료'),
    check: ({ reg }) => reg.fees && reg.fees.firstCopyFree === false ? [{ path: ['fees', 'firstCopyFree'], subject: 'fees', message: 'the first copy of personal data must be free' }] : [],
  },
  {
    id: 'GDPR-13-1', regime: 'gdpr', article: 'Art. 13', kind: 'notice', severity: 'error', enforcedBy: ['notice', 'lint'],
    requirement: 'Notice at collection: controller and contact, DPO, purposes and bases, interests, recipients, transfers, retention, rights, withdrawal, complaint, ADM logic.',
    title: t('Notice item missing', '告知事项缺失', '告知事項缺失', '고지 사항 누락'),
    check: ({ reg }) => {
      const hits: Hit[] = [];
      if (!hasContact(reg.organization.contact)) hits.push({ path: ['organization', 'contact'], subject: 'controller-contact', message: 'the controller has no contact' });
      if (!reg.organization.privacyOfficer) hits.push({ path: ['organization', 'privacyOfficer'], subject: 'dpo', severity: 'warning', message: 'no DPO or privacy contact is named' });
      if (!offers(reg, 'complain') && !reg.organization.supervisoryAuthority) hits.push({ path: ['organization', 'supervisoryAuthority'], subject: 'complaint', message: 'the right to complain to a supervisory authority is not stated' });
      reg.purposes.forEach((p, i) => {
        if (p.adm?.significantEffect && !p.adm.logic) hits.push({ path: ['purposes', i, 'adm', 'logic'], subject: `${p.id}.adm.logic`, message: `ADM purpose "${p.id}" has no logic summary` });
      });
      return hits;
    },
  },
  {
    id: 'GDPR-14-1', regime: 'gdpr', article: 'Art. 14', kind: 'notice', severity: 'error', enforcedBy: ['notice', 'lint', 'rights'],
    requirement: 'Data not obtained from the person: tell categories and source within a month, at first contact or first disclosure.',
    title: t('Indirect collection without source or categories', '间接收集未说明来源或类别', '間接蒐集未說明來源或類別', '간접 수집 출처·항목 미기재'),
    check: ({ reg }) => each(reg.scenarios, (s, i) => s.source === 'indirect' && [
      ...(s.sourceDetail ? [] : [{ path: ['scenarios', i, 'sourceDetail'], subject: s.id, message: `indirect scenario "${s.id}" does not name its source` }]),
      ...(s.categories?.length ? [] : [{ path: ['scenarios', i, 'categories'], subject: s.id, message: `indirect scenario "${s.id}" does not list the categories obtained` }]),
    ]),
  },
  {
    id: 'GDPR-15-1', regime: 'gdpr', article: 'Art. 15-18', kind: 'rights', severity: 'error', enforcedBy: ['rights', 'lint'],
    requirement: 'Access with a copy and meta-information; rectification; erasure; restriction.',
    title: t('Right not offered', '未提供权利行使途径', '未提供權利行使途徑', '권리 행사 방법 없음'),
    check: ({ reg }) => missingRights(['access', 'rectify', 'erase', 'restrict'], (r) => offers(reg, r)),
  },
  {
    id: 'GDPR-19-1', regime: 'gdpr', article: 'Art. 19', kind: 'rights', severity: 'error', enforcedBy: ['rights'],
    requirement: 'Tell every recipient about rectification, erasure or restriction; tell the person who they are on request.',
  },
  {
    id: 'GDPR-20-1', regime: 'gdpr', article: 'Art. 20', kind: 'rights', severity: 'error', enforcedBy: ['rights', 'lint'],
    requirement: 'Portability of provided data processed on consent or contract.',
    title: t('Portability not offered', '未提供可携带权途径', '未提供可攜權途徑', '이동권 행사 방법 없음'),
    check: ({ reg }) => reg.purposes.some((p) => p.legalBasis === 'consent' || p.legalBasis === 'contract') ? missingRights(['portability'], (r) => offers(reg, r)) : [],
  },
  {
    id: 'GDPR-21-1', regime: 'gdpr', article: 'Art. 21(1)', kind: 'rights', severity: 'error', enforcedBy: ['rights', 'access', 'lint'],
    requirement: 'Objection to processing on legitimate interests or public task.',
    title: t('Objection not offered', '未提供反对途径', '未提供反對途徑', '반대권 행사 방법 없음'),
    check: ({ reg }) => reg.purposes.some((p) => p.legalBasis === 'legitimate-interests' || p.legalBasis === 'public-task') ? missingRights(['object'], (r) => offers(reg, r)) : [],
  },
  {
    id: 'GDPR-22-1', regime: 'gdpr', article: 'Art. 22', kind: 'rights', severity: 'error', enforcedBy: ['lint', 'rights'], code: 'EU_ADM_BASIS',
    requirement: 'Significant solely automated decisions only for a contract, by law or with explicit consent; then human intervention and the right to contest.',
    title: t('Automated decision without an Art. 22 basis or human review', '自动化决策缺少第二十二条依据或人工复核', '自動化決策缺少第二十二條依據或人工複核', '제22조 근거 또는 사람의 검토 없는 자동화된 결정'),
    check: ({ reg }) => each(reg.purposes, (p, i) => {
      if (!p.adm?.significantEffect) return undefined;
      const ok = ADM_BASES.has(p.legalBasis) || (p.legalBasis === 'consent' && EXPLICIT.has(p.consentMechanism ?? ''));
      if (!ok) return { path: ['purposes', i, 'legalBasis'], subject: p.id, code: 'EU_ADM_BASIS', message: `significant automated decisions in "${p.id}" rest on ${p.legalBasis}; Art. 22 needs contract, law or explicit consent` };
      return p.adm.humanReview !== true && { path: ['purposes', i, 'adm', 'humanReview'], subject: p.id, message: `significant automated decisions in "${p.id}" offer no human review` };
    }),
  },
];
