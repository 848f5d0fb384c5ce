// PIPL sharing, entrustment, cross-border and security rules (PIPL 21, 23, 38-40, 51-57, 73; CAC 2024 provisions).
import { DEIDENTIFIED_FREE_USE, matchesAny } from '../law.clauses.ts';
import { categoriesOf, each, isAbroad, isSensitive, isSeparate, purposesOfRecipient, recipientsOf } from '../law.helpers.ts';
import type { Hit, Rule } from '../law.model.ts';
import type { Recipient, Registry } from '../../registry/index.ts';
import { t } from './rule-kit.ts';

// PIPL 38(1)-(4): the only export conditions.
const CN_MECHANISMS = new Set(['cac-assessment', 'certification', 'standard-contract', 'exemption']);

// PIPL 23 and 39 both need separate consent; a non-consent basis is the open question settled strictly (warning for legal review).
function separateConsentHits(reg: Registry, r: Recipient, i: number, why: string): Hit[] {
  if (r.mechanism?.type === 'separate-consent') return [];
  return purposesOfRecipient(reg, r).flatMap((p): Hit[] => {
    if (p.legalBasis === 'consent') return isSeparate(p) ? [] : [{ path: ['recipients', i, 'purposes'], subject: `${r.id}/${p.id}`, message: `${why} "${r.id}" for purpose "${p.id}" without separate consent` }];
    return [{ path: ['recipients', i, 'purposes'], subject: `${r.id}/${p.id}`, severity: 'warning', message: `${why} "${r.id}" for purpose "${p.id}" relies on ${p.legalBasis} instead of separate consent; record a legal review` }];
  });
}

/** PIPL transfer and security rules. */
export const PIPL_TRANSFER: Rule[] = [
  {
    id: 'PIPL-21-1', regime: 'pipl', article: 'PIPL 21', kind: 'transfer', severity: 'error', enforcedBy: ['lint', 'vault', 'lifecycle'],
    requirement: 'Entrusted processing needs an agreement on purpose, term, method, categories, measures and duties; no re-entrustment without consent.',
    title: t('Entrusted processing without agreement', '委托处理缺少委托协议', '委託處理缺少委託協議', '위탁 계약 없음'),
    check: ({ reg }) => each(reg.recipients, (r, i) => r.kind === 'processor' && r.contract !== true && {
      path: ['recipients', i, 'contract'], subject: r.id, message: `processor "${r.id}" has no entrustment agreement on file`,
    }),
  },
  {
    id: 'PIPL-23-1', regime: 'pipl', article: 'PIPL 23 (read with 13 para 2)', kind: 'transfer', severity: 'error', enforcedBy: ['lint', 'consent', 'vault', 'notice'],
    requirement: 'Providing PI to another handler (affiliates included): tell name, contact, purpose, method and categories; obtain separate consent.',
    title: t('Provision to another handler lacks notice items or separate consent', '向其他处理者提供个人信息缺少告知事项或单独同意', '向其他處理者提供個人信息缺少告知事項或單獨同意', '다른 처리자 제공에 고지 사항 또는 별도 동의 없음'),
    check: ({ reg }) => each(reg.recipients, (r, i) => (r.kind === 'affiliate' || r.kind === 'third-party') && [
      ...(r.contact ? [] : [{ path: ['recipients', i, 'contact'], subject: `${r.id}.contact`, message: `recipient "${r.id}" has no contact` }]),
      ...(r.method ? [] : [{ path: ['recipients', i, 'method'], subject: `${r.id}.method`, message: `recipient "${r.id}" has no processing method` }]),
      ...separateConsentHits(reg, r, i, 'data is provided to'),
    ]),
  },
  {
    id: 'PIPL-38-1', regime: 'pipl', article: 'PIPL 38', kind: 'transfer', severity: 'error', enforcedBy: ['lint', 'vault'], code: 'CN_CBT_NO_MECHANISM',
    requirement: 'Export only after a CAC assessment, certification, the standard contract or another legal condition.',
    title: t('Cross-border transfer without a PIPL 38 mechanism', '出境提供缺少第三十八条规定的条件', '出境提供缺少第三十八條規定的條件', 'PIPL 제38조 국외 이전 요건 없음'),
    check: ({ reg }) => each(reg.recipients, (r, i) => {
      if (!isAbroad(r.country, 'pipl')) return undefined;
      if (!r.mechanism || !CN_MECHANISMS.has(r.mechanism.type)) return { path: ['recipients', i, 'mechanism'], subject: r.id, message: `recipient "${r.id}" in ${r.country} receives CN data without assessment, certification, standard contract or exemption` };
      return r.mechanism.type !== 'exemption' && !r.mechanism.reference && { path: ['recipients', i, 'mechanism', 'reference'], subject: r.id, severity: 'warning', message: `recipient "${r.id}": ${r.mechanism.type} has no approval, certificate or filing number` };
    }),
  },
  {
    id: 'CN-CBT24-1', regime: 'pipl', article: 'CAC Provisions on Promoting and Regulating Cross-Border Data Flows (2024) Arts. 5-9; PIPL 40', kind: 'transfer', severity: 'error', enforcedBy: ['vault', 'lint'],
    requirement: 'Export tiers counted from 1 January: exemptions below 100,000 people (non-sensitive), contract or certification, assessment at 1 M or 10,000 sensitive; CIIOs always assessment.',
    title: t('Cross-border mechanism below the required tier', '出境机制低于所需档位', '出境機制低於所需檔位', '국외 이전 요건 등급 미달'),
    check: ({ reg }) => each(reg.recipients, (r, i) => {
      if (!isAbroad(r.country, 'pipl') || !r.mechanism) return undefined;
      if (reg.organization.ciio && r.mechanism.type !== 'cac-assessment') return { path: ['recipients', i, 'mechanism', 'type'], subject: r.id, message: `CIIO export to "${r.id}" needs a CAC security assessment` };
      const sensitive = r.categories.some((id) => { const c = reg.categories.find((x) => x.id === id); return c !== undefined && isSensitive(c, 'pipl'); });
      return r.mechanism.type === 'exemption' && sensitive && !r.mechanism.reference && {
        path: ['recipients', i, 'mechanism'], subject: r.id, severity: 'warning', message: `export of sensitive PI to "${r.id}" on an exemption: the small-volume exemption never covers sensitive PI; name the contract, HR or emergency exemption`,
      };
    }),
  },
  {
    id: 'PIPL-39-1', regime: 'pipl', article: 'PIPL 39', kind: 'transfer', severity: 'error', enforcedBy: ['lint', 'consent', 'notice'],
    requirement: 'Export: tell the foreign recipient\'s name, contact, purpose, method, categories and rights channel; obtain separate consent.',
    title: t('Cross-border recipient lacks notice items or separate consent', '境外接收方缺少告知事项或单独同意', '境外接收方缺少告知事項或單獨同意', '국외 수령자 고지 사항 또는 별도 동의 없음'),
    check: ({ reg }) => each(reg.recipients, (r, i) => isAbroad(r.country, 'pipl') && [
      ...(['contact', 'method', 'rightsChannel'] as const).filter((k) => !r[k]).map((k) => ({ path: ['recipients', i, k], subject: `${r.id}.${k}`, message: `foreign recipient "${r.id}" has no ${k}` })),
      ...separateConsentHits(reg, r, i, 'data is exported to'),
    ]),
  },
  {
    id: 'PIPL-73-1', regime: 'pipl', article: 'PIPL 4, 73', kind: 'transfer', severity: 'warning', enforcedBy: ['lint', 'vault'],
    requirement: 'Only anonymised data is outside PIPL; de-identified data is still PI.',
    title: t('De-identified data treated as outside PIPL', '将去标识化信息视为非个人信息', '將去標識化信息視為非個人信息', '가명처리 정보를 개인정보가 아닌 것으로 취급'),
    check: ({ reg }) => each(reg.clauses, (c, i) => matchesAny(c, DEIDENTIFIED_FREE_USE) && {
      path: ['clauses', i, 'text'], subject: c.id, message: `clause "${c.id}" uses de-identified data freely; it is still personal information`,
    }),
  },
  {
    id: 'PIPL-51-1', regime: 'pipl', article: 'PIPL 51; GB/T 35273-2020 6.3, 7.2', kind: 'security', severity: 'error', enforcedBy: ['lint', 'vault', 'access'],
    requirement: 'Security measures; sensitive PI encrypted; biometrics kept apart; PI masked on display.',
    title: t('Sensitive category not encrypted', '敏感个人信息未加密存储', '敏感個人信息未加密儲存', '민감정보 암호화 없음'),
    check: ({ reg }) => each(reg.categories, (c, i) => isSensitive(c, 'pipl') && c.encryptedAtRest !== true && {
      path: ['categories', i, 'encryptedAtRest'], subject: c.id, message: `sensitive category "${c.id}" is not declared encrypted at rest`,
    }),
  },
  {
    id: 'PIPL-52-1', regime: 'pipl', article: 'PIPL 52; CAC announcement of 18 Jul 2025', kind: 'security', severity: 'error', enforcedBy: ['lint', 'lifecycle', 'notice'],
    requirement: 'Handlers of 1 M+ people designate a PI protection officer, publish the contact and report it within 30 working days.',
    title: t('No personal information protection officer', '未指定个人信息保护负责人', '未指定個人信息保護負責人', '개인정보 보호책임자 없음'),
    check: ({ reg }) => reg.organization.largeScale && !(reg.organization.privacyOfficer?.email || reg.organization.privacyOfficer?.phone)
      ? [{ path: ['organization', 'privacyOfficer'], subject: 'privacyOfficer', message: 'a large-scale handler needs a PI protection officer with published contact' }] : [],
  },
  {
    id: 'PIPL-55-1', regime: 'pipl', article: 'PIPL 55', kind: 'security', severity: 'error', enforcedBy: ['lint', 'lifecycle'], code: 'CN_PIA_REQUIRED',
    requirement: 'A PI protection impact assessment before sensitive processing, ADM, entrusting, providing, publishing or exporting.',
    title: t('Personal information protection impact assessment missing', '缺少个人信息保护影响评估', '缺少個人信息保護影響評估', '개인정보 영향평가 없음'),
    check: ({ reg }) => each(reg.purposes, (p, i) => {
      if (p.assessment?.approved) return undefined;
      const recs = recipientsOf(reg, p);
      const triggers = [
        categoriesOf(reg, p).some((c) => isSensitive(c, 'pipl')) && 'sensitive PI',
        p.adm !== undefined && 'automated decisions',
        recs.some((r) => r.kind === 'processor') && 'entrustment',
        recs.some((r) => r.kind === 'affiliate' || r.kind === 'third-party') && 'provision to another handler',
        recs.some((r) => r.kind === 'public') && 'public disclosure',
        recs.some((r) => isAbroad(r.country, 'pipl')) && 'export',
      ].filter((x): x is string => typeof x === 'string');
      return triggers.length > 0 && { path: ['purposes', i, 'assessment'], subject: p.id, message: `purpose "${p.id}" needs an approved PIA (${triggers.join(', ')})` };
    }),
  },
  {
    id: 'PIPL-57-1', regime: 'pipl', article: 'PIPL 57 para 1', kind: 'security', severity: 'error', enforcedBy: ['lifecycle'],
    requirement: 'On leakage, take remedial measures at once and notify the regulator and people with categories, cause, harm, measures and contact.',
  },
  {
    id: 'PIPL-57-2', regime: 'pipl', article: 'PIPL 57 para 2', kind: 'security', severity: 'error', enforcedBy: ['lifecycle'],
    requirement: 'Individual notice may be skipped if measures effectively prevent harm; the regulator may still order it.',
  },
  {
    id: 'CN-CSIR-1', regime: 'pipl', article: 'National Cybersecurity Incident Reporting Measures (CAC, 2025)', kind: 'security', severity: 'error', enforcedBy: ['lifecycle'],
    requirement: 'Incidents graded relatively major or above: report to the provincial CAC within 4 hours; CIIOs within 1 hour.',
  },
];
