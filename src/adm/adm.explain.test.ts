import { describe, expect, it } from 'vitest';
import { loadRegistryFile, type Registry } from '../registry/index.ts';
import { explainDecision } from './adm.explain.ts';
import type { AdmDecision } from './adm.model.ts';

const load = (f: string): Registry => {
  const r = loadRegistryFile(f);
  if (!r.ok) throw new Error(`${f} does not load`);
  return r.registry;
};
const kr = load('examples/004-kr-marketplace.live.yaml');
const shop = load('examples/003-online-shop.live.yaml');
const broker = load('examples/000-broker.live.yaml');

const decision = (over: Partial<AdmDecision> = {}): AdmDecision => ({
  id: 'adm_0123456789abcdef0123456789abcdef',
  subjectId: 'sub_x',
  purpose: 'fraud-prevention',
  outcome: 'trade-held',
  inputs: { categories: ['ip-address', 'device-info'], summary: 'sign-in from a new device' },
  modelVersion: 'risk-4.2',
  factors: [{ name: 'new device', weight: 0.6, direction: 'negative' }, { name: 'account age', weight: 0.25, direction: 'positive' }],
  significant: true,
  registryVersion: 1,
  recordedBy: 'service:k1',
  decidedAt: '2026-03-01T23:30:00Z',
  ...over,
});

describe('explainDecision', () => {
  it("explains a significant decision in Korean from the registry's logic and criteria, with review, refusal (PIPA 37-2) and 30 days", () => {
    const e = explainDecision(kr, decision(), { regimes: ['pipa'], language: 'ko' });
    expect(e.language).toBe('ko');
    expect(e.purpose.label).toBe('부정 이용 방지');
    expect(e.logic).toContain('위험 점수를 계산합니다');
    expect(e.criteria).toContain('24시간');
    // the decision at 23:30 UTC is 2 March in Seoul
    expect(e.text).toContain('2026년 3월 2일');
    expect(e.text).toContain('new device (가중치 60%, 귀하에게 불리)');
    expect(e.text).toContain('account age (가중치 25%, 귀하에게 유리)');
    expect(e.text).toContain('제37조의2');
    expect(e.text).toContain('처리 기한: 30일');
    expect(e.law).toEqual(['PIPA-37.2-1']);
    expect(e.humanReview.available).toBe(true);
    expect(e.humanReview.channels.map((c) => c.id)).toContain('privacy-center');
    expect(e.text).toContain('https://market.example/privacy-center');
    expect(e.inputs.map((i) => i.label).join()).not.toContain('ip-address');
  });

  it('answers in the asked language, and in English when the subject language is not one of the four', () => {
    expect(explainDecision(kr, decision(), { regimes: ['pipa'], language: 'ko' }, 'en').text).toContain('Article 37-2');
    expect(explainDecision(kr, decision(), { regimes: ['pipa'], language: 'ja' }).language).toBe('en');
    const zh = explainDecision(kr, decision(), { regimes: ['pipa'], language: 'zh-Hant' });
    expect(zh.text).toContain('第37條之2');
    expect(zh.text).toContain('對您不利');
  });

  it('cites PIPL 24 for CN subjects and GDPR 22 for EU subjects', () => {
    const cn = explainDecision(shop, decision({ purpose: 'security', inputs: { categories: ['device-info'], summary: null } }), { regimes: ['pipl'], language: 'zh-Hans' });
    expect(cn.law).toEqual(['PIPL-24-3']);
    expect(cn.text).toContain('第二十四条');
    expect(cn.text).toContain('拒绝仅通过自动化决策方式作出决定');
    const eu = explainDecision(broker, decision({ purpose: 'credit-decision', inputs: { categories: ['credit-report'], summary: null } }), { regimes: ['gdpr'], language: 'en' });
    expect(eu.law).toEqual(['GDPR-22-1']);
    expect(eu.text).toContain('human intervention');
    expect(eu.text).toContain('one month');
  });

  it('says when a decision has no significant effect, and escapes factor names in HTML', () => {
    const e = explainDecision(kr, decision({ purpose: 'recommendation', significant: false, factors: [{ name: '<b>views</b>', weight: 1, direction: 'positive' }] }), { regimes: ['pipa'], language: 'en' });
    expect(e.text).toContain('does not significantly affect');
    expect(e.text).not.toContain('Article 37-2');
    expect(e.html).toContain('&#60;b&#62;views');
    expect(e.html).not.toContain('<b>views');
    expect(e.html.startsWith('<section lang="en"')).toBe(true);
  });
});
