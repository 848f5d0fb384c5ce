import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../registry/index.ts';
import { renderNotice } from './index.ts';
import { MESSAGES } from './messages/messages.catalogue.ts';
import { ownText, sampleRegistries } from './notice.testing.ts';

const HAN = /\p{Script=Han}/u;
// Codes may stay in Latin letters: country and currency codes, regime names (CN¥, JP, PIPL).
const latinWords = (text: string) => (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => w !== w.toUpperCase());

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

// Every message, with its functions called on typical arguments ("X" stands for registry text).
function allMessages(lang: (typeof LANGUAGES)[number]): string[] {
  const m = MESSAGES[lang];
  // The sentence gap is empty in Chinese by design.
  const { sentenceGap: _gap, ...rest } = m;
  const d = { years: 1, months: 6, weeks: 2, days: 3, hours: 4, minutes: 5, seconds: 6 };
  const triggers = ['account-closed', 'purpose-fulfilled', 'consent-withdrawn', 'contract-ended'] as const;
  return [
    ...strings(rest),
    m.date(2026, 3, 1), m.duration(d), m.retentionFor('X', 'collection'), m.retentionFor('X', 'last-use'),
    ...triggers.flatMap((t) => [m.retentionUntil(t), m.retentionUntil(t, 'X')]),
    m.intro('X'), m.complaintText(), m.complaintText('X'), m.feeAmount('X'), m.feeAmount('X', 'X'),
    m.childrenText(), m.childrenText(14), m.paren('X'),
  ];
}

describe('notice languages', () => {
  it('has no empty message in any language', () => {
    for (const lang of LANGUAGES) for (const s of allMessages(lang)) expect(s.trim().length, lang).toBeGreaterThan(0);
  });

  it('keeps Korean messages free of Han characters and all CJK messages free of Latin words', () => {
    for (const s of allMessages('ko')) expect(HAN.test(s), s).toBe(false);
    for (const lang of ['ko', 'zh-Hans', 'zh-Hant'] as const) {
      for (const s of allMessages(lang)) expect(latinWords(s), `${lang}: ${s}`).toEqual([]);
    }
  });

  it('writes no Han characters and no English words in a Korean notice beyond registry-supplied names', () => {
    for (const { name, registry } of sampleRegistries()) {
      const rest = ownText(renderNotice(registry, 'ko', 'md'), registry);
      expect(rest.match(/\p{Script=Han}+/gu) ?? [], name).toEqual([]);
      expect(latinWords(rest), name).toEqual([]);
    }
  });

  it('writes no Latin words in Chinese notices beyond codes and registry-supplied names', () => {
    for (const { name, registry } of sampleRegistries()) {
      for (const lang of ['zh-Hans', 'zh-Hant'] as const) {
        expect(latinWords(ownText(renderNotice(registry, lang, 'md'), registry)), `${name} ${lang}`).toEqual([]);
      }
    }
  });

  it('uses Taiwan wording in zh-Hant rather than a conversion of the mainland text', () => {
    const m = MESSAGES['zh-Hant'];
    expect(m.title).toBe('隱私權政策');
    expect(strings(m).join('')).toContain('個人資料');
    expect(strings(m).join('')).not.toMatch(/個人信息|帳戶註銷|數據/);
  });
});
