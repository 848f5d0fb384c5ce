// The web app's pure helpers: language detection by script and region, request deadlines, masking, messages.
import { describe, expect, it } from 'vitest';
import { ERRORS } from '../src/errors.ts';
import { detectLanguage, matchTag } from '../web/app/i18n/detect.ts';
import { MESSAGES, translator } from '../web/app/i18n/index.ts';
import { maskValue } from '../web/app/lib/mask.ts';
import { byDeadline, isOverdue, requestList } from '../web/app/lib/requests.ts';

describe('web app helpers', () => {
  it('picks Traditional Chinese for Taiwan, Hong Kong, Macau and Hant scripts, Simplified for the rest of zh', () => {
    for (const tag of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-CN', 'zh_TW', 'yue']) expect(matchTag(tag)).toBe('zh-Hant');
    for (const tag of ['zh', 'zh-CN', 'zh-SG', 'zh-Hans', 'zh-Hans-HK', 'zh-Hans-TW']) expect(matchTag(tag)).toBe('zh-Hans');
    expect(matchTag('ko-KR')).toBe('ko');
    expect(matchTag('fr-FR')).toBeUndefined();
    expect(detectLanguage(['fr-FR', 'ko'])).toBe('ko');
    expect(detectLanguage(['de', 'fr'])).toBe('en');
    expect(detectLanguage([])).toBe('en');
  });

  it('has every message in every language, with the same placeholders', () => {
    const en = MESSAGES.en;
    for (const [lang, m] of Object.entries(MESSAGES)) {
      expect(Object.keys(m).sort(), lang).toEqual(Object.keys(en).sort());
      for (const k of Object.keys(en) as (keyof typeof en)[]) {
        expect((m[k].match(/\{\w+\}/g) ?? []).sort(), `${lang} ${k}`).toEqual((en[k].match(/\{\w+\}/g) ?? []).sort());
      }
    }
    expect(translator('ko')('admin.registry.version', { n: 3 })).toBe('버전 3');
  });

  it('words every refusal a person can meet on the choices screen, and only codes the server has', () => {
    const problemKeys = Object.keys(MESSAGES.en).filter((k) => k.startsWith('problem.') && k !== 'problem.rule').map((k) => k.slice('problem.'.length));
    for (const code of problemKeys) expect(Object.keys(ERRORS), code).toContain(code);
    // the privacy center's consent and permission routes refuse with these (src/consent/consent.rules.ts, consent.service.ts)
    for (const code of Object.keys(ERRORS).filter((c) => c.startsWith('CONSENT_') || c === 'PERMISSION_UNKNOWN' || c.startsWith('PURPOSE_') || c === 'RECIPIENT_UNKNOWN')) {
      expect(problemKeys, code).toContain(code);
    }
    expect(translator('zh-Hans')('problem.rule', { rule: 'PIPL-31-1' })).toBe('依据规则 PIPL-31-1');
  });

  it('sorts requests by deadline and flags open ones past it', () => {
    const now = Date.parse('2026-05-10T00:00:00Z');
    const list = requestList({ requests: [
      { id: 'b', type: 'access', status: 'open', receivedAt: '2026-04-01', dueAt: '2026-05-01T00:00:00Z' },
      { id: 'a', type: 'erase', status: 'open', receivedAt: '2026-04-20', dueAt: '2026-05-20T00:00:00Z' },
      { id: 'c', type: 'copy', status: 'completed', receivedAt: '2026-03-01', dueAt: '2026-04-01T00:00:00Z' },
    ] });
    expect([...list].sort(byDeadline).map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(list.map((r) => isOverdue(r, now))).toEqual([true, false, false]);
    expect(isOverdue({ ...list[1], overdue: true }, now)).toBe(true);
  });

  it('masks values without giving them away', () => {
    expect(maskValue('li.wei@example.cn')).toBe('l•••••@example.cn');
    expect(maskValue('+86 138 0013 8000')).toMatch(/^•+8000$/);
    expect(maskValue('小李')).toBe('••');
  });
});
