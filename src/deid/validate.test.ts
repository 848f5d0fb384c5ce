import { describe, it, expect } from 'vitest';
import { validate } from './validate.ts';

describe('validate', () => {
  it('refuses where check digits always apply, without echoing the value', () => {
    for (const [kind, bad] of [['cn-resident-id', '110105199003071230'], ['hk-id', 'A123456(4)'], ['tw-id', 'F135792465'], ['cn-uscc', '91110105MA01234B2X'], ['kr-brn', '123-45-67890']] as const) {
      const r = validate(kind, bad);
      expect(r.ok, kind).toBe(false);
      expect(r.reason).toBeDefined();
      expect(r.reason).not.toContain(bad);
      expect(r.reason).not.toMatch(/\d{6}/);
    }
  });
  it('accepts and normalises valid values', () => {
    expect(validate('cn-resident-id', '11010519900307123x'.replace('x', '9'))).toEqual({ ok: true, normalized: '110105199003071239' });
    expect(validate('hk-id', 'a123456(3)').normalized).toBe('A123456(3)');
    expect(validate('kr-brn', '1234567891').normalized).toBe('123-45-67891');
    expect(validate('cn-mobile', '+86 138 0013 8000').normalized).toBe('+8613800138000');
    expect(validate('cn-mobile', '１３８００１３８０００').ok).toBe(true);
    expect(validate('kr-phone', '010-1234-5678').normalized).toBe('+821012345678');
    expect(validate('email', 'Zhang.San@Example.COM').normalized).toBe('Zhang.San@example.com');
    expect(validate('birth-date', '1990年3月7日').normalized).toBe('1990-03-07');
  });
  it('only warns for post-2020 RRN/ARN, UnionPay Luhn and Macau ID', () => {
    const rrn = validate('kr-rrn', '900101-1234567');
    expect(rrn.ok).toBe(true);
    expect(rrn.warning).toMatch(/2020/);
    expect(validate('kr-arn', '900101-5123459').warning).toBeDefined();
    expect(validate('bank-card', '6212345678901233')).toMatchObject({ ok: true, warning: expect.any(String) });
    expect(validate('bank-card', '4111111111111112').ok).toBe(false);
    expect(validate('mo-id', '1234567(8)')).toMatchObject({ ok: true, warning: expect.any(String) });
  });
  it('refuses bad structure', () => {
    expect(validate('kr-rrn', '901301-1234568').ok).toBe(false);
    expect(validate('cn-resident-id', '440304200502290002').ok).toBe(false);
    expect(validate('cn-mobile', '12345678901').ok).toBe(false);
    expect(validate('ip', '192.0.2.300').ok).toBe(false);
    expect(validate('mo-id', '2234567(8)').ok).toBe(false);
  });
});
