import { describe, it, expect } from 'vitest';
import { detect } from './detect.ts';

const types = (t: string) => detect(t).map((f) => [f.type, t.slice(f.start, f.end), f.checkDigit]);

describe('detect', () => {
  it('finds PRC identifiers with offsets in UTF-16 and UTF-8', () => {
    const t = '张三的身份证号是110105199003071239，手机13800138000，邮箱zhang.san@example.com。';
    const f = detect(t);
    expect(f.map((x) => x.type)).toEqual(['cn-resident-id', 'cn-mobile', 'email']);
    expect(f[0]).toMatchObject({ start: 8, end: 26, byteStart: 24, byteEnd: 42, checkDigit: true, masked: '1***************39' });
    for (const x of f) expect(Buffer.from(t).subarray(x.byteStart, x.byteEnd).toString()).toBe(t.slice(x.start, x.end));
  });
  it('ignores a resident ID with a wrong check digit at the default confidence', () => {
    expect(detect('身份证：110105199003071230')).toEqual([]);
    expect(detect('身份证：110105199003071230', { minConfidence: 0 })[0]).toMatchObject({ type: 'cn-resident-id', checkDigit: false });
  });
  it('understands full-width digits and separators', () => {
    expect(types('全角１３８－００１３－８０００')).toEqual([['cn-mobile', '１３８－００１３－８０００', 'not-applicable']]);
    expect(types('电话：+86 138 0013 8000 或 010-12345678')).toEqual([['cn-mobile', '+86 138 0013 8000', 'not-applicable'], ['cn-landline', '010-12345678', 'not-applicable']]);
  });
  it('finds HK, MO, TW identifiers', () => {
    expect(types('香港身份證 A123456(3)，澳門 1234567(8)，台灣 F135792464, 居留證 A800000014').map((x) => x[0])).toEqual(['hk-id', 'mo-id', 'tw-id', 'tw-resident-cert']);
  });
  it('finds Korean identifiers; a post-2020 RRN has no applicable check digit', () => {
    const t = '주민등록번호 900101-1234568, 외국인 900101-5123452, 사업자등록번호 123-45-67891, 운전면허 11-20-123456-78, 여권 M123A4567, 전화 010-1234-5678';
    expect(types(t).map((x) => x[0])).toEqual(['kr-rrn', 'kr-arn', 'kr-brn', 'kr-driver-licence', 'kr-passport', 'kr-phone']);
    expect(types('주민등록번호 210315-3846271')).toEqual([['kr-rrn', '210315-3846271', 'not-applicable']]);
  });
  it('finds keyword-led names, addresses, dates and postcodes, and network identifiers', () => {
    expect(types('姓名：王芳女士，出生日期：1990年3月7日，地址：北京市朝阳区建国路88号，邮编：100101').map((x) => x.slice(0, 2))).toEqual([
      ['name', '王芳'], ['birth-date', '1990年3月7日'], ['address', '北京市朝阳区建国路88号'], ['postal-code', '100101']]);
    expect(types('Name: John Smith; IP 192.0.2.10 and 2001:db8::1, MAC 00:1A:2B:3C:4D:5E, IMEI 35-209900-176148-1').map((x) => x[0])).toEqual(['name', 'ip', 'ip', 'mac', 'imei']);
  });
  it('leaves order numbers, tracking numbers and timestamps alone', () => {
    expect(detect('订单号：2024011512345678 时间 2024-01-15 10:30:00 运单 SF1234567890123 ts=1700000000000')).toEqual([]);
  });
});
