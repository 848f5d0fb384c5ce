import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../registry/index.ts';
import { draftBreachNotices } from './breach.drafts.ts';
import { KR_INTRUSION } from './breach.fixture.ts';
import { BREACH_CHANNELS, type Incident } from './breach.model.ts';
import { draftRegulatorReport } from './breach.regulator.ts';
import { classifyBreachSeverity } from './breach.severity.ts';
import { example } from './lifecycle.testing.ts';

const kr = example('004-kr-marketplace.live');

describe('classifyBreachSeverity', () => {
  it('004: 1,200 people\'s contact data by outside intrusion is medium and crosses the PIPA report threshold', () => {
    const s = classifyBreachSeverity(kr, KR_INTRUSION);
    expect(s).toMatchObject({ severity: 'medium', sensitive: false, uniqueIds: false, kr1000: true });
    expect(s.reasons.join('\n')).toMatch(/1200 people.*PIPA Decree 40/);
  });
  it('grades by data, count and vector', () => {
    const small: Incident = { ...KR_INTRUSION, affectedCount: 3, vector: 'misdelivery', categories: ['name'] };
    expect(classifyBreachSeverity(kr, small).severity).toBe('low');
    const passport = classifyBreachSeverity(kr, { ...small, categories: ['passport-number'] });
    expect(passport).toMatchObject({ severity: 'medium', uniqueIds: true, sensitive: false, kr1000: false });
    const shop = example('003-online-shop.live');
    const face = classifyBreachSeverity(shop, { ...KR_INTRUSION, regimes: ['pipl'], categories: ['face', 'id-number', 'password'], affectedCount: 2_000_000 });
    expect(face).toMatchObject({ severity: 'critical', sensitive: true, uniqueIds: true, kr1000: false });
    expect(() => classifyBreachSeverity(kr, { ...small, categories: ['nope'] })).toThrow(/nope/);
  });
});

describe('draftRegulatorReport', () => {
  it('004 KR breach with 1,200 people: report to PIPC or KISA due within 72 hours of awareness', () => {
    const r = draftRegulatorReport(kr, KR_INTRUSION, 'pipa');
    expect(r).toMatchObject({ regime: 'pipa', lang: 'ko', required: true, immediate: false, rule: 'PIPA-34-2' });
    expect(Date.parse(r.due!) - Date.parse(KR_INTRUSION.discoveredAt)).toBeLessThanOrEqual(72 * 3_600_000);
    expect(r.due).toBe('2026-05-07T01:00:00.000Z');
    expect(r.text).toContain('개인정보보호위원회 또는 한국인터넷진흥원');
    expect(r.text).toContain('1,200명');
    expect(r.text).toContain('2026년 5월 7일 10:00(한국 시간)');
    expect(r.placeholders).toEqual([]);
  });
  it('below every PIPA trigger no report is due; GDPR asks reasons when late; PIPL is immediate', () => {
    const none = draftRegulatorReport(kr, { ...KR_INTRUSION, affectedCount: 10, vector: 'misdelivery' }, 'pipa');
    expect(none).toMatchObject({ required: false, due: null });
    const broker = example('000-broker.live');
    const eu: Incident = { ...KR_INTRUSION, regimes: ['gdpr'], categories: ['name', 'email'] };
    const late = draftRegulatorReport(broker, eu, 'gdpr', { now: '2026-05-08T00:00:00Z' });
    expect(late).toMatchObject({ lang: 'en', rule: 'GDPR-33-1', due: '2026-05-07T01:00:00.000Z', placeholders: ['delayReason'] });
    expect(late.text).toMatch(/^Data protection officer: .*dpo@broker\.example$/m);
    expect(late.text).toContain('Reasons for any delay: {{delayReason}}');
    const cn = draftRegulatorReport(example('001-cybozu-shanghai.live'), { ...KR_INTRUSION, regimes: ['pipl'], categories: ['name', 'phone'] }, 'pipl');
    expect(cn).toMatchObject({ lang: 'zh-Hans', immediate: true, rule: 'PIPL-57-1', due: KR_INTRUSION.discoveredAt.replace('Z', '.000Z') });
    expect(cn.text).toContain('履行个人信息保护职责的部门');
  });
});

describe('draftBreachNotices', () => {
  const drafts = draftBreachNotices(kr, KR_INTRUSION, { languages: [...LANGUAGES] });

  it('drafts every language and channel', () => {
    expect(drafts).toHaveLength(16);
    for (const lang of LANGUAGES) for (const channel of BREACH_CHANNELS) expect(drafts.some((d) => d.lang === lang && d.channel === channel && d.body.length > 0)).toBe(true);
    expect(drafts.every((d) => d.rules.join() === 'PIPA-34-1')).toBe(true);
    expect(draftBreachNotices(kr, KR_INTRUSION).map((d) => d.lang)).toContain('ko');
  });

  it('the Korean email has the six PIPA 34 items', () => {
    const email = drafts.find((d) => d.lang === 'ko' && d.channel === 'email')!;
    expect(email.subject).toBe('[예시마켓 주식회사] 개인정보 유출 사실을 알려 드립니다(회원 정보 무단 조회)');
    for (const s of ['이름, 휴대전화 번호, 이메일 주소, 배송지 주소', '2026년 5월 4일 01:20(한국 시간)경부터', '외부의 불법적인 접근(해킹)', '비밀번호', '2단계 인증', '+82 2 5555 0199', '118', '1833-6972', '제39조의2']) expect(email.body).toContain(s);
  });

  it('contains no personal values, only placeholders', () => {
    for (const d of drafts) {
      expect(d.body).not.toMatch(/\d{3}-\d{4}-\d{4}/);
      for (const p of d.placeholders) expect(`${d.subject ?? ''}${d.body}`).toContain(`{{${p}}}`);
      expect(d.body.match(/\{\{(\w+)\}\}/g)?.map((x) => x.slice(2, -2)).sort() ?? []).toEqual([...d.placeholders].sort().flatMap((p) => Array(d.body.split(`{{${p}}}`).length - 1).fill(p)).sort());
    }
  });

  it('has no Latin-script words in the Korean text except codes and proper names from the registry', () => {
    const o = kr.organization;
    const allowed = [KR_INTRUSION.contact.email!, o.contact.email, o.contact.url, o.privacyOfficer?.email, ...Object.values(kr.organization.names), ...kr.categories.map((c) => c.labels.ko ?? '')].filter((x): x is string => Boolean(x));
    for (const d of drafts.filter((x) => x.lang === 'ko')) {
      let text = `${d.subject ?? ''}\n${d.body}`.replace(/\{\{\w+\}\}/g, '');
      for (const a of allowed) text = text.split(a).join('');
      expect(text.match(/[A-Za-z]+/g) ?? [], `${d.channel}`).toEqual([]);
    }
  });

  it('a possible leak is worded as possible, and the push message stays short', () => {
    const push = draftBreachNotices(kr, { ...KR_INTRUSION, possible: true }, { languages: ['ko'], channels: ['push', 'email'] });
    expect(push.map((d) => d.channel)).toEqual(['push', 'email']);
    expect(push[0].body).toContain('가능성이 있습니다');
    expect(push[1].subject).toContain('유출 가능성');
    const many = draftBreachNotices(kr, { ...KR_INTRUSION, categories: ['name', 'phone', 'email', 'shipping-address', 'postal-code'] }, { languages: ['en', 'zh-Hans'], channels: ['push'] });
    expect(many[0].body).toContain('Name, Mobile number, Email address and 2 more');
    expect(many[1].body).toContain('姓名、手机号码、电子邮箱地址等5项');
    expect(many.every((d) => d.body.length < 160)).toBe(true);
  });
});
