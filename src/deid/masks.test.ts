import { describe, it, expect } from 'vitest';
import { mask } from './masks.ts';

describe('mask defaults (identifiers.md §1.17)', () => {
  it.each([
    ['cn-resident-id', '110105199003071239', '1***************39'],
    ['cn-uscc', '91110105MA01234B2Y', '91110105********2Y'],
    ['cn-mobile', '13800138000', '138****8000'],
    ['cn-landline', '010-12345678', '010-******78'],
    ['bank-card', '6212345678901232', '621234******1232'],
    ['cn-passport', 'E12345678', 'E****5678'],
    ['hk-id', 'A123456(3)', 'A123***(*)'],
    ['mo-id', '1234567(8)', '1******(8)'],
    ['tw-id', 'F135792464', 'F1*****464'],
    ['kr-rrn', '900101-1234568', '900101-*******'],
    ['kr-brn', '123-45-67891', '123-45-*****'],
    ['kr-phone', '010-1234-5678', '010-1234-****'],
    ['kr-passport', 'M123A4567', 'M*****567'],
    ['kr-driver-licence', '11-20-123456-78', '11-20-******-**'],
    ['email', 'zhang.san@example.com', 'z********@example.com'],
    ['ip', '192.0.2.10', '192.*.*.*'],
    ['name', '张三丰', '张**'],
    ['name', '欧阳娜娜', '欧阳**'],
    ['name', '홍길동', '홍*동'],
  ] as const)('%s %s', (kind, value, expected) => {
    expect(mask(kind, value)).toBe(expected);
  });
  it('keeps the international prefix and full-width characters', () => {
    expect(mask('cn-mobile', '+86 138 0013 8000')).toBe('+86 138 **** 8000');
    expect(mask('cn-mobile', '１３８－００１３－８０００')).toBe('１３８－****－８０００');
  });
  it('applies a deployment override', () => {
    expect(mask('cn-resident-id', '110105199003071239', { 'cn-resident-id': { keepFirst: 6, keepLast: 4 } })).toBe('110105********1239');
  });
});
