import { describe, it, expect } from 'vitest';
import { hkidCheckChar, krArnChecksumOk, krBrnCheckDigit, krRrnCheckDigit, luhnOk, ricCheckChar, ricShapeOk, twChecksumOk, usccValid } from './checksums.ts';

describe('check digits (examples of identifiers.md §1.17)', () => {
  it('PRC resident ID MOD 11-2 and date', () => {
    expect(ricCheckChar('11010519900307123')).toBe('9');
    expect(ricShapeOk('440304200502290002')).toBe(false);
  });
  it('USCC', () => {
    expect(usccValid('91110105MA01234B2Y')).toBe(true);
    expect(usccValid('91110105MA01234B2X')).toBe(false);
  });
  it('HKID', () => {
    expect(hkidCheckChar('A123456')).toBe('3');
    expect(hkidCheckChar('XY246813')).toBe('4');
  });
  it('Taiwan ID and resident certificates', () => {
    expect(twChecksumOk('F135792464')).toBe(true);
    expect(twChecksumOk('F135792465')).toBe(false);
    expect(twChecksumOk('A800000014')).toBe(true);
    expect(twChecksumOk('AC12345679')).toBe(true);
  });
  it('Korean RRN, ARN, BRN', () => {
    expect(krRrnCheckDigit('900101123456')).toBe('8');
    expect(krArnChecksumOk('9001015123452')).toBe(true);
    expect(krArnChecksumOk('9001015123459')).toBe(false);
    expect(krBrnCheckDigit('123456789')).toBe('1');
  });
  it('Luhn', () => {
    expect(luhnOk('6212345678901232')).toBe(true);
    expect(luhnOk('6212345678901233')).toBe(false);
  });
});
