import { describe, it, expect } from 'vitest';
import { pseudonym } from './pseudonym.ts';
import { pseudonymFormatPreserving } from './pseudonym-format.ts';
import { validate } from './validate.ts';
import { redact } from './redact.ts';

describe('pseudonyms', () => {
  it('are stable per key, shared across spellings, unlinkable across keys', () => {
    const a = pseudonym('cn-mobile', '13800138000', 'key-1');
    expect(pseudonym('cn-mobile', '138-0013-8000', 'key-1')).toBe(a);
    expect(pseudonym('cn-mobile', '+86 138 0013 8000', 'key-1')).toBe(a);
    expect(pseudonym('cn-mobile', '13800138000', 'key-2')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });
  it.each([
    ['cn-resident-id', '110105199003071239'],
    ['cn-uscc', '91110105MA01234B2Y'],
    ['hk-id', 'A123456(3)'],
    ['tw-id', 'F135792464'],
    ['tw-resident-cert', 'A800000014'],
    ['kr-rrn', '900101-1234568'],
    ['kr-brn', '123-45-67891'],
    ['bank-card', '6212 3456 7890 1232'],
    ['imei', '352099001761481'],
    ['cn-mobile', '138-0013-8000'],
    ['birth-date', '1990-03-07'],
  ] as const)('format-preserving %s keeps the shape and a valid check digit', (kind, value) => {
    const p = pseudonymFormatPreserving(kind, value, 'k');
    expect(p).not.toBe(value);
    expect(p.length).toBe(value.length);
    expect(p.replace(/\d/g, '9').replace(/[A-Z]/g, 'A')).toBe(value.replace(/\d/g, '9').replace(/[A-Z]/g, 'A'));
    const v = validate(kind, p);
    expect(v.ok).toBe(true);
    expect(v.warning).toBeUndefined();
    expect(pseudonymFormatPreserving(kind, value, 'k')).toBe(p);
  });
  it('keep e-mail and IPv4 shapes', () => {
    const e = pseudonymFormatPreserving('email', 'zhang.san@example.com', 'k');
    expect(e).toMatch(/^[a-z]{5}\.[a-z]{3}@[a-z]{7}\.com$/);
    expect(validate('ip', pseudonymFormatPreserving('ip', '192.168.1.10', 'k')).ok).toBe(true);
  });
});

describe('redact', () => {
  const text = '张三的手机13800138000，身份证110105199003071239。';
  it('masks, tags and pseudonymises every finding', () => {
    expect(redact(text, 'mask').text).toBe('张三的手机138****8000，身份证1***************39。');
    expect(redact(text, 'tag').text).toBe('张三的手机[cn-mobile]，身份证[cn-resident-id]。');
    expect(redact(text, 'pseudonym', { key: 'k' }).text).toMatch(/^张三的手机\[cn-mobile:[0-9a-f]{12}\]，身份证\[cn-resident-id:[0-9a-f]{12}\]。$/);
    const fp = redact(text, 'pseudonym', { key: 'k', formatPreserving: true }).text;
    expect(fp).not.toContain('13800138000');
    expect(redact(fp, 'tag').text).toBe('张三的手机[cn-mobile]，身份证[cn-resident-id]。');
  });
  it('refuses pseudonyms without a key', () => {
    expect(() => redact(text, 'pseudonym')).toThrow(/key/);
  });
});
