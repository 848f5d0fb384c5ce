// GDPR processors, accountability, breach and international transfer rules (Art. 28, 30, 33-37, 44-49).
import { categoriesOf, each, GDPR_ADEQUATE, hasContact, isAbroad } from '../law.helpers.ts';
import type { Rule } from '../law.model.ts';
import { t } from './rule-kit.ts';

// Art. 46 safeguards, plus Art. 49 derogations judged by GDPR-49-1.
const ART46 = new Set(['scc', 'bcr', 'certification', 'derogation']);

/** GDPR transfer and security rules. */
export const GDPR_TRANSFER: Rule[] = [
  {
    id: 'GDPR-28-1', regime: 'gdpr', article: 'Art. 28', kind: 'transfer', severity: 'error', enforcedBy: ['lint', 'vault'],
    requirement: 'Processors only under a contract with the required terms; no sub-processor without authorisation.',
    title: t('Processor without data processing agreement', '处理者缺少数据处理协议', '處理者缺少資料處理協議', '처리자 계약 없음'),
    check: ({ reg }) => each(reg.recipients, (r, i) => r.kind === 'processor' && r.contract !== true && {
      path: ['recipients', i, 'contract'], subject: r.id, message: `processor "${r.id}" has no data processing agreement on file`,
    }),
  },
  {
    id: 'GDPR-30-1', regime: 'gdpr', article: 'Art. 30', kind: 'security', severity: 'error', enforcedBy: ['lint', 'lifecycle'],
    requirement: 'Records of processing: controller, purposes, categories of people and data, recipients, transfers, retention, security measures.',
    title: t('Record of processing incomplete', '处理活动记录不完整', '處理活動紀錄不完整', '처리 활동 기록 불완전'),
    check: ({ reg }) => [
      ...(reg.security.length === 0 ? [{ path: ['security'], subject: 'security', message: 'no security measures are recorded' }] : []),
      ...each(reg.purposes, (p, i) => !p.roles?.length && { path: ['purposes', i, 'roles'], subject: p.id, severity: 'warning', message: `purpose "${p.id}" does not name the categories of people` }),
    ],
  },
  {
    id: 'GDPR-33-1', regime: 'gdpr', article: 'Art. 33', kind: 'security', severity: 'error', enforcedBy: ['lifecycle'],
    requirement: 'Tell the supervisory authority without undue delay and within 72 hours where feasible; document every breach.',
  },
  {
    id: 'GDPR-34-1', regime: 'gdpr', article: 'Art. 34', kind: 'security', severity: 'error', enforcedBy: ['lifecycle'],
    requirement: 'High-risk breaches: tell the people without undue delay in plain language, unless an exception applies.',
  },
  {
    id: 'GDPR-35-1', regime: 'gdpr', article: 'Art. 35', kind: 'security', severity: 'error', enforcedBy: ['lint', 'lifecycle'],
    requirement: 'DPIA before high-risk processing: significant profiling, large-scale special categories, systematic monitoring of public areas.',
    title: t('Data protection impact assessment missing', '缺少数据保护影响评估', '缺少資料保護影響評估', '개인정보 영향평가 없음'),
    check: ({ reg }) => each(reg.purposes, (p, i) => {
      if (p.assessment?.approved) return undefined;
      const triggers = [
        p.adm?.significantEffect && 'significant automated decisions',
        p.profiling && p.adm?.significantEffect && 'profiling',
        p.publicMonitoring && 'monitoring of public areas',
        reg.organization.largeScale && categoriesOf(reg, p).some((c) => c.sensitivity?.gdpr !== undefined) && 'large-scale special categories',
      ].filter((x): x is string => typeof x === 'string');
      return triggers.length > 0 && { path: ['purposes', i, 'assessment'], subject: p.id, message: `purpose "${p.id}" needs an approved DPIA (${[...new Set(triggers)].join(', ')})` };
    }),
  },
  {
    id: 'GDPR-37-1', regime: 'gdpr', article: 'Art. 37', kind: 'security', severity: 'error', enforcedBy: ['lint', 'notice'],
    requirement: 'A DPO for large-scale monitoring or large-scale special data; publish the contact.',
    title: t('No data protection officer', '未指定数据保护官', '未指定資料保護長', '개인정보 보호책임자(DPO) 없음'),
    check: ({ reg }) => {
      const o = reg.organization;
      const trigger = o.largeScale && reg.purposes.some((p) => p.publicMonitoring || categoriesOf(reg, p).some((c) => c.sensitivity?.gdpr !== undefined));
      return trigger && !hasContact(o.privacyOfficer) ? [{ path: ['organization', 'privacyOfficer'], subject: 'dpo', message: 'large-scale monitoring or special data needs a DPO with published contact' }] : [];
    },
  },
  {
    id: 'GDPR-45-1', regime: 'gdpr', article: 'Art. 44-45', kind: 'transfer', severity: 'error', enforcedBy: ['lint', 'vault'],
    requirement: 'Transfers outside the EEA only under Chapter V; adequacy covers Japan and Korea, not China.',
    title: t('Adequacy claimed for a country without it', '声称充分性但该国无充分性决定', '聲稱適足性但該國無適足性決定', '적정성 결정이 없는 국가에 적정성 주장'),
    check: ({ reg }) => each(reg.recipients, (r, i) => isAbroad(r.country, 'gdpr') && r.mechanism?.type === 'adequacy' && !GDPR_ADEQUATE.has(r.country) && !(r.country === 'US' && r.mechanism.reference) && {
      path: ['recipients', i, 'mechanism', 'type'], subject: r.id, message: `recipient "${r.id}": ${r.country} has no EU adequacy decision`,
    }),
  },
  {
    id: 'GDPR-46-1', regime: 'gdpr', article: 'Art. 46-47', kind: 'transfer', severity: 'error', enforcedBy: ['lint', 'vault'],
    requirement: 'Without adequacy: SCCs, BCRs or other safeguards plus a transfer-impact assessment.',
    title: t('Transfer without appropriate safeguards', '跨境传输缺少适当保障措施', '跨境傳輸缺少適當保障措施', '적절한 보호조치 없는 국외 이전'),
    check: ({ reg }) => each(reg.recipients, (r, i) => {
      if (!isAbroad(r.country, 'gdpr') || GDPR_ADEQUATE.has(r.country) || r.mechanism?.type === 'adequacy') return undefined;
      if (!r.mechanism || !ART46.has(r.mechanism.type)) return { path: ['recipients', i, 'mechanism'], subject: r.id, message: `recipient "${r.id}" in ${r.country} (no adequacy) has no SCC, BCR or other safeguard` };
      return (r.mechanism.type === 'scc' || r.mechanism.type === 'bcr') && !r.mechanism.reference && {
        path: ['recipients', i, 'mechanism', 'reference'], subject: r.id, severity: 'warning', message: `recipient "${r.id}": ${r.mechanism.type} has no module, version or transfer-impact reference`,
      };
    }),
  },
  {
    id: 'GDPR-49-1', regime: 'gdpr', article: 'Art. 49', kind: 'transfer', severity: 'error', enforcedBy: ['lint', 'vault'],
    requirement: 'Derogations are for occasional transfers only.',
    title: t('Systematic transfer on a derogation', '以例外情形进行常规传输', '以例外情形進行常規傳輸', '예외 사유에 의한 정기적 이전'),
    check: ({ reg }) => each(reg.recipients, (r, i) => r.mechanism?.type === 'derogation' && r.mechanism.occasional !== true && {
      path: ['recipients', i, 'mechanism', 'occasional'], subject: r.id, message: `recipient "${r.id}" relies on a derogation for a transfer not marked occasional`,
    }),
  },
];
