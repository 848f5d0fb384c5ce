// PIPA notice, rights, retention and officer rules (PIPA 20, 21, 30, 31, 34-38; Decree 31, 39-44).
import { each, hasRetention, isOpenEnded, offers, type Right } from '../law.helpers.ts';
import type { Hit, Rule } from '../law.model.ts';
import type { PathSegments } from '../../registry/index.ts';
import { t } from './rule-kit.ts';

const AUTO_KINDS = new Set(['cookie-id', 'device-id', 'ip', 'mac', 'imei']);

function rightsHits(rights: Right[], has: (r: Right) => boolean): Hit[] {
  return rights.filter((r) => !has(r)).map((r) => ({ path: ['rightsChannels'], subject: r, message: `no rights channel accepts "${r}" requests` }));
}

/** PIPA notice, rights, retention and officer rules. */
export const PIPA_NOTICE: Rule[] = [
  {
    id: 'PIPA-20-1', regime: 'pipa', article: 'PIPA 20, 20-2; Decree 15-2, 15-3', kind: 'notice', severity: 'error', enforcedBy: ['lint', 'rights', 'notice'],
    requirement: 'Data collected from someone else: tell the source, purpose and right to stop on request; large controllers proactively within 3 months.',
    title: t('Indirect collection without source', '间接收集未说明来源', '間接蒐集未說明來源', '간접 수집 출처 미기재'),
    check: ({ reg }) => each(reg.scenarios, (s, i) => s.source === 'indirect' && !s.sourceDetail && {
      path: ['scenarios', i, 'sourceDetail'], subject: s.id, message: `indirect scenario "${s.id}" does not name its source`,
    }),
  },
  {
    id: 'PIPA-21-1', regime: 'pipa', article: 'PIPA 21; Decree 16', kind: 'retention', severity: 'error', enforcedBy: ['lifecycle', 'lint'],
    requirement: 'Destroy without delay when retention ends or the purpose is achieved; statutory copies kept apart.',
    title: t('No destruction schedule', '缺少销毁期限', '缺少銷毀期限', '파기 시점 없음'),
    check: ({ reg }) => each(reg.purposes, (p, i) => {
      if (!hasRetention(p)) return { path: ['purposes', i, 'retention'], subject: p.id, message: `purpose "${p.id}" has no retention period, so no destruction date can be set` };
      return isOpenEnded(p) && { path: ['purposes', i, 'retention'], subject: p.id, severity: 'warning', message: `purpose "${p.id}" is kept until its purpose is fulfilled with no period or rule` };
    }),
  },
  {
    id: 'PIPA-30-1', regime: 'pipa', article: 'PIPA 30(1); Decree 31', kind: 'notice', severity: 'error', enforcedBy: ['notice', 'lint'],
    requirement: 'The privacy policy must state purposes, retention, provision, destruction, entrustment, rights, officer, automatic collection tools and safety measures.',
    title: t('Privacy policy section missing', '隐私政策缺少法定章节', '隱私政策缺少法定章節', '개인정보 처리방침 필수 항목 누락'),
    check: ({ reg }) => {
      const sections: [string, boolean, PathSegments][] = [
        ['retention', reg.purposes.some((p) => !hasRetention(p)), ['purposes']],
        ['rights', reg.rightsChannels.length === 0, ['rightsChannels']],
        ['privacy-officer', !reg.organization.privacyOfficer, ['organization', 'privacyOfficer']],
        ['cookies', reg.trackers.length === 0 && reg.categories.some((c) => AUTO_KINDS.has(c.kind)), ['trackers']],
        ['security', reg.security.length === 0, ['security']],
      ];
      return sections.filter(([, missing]) => missing).map(([s, , path]) => ({ path, subject: s, code: `KR_POLICY_MISSING:${s}`, message: `the privacy policy has no ${s} section` }));
    },
  },
  {
    id: 'PIPA-30.2-1', regime: 'pipa', article: 'PIPA 30(2)-(3), 30-2; Decree 31, 31-2', kind: 'notice', severity: 'error', enforcedBy: ['notice'],
    requirement: 'The policy is posted continuously, easy to find and understand, with version history.',
  },
  {
    id: 'PIPA-31-1', regime: 'pipa', article: 'PIPA 31; Decree 32 (2024)', kind: 'security', severity: 'error', enforcedBy: ['lint', 'notice'],
    requirement: 'Designate a privacy officer (CPO) and publish the contact; large controllers need a qualified CPO.',
    title: t('No privacy officer', '未指定个人信息保护负责人', '未指定個人資料保護負責人', '개인정보 보호책임자 미지정'),
    check: ({ reg }) => {
      const o = reg.organization.privacyOfficer;
      if (!o) return [{ path: ['organization', 'privacyOfficer'], subject: 'privacyOfficer', message: 'no privacy officer is designated' }];
      return o.email || o.phone ? [] : [{ path: ['organization', 'privacyOfficer'], subject: 'privacyOfficer', message: 'the privacy officer has no email or phone' }];
    },
  },
  {
    id: 'PIPA-31.2-1', regime: 'pipa', article: 'PIPA 31-2; Decree 32-2', kind: 'security', severity: 'warning', enforcedBy: ['lint', 'notice'],
    requirement: 'Large foreign controllers without a Korean address designate a domestic agent.',
    title: t('No domestic agent', '未指定国内代理人', '未指定國內代理人', '국내대리인 미지정'),
    check: ({ reg }) => reg.organization.largeScale && !reg.organization.representative
      ? [{ path: ['organization', 'representative'], subject: 'representative', message: 'a large controller without a Korean address needs a domestic agent' }] : [],
  },
  {
    id: 'PIPA-34-1', regime: 'pipa', article: 'PIPA 34(1)-(2) (as amended 2026); Decree 39, 39-2, 39-3', kind: 'security', severity: 'error', enforcedBy: ['lifecycle'],
    requirement: 'Tell affected people within 72 hours of a leak (possible leaks too), with the six items; website posting for 30 days as fallback.',
  },
  {
    id: 'PIPA-34-2', regime: 'pipa', article: 'PIPA 34(4); Decree 40', kind: 'security', severity: 'error', enforcedBy: ['lifecycle'],
    requirement: 'Report to PIPC or KISA within 72 hours for 1,000+ people, any sensitive or unique-ID data, or outside intrusion.',
  },
  {
    id: 'PIPA-35-1', regime: 'pipa', article: 'PIPA 35; Decree 41, 42', kind: 'rights', severity: 'error', enforcedBy: ['rights', 'lint'],
    requirement: 'Access within 10 days; postponement or refusal with reasons within the same 10 days; request method no harder than collection.',
    title: t('Access not offered', '未提供查阅途径', '未提供查閱途徑', '열람 요구 방법 없음'),
    check: ({ reg }) => rightsHits(['access'], (r) => offers(reg, r)),
  },
  {
    id: 'PIPA-35.2-1', regime: 'pipa', article: 'PIPA 35-2; Decree 42-2 ff.', kind: 'rights', severity: 'error', enforcedBy: ['rights'],
    requirement: 'Transmission of data to oneself or another controller, phased in by sector.',
  },
  {
    id: 'PIPA-36-1', regime: 'pipa', article: 'PIPA 36; Decree 43', kind: 'rights', severity: 'error', enforcedBy: ['rights', 'lint'],
    requirement: 'Correction or deletion within 10 days; refusal only with a statute, reasons and an objection route.',
    title: t('Correction or deletion not offered', '未提供更正或删除途径', '未提供更正或刪除途徑', '정정·삭제 요구 방법 없음'),
    check: ({ reg }) => rightsHits(['rectify', 'erase'], (r) => offers(reg, r)),
  },
  {
    id: 'PIPA-37-1', regime: 'pipa', article: 'PIPA 37; Decree 44', kind: 'rights', severity: 'error', enforcedBy: ['rights', 'lint'],
    requirement: 'Suspension of processing or withdrawal of consent within 10 days, with the result or reasons and objection route.',
    title: t('Suspension or withdrawal not offered', '未提供停止处理或撤回同意途径', '未提供停止處理或撤回同意途徑', '처리정지·동의 철회 방법 없음'),
    check: ({ reg }) => rightsHits(reg.purposes.some((p) => p.legalBasis === 'consent') ? ['restrict', 'withdraw'] : ['restrict'], (r) => offers(reg, r)),
  },
  {
    id: 'PIPA-37.2-1', regime: 'pipa', article: 'PIPA 37-2; Decree 44-2 to 44-4', kind: 'rights', severity: 'error', enforcedBy: ['lint', 'rights', 'notice'],
    requirement: 'People may refuse significant fully automated decisions and ask for an explanation; criteria and procedure are published; answer within 30 days.',
    title: t('Automated decision criteria not published', '自动化决策标准未公开', '自動化決策標準未公開', '자동화된 결정 기준 미공개'),
    check: ({ reg }) => each(reg.purposes, (p, i) => p.adm !== undefined && !p.adm.criteria && {
      path: ['purposes', i, 'adm', 'criteria'], subject: p.id, message: `ADM purpose "${p.id}" does not publish its criteria and procedure`,
    }),
  },
  {
    id: 'PIPA-38-1', regime: 'pipa', article: 'PIPA 38', kind: 'rights', severity: 'error', enforcedBy: ['rights'],
    requirement: 'Requests by an authorised agent or a child\'s legal representative; fees as allowed; an objection procedure for refusals.',
  },
];
