// PIPA provision, entrustment, cross-border and safety rules (PIPA 17, 26, 28-8, 29).
import { matchesAny, SERVERS_ABROAD } from '../law.clauses.ts';
import { each, isAbroad, isSeparate, purposesOfRecipient } from '../law.helpers.ts';
import type { Hit, Rule } from '../law.model.ts';
import type { Recipient, Registry } from '../../registry/index.ts';
import { t } from './rule-kit.ts';

// PIPA 28-8(1) items 1-5: the only bases for overseas provision, entrustment or storage.
const KR_MECHANISMS = new Set(['separate-consent', 'statute', 'contract-necessity', 'certification', 'adequacy']);
// Standards for Safety Measures: card and account numbers and biometrics are encrypted too.
const ENCRYPT_KINDS = new Set(['bank-card', 'bank-account', 'biometric']);

// PIPA 28-8(1)1: separate consent to the overseas transfer may come from the purposes themselves.
function separatelyConsented(reg: Registry, r: Recipient): boolean {
  const ps = purposesOfRecipient(reg, r);
  return ps.length > 0 && ps.every((p) => p.legalBasis === 'consent' && isSeparate(p));
}

/** PIPA transfer and security rules. */
export const PIPA_TRANSFER: Rule[] = [
  {
    id: 'PIPA-17-1', regime: 'pipa', article: 'PIPA 17(1)-(2)', kind: 'transfer', severity: 'error', enforcedBy: ['lint', 'consent', 'vault'],
    requirement: 'Provision to a third party (affiliates included) needs consent showing recipient, purpose, items, retention and refusal, or a 15(1) 2/3/5/6/7 ground; contract is not a provision ground.',
    title: t('Third-party provision without valid consent items', '向第三方提供缺少同意事项', '向第三方提供缺少同意事項', '제3자 제공 동의 사항 미비'),
    check: ({ reg }) => each(reg.recipients, (r, i) => (r.kind === 'affiliate' || r.kind === 'third-party') && [
      ...purposesOfRecipient(reg, r).flatMap((p): Hit[] => {
        if (p.legalBasis === 'contract') return [{ path: ['recipients', i, 'purposes'], subject: `${r.id}/${p.id}`, message: `provision to "${r.id}" for "${p.id}" rests on contract, which is not a provision ground` }];
        if (p.legalBasis === 'consent' && !isSeparate(p) && r.mechanism?.type !== 'separate-consent') return [{ path: ['recipients', i, 'purposes'], subject: `${r.id}/${p.id}`, message: `provision to "${r.id}" for "${p.id}" has no separate provision consent` }];
        return [];
      }),
      ...(r.retention ? [] : [{ path: ['recipients', i, 'retention'], subject: `${r.id}.retention`, message: `recipient "${r.id}" does not state how long it keeps the data` }]),
    ]),
  },
  {
    id: 'PIPA-26-1', regime: 'pipa', article: 'PIPA 26(1), (4)-(6); Decree 28', kind: 'transfer', severity: 'error', enforcedBy: ['lint', 'vault'],
    requirement: 'Entrustment in a written document with the required clauses; re-entrustment needs consent.',
    title: t('Entrustment without written contract', '委托缺少书面合同', '委託缺少書面契約', '위탁 문서 없음'),
    check: ({ reg }) => each(reg.recipients, (r, i) => r.kind === 'processor' && r.contract !== true && {
      path: ['recipients', i, 'contract'], subject: r.id, message: `processor "${r.id}" has no written entrustment contract`,
    }),
  },
  {
    id: 'PIPA-26-2', regime: 'pipa', article: 'PIPA 26(2)-(3); Decree 28', kind: 'notice', severity: 'error', enforcedBy: ['notice', 'lint'],
    requirement: 'Publish entrusted tasks and entrustees at all times; notify each person when marketing is entrusted.',
    title: t('Entrusted task not published', '未公开委托业务内容', '未公開委託業務內容', '위탁 업무 내용 미공개'),
    check: ({ reg }) => each(reg.recipients, (r, i) => r.kind === 'processor' && [
      ...(r.method ? [] : [{ path: ['recipients', i, 'method'], subject: r.id, message: `processor "${r.id}" has no published task description` }]),
      ...(purposesOfRecipient(reg, r).some((p) => p.marketing) ? [{ path: ['recipients', i, 'purposes'], subject: r.id, severity: 'info' as const, message: `processor "${r.id}" handles marketing: each person must be notified of the entrustment` }] : []),
    ]),
  },
  {
    id: 'PIPA-28.8-1', regime: 'pipa', article: 'PIPA 28-8(1), (4)-(5); 28-9', kind: 'transfer', severity: 'error', enforcedBy: ['lint', 'vault'], code: 'KR_CBT_NO_BASIS',
    requirement: 'Overseas provision, entrustment or storage only with separate consent, a statute or treaty, disclosed contract necessity, certification or adequacy.',
    title: t('Overseas transfer without a PIPA 28-8 basis', '境外转移缺少法定依据', '境外轉移缺少法定依據', '국외 이전 근거 없음'),
    check: ({ reg }) => {
      const abroad = reg.recipients.filter((r) => isAbroad(r.country, 'pipa'));
      return [
        ...each(reg.recipients, (r, i) => isAbroad(r.country, 'pipa') && !(r.mechanism && KR_MECHANISMS.has(r.mechanism.type)) && !separatelyConsented(reg, r) && {
          path: ['recipients', i, 'mechanism'], subject: r.id, message: `recipient "${r.id}" in ${r.country} receives KR data without a PIPA 28-8 basis`,
        }),
        ...each(reg.clauses, (c, i) => abroad.length === 0 && (c.topic === 'transfer' || matchesAny(c, SERVERS_ABROAD)) && matchesAny(c, SERVERS_ABROAD) && {
          path: ['clauses', i, 'text'], subject: c.id, message: `clause "${c.id}" says data may be stored or sent abroad, but no overseas recipient with a basis is declared`,
        }),
      ];
    },
  },
  {
    id: 'PIPA-28.8-2', regime: 'pipa', article: 'PIPA 28-8(2)-(3)', kind: 'transfer', severity: 'error', enforcedBy: ['lint', 'notice', 'consent'],
    requirement: 'Tell items, destination country, time and method, recipient name and contact, purpose and retention, and how to refuse.',
    title: t('Overseas transfer notice item missing', '境外转移告知事项缺失', '境外轉移告知事項缺失', '국외 이전 고지 사항 누락'),
    check: ({ reg }) => each(reg.recipients, (r, i) => isAbroad(r.country, 'pipa') && (['transferTime', 'method', 'contact', 'retention', 'rightsChannel'] as const).filter((k) => !r[k]).map((k) => ({
      path: ['recipients', i, k], subject: `${r.id}.${k}`, message: `overseas recipient "${r.id}" has no ${k}`,
    }))),
  },
  {
    id: 'PIPA-29-1', regime: 'pipa', article: 'PIPA 29; Standards for Safety Measures', kind: 'security', severity: 'error', enforcedBy: ['lint', 'vault'],
    requirement: 'Technical, managerial and physical safeguards; encryption of unique IDs, passwords, biometrics, card and account numbers.',
    title: t('Card, account or biometric data not encrypted', '卡号、账号或生物识别信息未加密', '卡號、帳號或生物辨識資訊未加密', '카드·계좌·생체정보 암호화 없음'),
    check: ({ reg }) => [
      ...each(reg.categories, (c, i) => ENCRYPT_KINDS.has(c.kind) && c.sensitivity?.pipa === undefined && c.encryptedAtRest !== true && {
        path: ['categories', i, 'encryptedAtRest'], subject: c.id, message: `category "${c.id}" (${c.kind}) is not declared encrypted at rest`,
      }),
      ...(reg.security.length === 0 ? [{ path: ['security'], subject: 'security', message: 'no safety measures are declared' }] : []),
    ],
  },
];
