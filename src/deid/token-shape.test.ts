import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nextToken } from './token-shape.ts';

// The specification: the regex the scanner replaced (linear; the scanner must find exactly its matches).
const W = '0-9A-Za-z\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A';
const SEP = `(?:[-\\uFF0D\\u2010\\u2013./\\uFF0E\\uFF0F:\\uFF1A()\\uFF08\\uFF09]{1,2}(?:[ \\u3000](?=[+\\uFF0B(\\uFF08]?[0-9\\uFF10-\\uFF19]))?|[ \\u3000]{1,2}[+\\uFF0B(\\uFF08]?(?=[0-9\\uFF10-\\uFF19]))`;
const TOKEN_SPEC = new RegExp(`(?<![${W}])[+\\uFF0B(\\uFF08]?(?=[A-Za-z\\uFF21-\\uFF3A\\uFF41-\\uFF5A]{0,4}[0-9\\uFF10-\\uFF19])[${W}]{1,24}(?:${SEP}[${W}]{1,24}){0,11}[)\\uFF09]?`, 'g');

function bySpec(text: string): [number, number][] {
  const out: [number, number][] = [];
  TOKEN_SPEC.lastIndex = 0;
  for (let m = TOKEN_SPEC.exec(text); m; m = TOKEN_SPEC.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

function byScanner(text: string): [number, number][] {
  const out: [number, number][] = [];
  const t = { start: 0, end: 0 };
  for (let at = 0; nextToken(text, at, t); at = t.end) out.push([t.start, t.end]);
  return out;
}

const PIECES = [...'0123456789０９aZxXＡｚ-－‐–./．／:：()（）+＋ 　 \t\n@_,身号이', '12', '1234', 'ABCDE', 'abcd1', '  ', '--', '((', '0'.repeat(30)];

describe('token shape', () => {
  it('finds exactly the matches of the regex it replaced', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((a) => a.join('')), (text) => {
      expect(byScanner(text)).toEqual(bySpec(text));
    }), { numRuns: 20000 });
  });

  it('caps groups at 24 characters and tokens at 12 groups', () => {
    const long = '1'.repeat(30);
    expect(byScanner(long)).toEqual(bySpec(long));
    const many = Array.from({ length: 20 }, () => '12').join('-');
    expect(byScanner(many)).toEqual(bySpec(many));
    expect(byScanner(many)[0]).toEqual([0, 12 * 3 - 1]);
  });
});
