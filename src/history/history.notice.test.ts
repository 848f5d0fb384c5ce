import { describe, expect, it } from 'vitest';
import { loadRegistryFile, type Registry } from '../registry/index.ts';
import { usageHistoryNotice, yearWindow } from './history.notice.ts';
import type { ProvisionRecord, UseRecord } from './history.model.ts';

const loaded = loadRegistryFile('examples/004-kr-marketplace.live.yaml');
if (!loaded.ok) throw new Error('004 does not load');
const kr: Registry = loaded.registry;

const audit: UseRecord[] = [
  // 00:30 on 1 January 2025 in Seoul: inside 2025
  { at: '2024-12-31T15:30:00.000Z', action: 'data.write', purpose: 'registration', categories: ['name', 'phone'] },
  { at: '2025-03-10T02:00:00.000Z', action: 'data.read', purpose: 'registration', categories: ['email'], decision: 'allow-full' },
  { at: '2025-06-01T02:00:00.000Z', action: 'data.read', purpose: 'registration', categories: ['phone'], decision: 'allow-masked' },
  { at: '2025-07-01T02:00:00.000Z', action: 'data.read', purpose: 'marketing', categories: ['phone'], decision: 'deny' },
  { at: '2025-08-01T02:00:00.000Z', action: 'adm.decision', purpose: 'fraud-prevention', categories: ['ip-address', 'device-info'] },
  { at: '2025-08-02T02:00:00.000Z', action: 'data.lookup', purpose: null, categories: [] },
  // midnight of 1 January 2026 in Seoul: outside 2025
  { at: '2025-12-31T15:00:00.000Z', action: 'data.read', purpose: 'trading', categories: ['order-number'], decision: 'allow-full' },
];
const shares: ProvisionRecord[] = [
  { recipient: 'sellers', purpose: 'seller-provision', categories: ['name', 'phone', 'shipping-address'], sharedAt: '2025-05-05T03:00:00.000Z', country: 'KR' },
  { recipient: 'sellers', purpose: 'seller-provision', categories: ['name'], sharedAt: '2024-05-05T03:00:00.000Z', country: 'KR' },
];

describe('usageHistoryNotice (PIPA 20-2)', () => {
  it('lists the purposes used and the provisions of the Korean calendar year, in Korean by default', () => {
    const n = usageHistoryNotice(kr, {}, { audit, shares, year: 2025 });
    expect(n.language).toBe('ko');
    expect(n.period).toEqual({ from: '2024-12-31T15:00:00.000Z', to: '2025-12-31T15:00:00.000Z' });
    expect(n.uses.map((u) => [u.purpose, u.count, u.items.map((i) => i.category)])).toEqual([
      ['registration', 3, ['name', 'phone', 'email']],
      ['fraud-prevention', 1, ['ip-address', 'device-info']],
    ]);
    expect(n.provisions).toHaveLength(1);
    expect(n.provisions[0]).toMatchObject({ recipient: 'sellers', name: '이용자가 주문한 상품의 판매자', country: 'KR', purpose: 'seller-provision' });
    expect(n.text).toContain('개인정보 이용·제공 내역 통지 (2025년)');
    expect(n.text).toContain('제20조의2');
    expect(n.text).toContain('2025년 1월 1일부터 2025년 12월 31일까지');
    expect(n.text).toContain('회원가입 및 회원 관리');
    expect(n.text).toContain('(3회, 처음 2025년 1월 1일');
    expect(n.text).toContain('제공일 2025년 5월 5일');
    expect(n.text).toContain('예시마켓 주식회사');
    expect(n.law).toEqual(['PIPA-20-1']);
    expect(n.html).toMatch(/^<section lang="ko" class="usage-history"><h1>/);
  });

  it('speaks the other three languages and says when nothing was used or provided', () => {
    const en = usageHistoryNotice(kr, { language: 'en' }, { audit, shares, year: 2025 });
    expect(en.text).toContain('Article 20-2');
    expect(en.text).toContain('Registration and account management: ');
    expect(en.text).toContain('The seller of the goods you order (South Korea): purpose');
    for (const lang of ['zh-Hans', 'zh-Hant'] as const) {
      const z = usageHistoryNotice(kr, {}, { audit, shares, year: 2025, language: lang });
      expect(z.language).toBe(lang);
      expect(z.text).toContain('第20条之2'.replace('条', lang === 'zh-Hant' ? '條' : '条'));
    }
    const empty = usageHistoryNotice(kr, { language: 'ko' }, { audit, shares, year: 2023 });
    expect(empty.uses).toEqual([]);
    expect(empty.text).toContain('이 기간에 이용한 내역이 없습니다.');
    expect(empty.text).toContain('이 기간에 제3자에게 제공한 내역이 없습니다.');
  });

  it('uses the Korean calendar year for its window', () => {
    expect(yearWindow(2026)).toEqual({ from: new Date('2025-12-31T15:00:00Z'), to: new Date('2026-12-31T15:00:00Z') });
  });
});
