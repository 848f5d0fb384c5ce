import { describe, it, expect } from 'vitest';
import { generateCorpus } from './generate.ts';
import { evaluate } from './evaluate.ts';
import { detect } from '../detect.ts';
import { validate } from '../validate.ts';

// Types whose check digit always applies must reach 0.99; phones and e-mail 0.95 (the targets).
const STRICT = ['cn-resident-id', 'cn-uscc', 'hk-id', 'tw-id', 'tw-resident-cert', 'kr-brn'];
const PHONES = ['cn-mobile', 'cn-landline', 'kr-phone', 'hk-phone', 'mo-phone', 'tw-phone', 'email'];

describe('evaluation corpus', () => {
  const corpus = generateCorpus(20260101, 2500);

  it('is deterministic', () => {
    expect(generateCorpus(20260101, 50).text).toBe(generateCorpus(20260101, 50).text);
    expect(generateCorpus(1, 50).text).not.toBe(generateCorpus(2, 50).text);
  });

  it('labels only values the validators accept', () => {
    for (const l of corpus.labels) {
      if (['name', 'address', 'postal-code', 'birth-date', 'kr-rrn', 'kr-arn', 'bank-card', 'passport', 'ip'].includes(l.type)) continue;
      expect(validate(l.type, l.value).ok, `${l.type}`).toBe(true);
    }
  });

  it('meets the precision and recall targets per type', () => {
    const scores = evaluate(corpus.labels, detect(corpus.text));
    for (const t of STRICT) {
      expect(scores[t].tp, t).toBeGreaterThan(100);
      expect(scores[t].precision, `${t} precision`).toBeGreaterThanOrEqual(0.99);
      expect(scores[t].recall, `${t} recall`).toBeGreaterThanOrEqual(0.99);
    }
    for (const t of PHONES) {
      expect(scores[t].tp, t).toBeGreaterThan(50);
      expect(scores[t].precision, `${t} precision`).toBeGreaterThanOrEqual(0.95);
      expect(scores[t].recall, `${t} recall`).toBeGreaterThanOrEqual(0.95);
    }
  });
});
