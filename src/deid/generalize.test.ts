import { describe, it, expect } from 'vitest';
import { ageBand, cityOfAddress, generalizePostalCode, provinceOfResidentId } from './generalize.ts';
import { checkKAnonymity } from './k-anonymity.ts';

describe('generalisation', () => {
  it('turns a birth date into an age band', () => {
    const asOf = new Date(Date.UTC(2026, 0, 1));
    expect(ageBand('1990-03-07', asOf)).toBe('30-39');
    expect(ageBand('19900307', asOf, 5)).toBe('35-39');
    expect(ageBand('1930-01-01', asOf)).toBe('90+');
    expect(ageBand('2099-01-01', asOf)).toBeUndefined();
  });
  it('turns a resident ID into its province and an address into its city', () => {
    expect(provinceOfResidentId('440304199003071234')).toMatchObject({ code: '44', zh: '广东省', en: 'Guangdong' });
    expect(cityOfAddress('广东省深圳市南山区科技园路1号')).toBe('深圳市');
    expect(cityOfAddress('北京市朝阳区建国路88号')).toBe('北京市');
    expect(cityOfAddress('臺北市信義區市府路1號')).toBe('臺北市');
    expect(cityOfAddress('서울특별시 강남구 테헤란로 152')).toBe('서울특별시');
    expect(cityOfAddress('경기도 성남시 분당구 판교역로 235')).toBe('성남시');
    expect(cityOfAddress('12 Main St, Springfield, IL 62704')).toBe('Springfield');
    expect(generalizePostalCode('100101')).toBe('100');
  });
});

describe('checkKAnonymity', () => {
  const rows = [
    { age: '30-39', city: '北京市', spend: 1 }, { age: '30-39', city: '北京市', spend: 2 }, { age: '30-39', city: '北京市', spend: 3 },
    { age: '40-49', city: '上海市', spend: 4 }, { age: '40-49', city: '上海市', spend: 5 }, { age: '20-29', city: '深圳市', spend: 6 },
  ];
  it('refuses a table with a class smaller than k and reports sizes only', () => {
    const r = checkKAnonymity(rows, ['age', 'city'], 2);
    expect(r).toEqual({ ok: false, k: 2, rows: 6, classes: 3, smallestClass: 1, offendingClassSizes: [1] });
    expect(JSON.stringify(r)).not.toContain('深圳');
    expect(checkKAnonymity(rows.slice(0, 5), ['age', 'city'], 2).ok).toBe(true);
  });
});
