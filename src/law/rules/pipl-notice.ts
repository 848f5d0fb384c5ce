// PIPL notice, rights and retention rules (PIPL 17, 19, 24, 30, 44-50, 56; GB/T 35273 8.5, 8.7).
import { CHANGE_PREVAILS, matchesAny } from '../law.clauses.ts';
import { each, hasContact, inEveryLanguage, isOpenEnded, isSensitive, offers, type Right } from '../law.helpers.ts';
import type { Hit, Rule } from '../law.model.ts';
import { t } from './rule-kit.ts';

// PIPL 44-46, 48: the request kinds a CN rights channel must accept.
const CN_RIGHTS: Right[] = ['access', 'copy', 'rectify', 'restrict', 'explain-rules'];

/** PIPL notice, rights and retention rules. */
export const PIPL_NOTICE: Rule[] = [
  {
    id: 'PIPL-17-1', regime: 'pipl', article: 'PIPL 17 para 1', kind: 'notice', severity: 'error', enforcedBy: ['lint', 'notice'],
    requirement: 'Before processing, tell people the handler name and contact; purposes, methods, categories and retention; how to exercise rights.',
    title: t('Notice item missing', '告知事项缺失', '告知事項缺失', '고지 사항 누락'),
    check: ({ reg }) => {
      const hits: Hit[] = [];
      if (!hasContact(reg.organization.contact)) hits.push({ path: ['organization', 'contact'], subject: 'contact', message: 'the organization has no contact (email, phone, url or address)' });
      reg.purposes.forEach((p, i) => {
        if (!p.method) hits.push({ path: ['purposes', i, 'method'], subject: `${p.id}.method`, message: `purpose "${p.id}" does not state its processing method` });
        if (!p.retention) hits.push({ path: ['purposes', i, 'retention'], subject: `${p.id}.retention`, message: `purpose "${p.id}" does not state a retention period or rule` });
      });
      if (reg.rightsChannels.length === 0) hits.push({ path: ['rightsChannels'], subject: 'rightsChannels', message: 'no channel for exercising rights is declared' });
      return hits;
    },
  },
  {
    id: 'PIPL-17-2', regime: 'pipl', article: 'PIPL 17 para 2-3', kind: 'notice', severity: 'warning', enforcedBy: ['notice', 'lint'],
    requirement: 'Changes must be told to people; "we may change this policy, the changed text prevails" is insufficient.',
    title: t('"Changed text prevails" clause', '“以变更后的内容为准”条款', '「以變更後的內容為準」條款', '"변경된 내용이 우선" 조항'),
    check: ({ reg }) => each(reg.clauses, (c, i) => (c.topic === 'change-prevails' || matchesAny(c, CHANGE_PREVAILS)) && {
      path: ['clauses', i, 'text'], subject: c.id, message: `clause "${c.id}" lets changes prevail without telling people first`,
    }),
  },
  {
    id: 'PIPL-30-1', regime: 'pipl', article: 'PIPL 30', kind: 'notice', severity: 'error', enforcedBy: ['lint', 'notice'],
    requirement: 'For sensitive PI also tell people why it is needed and how it affects their rights, in each notice language.',
    title: t('Sensitive category lacks necessity or impact text', '敏感个人信息缺少必要性或影响说明', '敏感個人信息缺少必要性或影響說明', '민감정보의 필요성 또는 영향 설명 없음'),
    check: ({ reg }) => each(reg.categories, (c, i) => isSensitive(c, 'pipl') && [
      ...(inEveryLanguage(reg, c.necessity) ? [] : [{ path: ['categories', i, 'necessity'], subject: `${c.id}.necessity`, message: `sensitive category "${c.id}" lacks necessity text in ${reg.organization.languages.join(', ')}` }]),
      ...(inEveryLanguage(reg, c.impact) ? [] : [{ path: ['categories', i, 'impact'], subject: `${c.id}.impact`, message: `sensitive category "${c.id}" lacks impact text in ${reg.organization.languages.join(', ')}` }]),
    ]),
  },
  {
    id: 'PIPL-24-1', regime: 'pipl', article: 'PIPL 24 para 1', kind: 'rights', severity: 'error', enforcedBy: ['lint', 'notice'],
    requirement: 'Automated decision-making must be transparent and fair: a logic description and a PIA.',
    title: t('Automated decision without logic description', '自动化决策缺少逻辑说明', '自動化決策缺少邏輯說明', '자동화된 결정의 논리 설명 없음'),
    check: ({ reg }) => each(reg.purposes, (p, i) => p.adm !== undefined && !p.adm.logic && {
      path: ['purposes', i, 'adm', 'logic'], subject: p.id, message: `ADM purpose "${p.id}" has no logic description`,
    }),
  },
  {
    id: 'PIPL-24-3', regime: 'pipl', article: 'PIPL 24 para 3', kind: 'rights', severity: 'error', enforcedBy: ['rights', 'lint'],
    requirement: 'For decisions with significant impact people may demand an explanation and refuse solely automated decisions.',
    title: t('No explanation or refusal of automated decisions', '未提供自动化决策说明或拒绝途径', '未提供自動化決策說明或拒絕途徑', '자동화된 결정 설명·거부 방법 없음'),
    check: ({ reg }) => reg.purposes.some((p) => p.adm?.significantEffect) ? (['adm-explanation', 'adm-human-review'] as Right[]).filter((r) => !offers(reg, r)).map((r) => ({
      path: ['rightsChannels'], subject: r, message: `significant automated decisions exist but no rights channel accepts ${r}`,
    })) : [],
  },
  {
    id: 'PIPL-45-1', regime: 'pipl', article: 'PIPL 44-46, 48, 50', kind: 'rights', severity: 'error', enforcedBy: ['rights', 'lint'],
    requirement: 'Rights to know, restrict, consult and copy, correct and have the rules explained, through a convenient mechanism with reasons for refusal.',
    title: t('Right not offered', '未提供个人权利行使途径', '未提供個人權利行使途徑', '정보주체 권리 행사 방법 없음'),
    check: ({ reg }) => CN_RIGHTS.filter((r) => !offers(reg, r)).map((r) => ({ path: ['rightsChannels'], subject: r, message: `no rights channel accepts "${r}" requests` })),
  },
  {
    id: 'PIPL-45-2', regime: 'pipl', article: 'PIPL 45 para 3; Network Data Security Management Regulations (2025)', kind: 'rights', severity: 'error', enforcedBy: ['rights'],
    requirement: 'Transfer to another handler named by the person when conditions are met; fee only for repeated requests.',
  },
  {
    id: 'PIPL-49-1', regime: 'pipl', article: 'PIPL 49', kind: 'rights', severity: 'error', enforcedBy: ['rights'],
    requirement: 'Close relatives of a deceased person may exercise access, copy, correction and deletion for their own lawful interests unless the deceased arranged otherwise.',
  },
  {
    id: 'GBT-8.7-1', regime: 'pipl', article: 'GB/T 35273-2020 8.7 (practice)', kind: 'rights', severity: 'warning', enforcedBy: ['rights'],
    requirement: 'Answer requests within 30 days (configurable, shorter allowed) with reasons and complaint routes; fees only for repeated requests.',
  },
  {
    id: 'PIPL-19-1', regime: 'pipl', article: 'PIPL 19', kind: 'retention', severity: 'error', enforcedBy: ['lint', 'lifecycle'],
    requirement: 'Keep PI for the shortest time the purpose needs; every purpose has a retention duration or trigger.',
    title: t('No retention period', '未规定保存期限', '未規定保存期限', '보유기간 없음'),
    check: ({ reg }) => each(reg.purposes, (p, i) => {
      if (!p.retention) return { path: ['purposes', i, 'retention'], subject: p.id, message: `purpose "${p.id}" has no retention period or trigger` };
      return isOpenEnded(p) && { path: ['purposes', i, 'retention'], subject: p.id, severity: 'warning', message: `purpose "${p.id}" keeps data "as long as the purpose needs" without a period or rule` };
    }),
  },
  {
    id: 'PIPL-47-1', regime: 'pipl', article: 'PIPL 47 para 1', kind: 'retention', severity: 'error', enforcedBy: ['lifecycle', 'rights', 'lint'],
    requirement: 'Delete proactively when the purpose is achieved, the service ends, retention expires, consent is withdrawn or processing is unlawful; people may request it.',
    title: t('Deletion cannot be requested', '未提供删除个人信息的途径', '未提供刪除個人信息的途徑', '삭제 요구 방법 없음'),
    check: ({ reg }) => offers(reg, 'erase') ? [] : [{ path: ['rightsChannels'], subject: 'erase', message: 'no rights channel accepts deletion requests' }],
  },
  {
    id: 'PIPL-47-2', regime: 'pipl', article: 'PIPL 47 para 2', kind: 'retention', severity: 'error', enforcedBy: ['lifecycle', 'access'],
    requirement: 'Under a legal hold or where deletion is technically hard, stop all processing except storage and security.',
  },
  {
    id: 'GBT-8.5-1', regime: 'pipl', article: 'App violation identification method (Dec 2019) part 6; GB/T 35273-2020 8.5', kind: 'retention', severity: 'warning', enforcedBy: ['rights', 'lifecycle', 'lint'],
    requirement: 'Apps must offer account closure without unreasonable conditions, finished within 15 working days where handled manually.',
    title: t('Account closure not offered', '未提供注销账户功能', '未提供註銷帳戶功能', '계정 해지 방법 없음'),
    check: ({ reg }) => reg.purposes.some((p) => p.retention?.until === 'account-closed') && !offers(reg, 'close-account')
      ? [{ path: ['rightsChannels'], subject: 'close-account', message: 'accounts exist but no rights channel accepts account closure' }] : [],
  },
  {
    id: 'PIPL-56-1', regime: 'pipl', article: 'PIPL 56', kind: 'retention', severity: 'error', enforcedBy: ['lifecycle'], code: 'CN_PIA_RETENTION',
    requirement: 'A PIA covers lawfulness, necessity, impact, risk and measures; reports and processing records are kept at least 3 years.',
  },
];
