import { describe, expect, it } from 'vitest';
import { loadRegistryFile, LANGUAGES, type Registry } from '../registry/index.ts';
import { BannerConfig } from './banner.model.ts';
import { bannerConfig, canonicalLanguage, matchLanguage } from './banner.service.ts';
import { CLASS_TEXTS, TEXTS } from './banner.texts.ts';

const ALL = [...LANGUAGES];

describe('banner language matching', () => {
  it('tells the Chinese scripts apart by script subtag and by region', () => {
    const cases: [string, string | undefined][] = [
      ['zh-TW', 'zh-Hant'], ['zh-HK', 'zh-Hant'], ['zh-MO', 'zh-Hant'], ['zh-Hant', 'zh-Hant'], ['zh-Hant-HK', 'zh-Hant'], ['zh_TW', 'zh-Hant'],
      ['zh-CN', 'zh-Hans'], ['zh-SG', 'zh-Hans'], ['zh', 'zh-Hans'], ['zh-Hans', 'zh-Hans'], ['zh-Hans-HK', 'zh-Hans'], ['ZH-cn', 'zh-Hans'],
      ['ko', 'ko'], ['ko-KR', 'ko'], ['en-GB', 'en'], ['en', 'en'], ['fr-FR', undefined], ['ja', undefined],
    ];
    for (const [tag, want] of cases) expect(canonicalLanguage(tag), tag).toBe(want);
  });

  it('takes the first preferred language the registry declares, else English, else the first declared', () => {
    expect(matchLanguage(['fr', 'ko-KR', 'en'], ALL)).toBe('ko');
    expect(matchLanguage('zh-TW,zh;q=0.9,en;q=0.8', ALL)).toBe('zh-Hant');
    expect(matchLanguage('fr-FR,de', ALL)).toBe('en');
    expect(matchLanguage(undefined, ALL)).toBe('en');
    expect(matchLanguage(['ko'], ['zh-Hans', 'en'])).toBe('en');
    expect(matchLanguage(['fr'], ['zh-Hans', 'ko'])).toBe('zh-Hans');
    // a Traditional Chinese reader on a Simplified-only site gets Simplified before English
    expect(matchLanguage(['zh-TW', 'en'], ['zh-Hans', 'en'])).toBe('en');
    expect(matchLanguage(['zh-TW'], ['zh-Hans', 'en'])).toBe('zh-Hans');
    expect(matchLanguage(['zh-HK', 'fr'], ['en', 'zh-Hans'])).toBe('zh-Hans');
  });
});

describe('banner config', () => {
  const loaded = loadRegistryFile('examples/001-cybozu-shanghai.live.yaml');
  if (!loaded.ok) throw new Error('the 001 live registry does not load');
  const registry = loaded.registry;
  const withAds: Registry = {
    ...registry,
    trackers: [...registry.trackers, { id: 'ad-pixel', labels: { en: 'Ad pixel', 'zh-Hans': '广告像素', 'zh-Hant': '廣告像素', ko: '광고 픽셀' }, class: 'advertising', cookies: ['_ad'] }],
  };

  it('groups trackers by class with labels in the visitor language and always lists necessary', () => {
    const c = bannerConfig(withAds, 'zh-TW', 7);
    expect(BannerConfig.parse(c)).toEqual(c);
    expect(c).toMatchObject({ registryVersion: 7, language: 'zh-Hant' });
    expect(c.classes.map((k) => k.id)).toEqual(['necessary', 'analytics', 'advertising']);
    expect(c.classes[0]).toMatchObject({ required: true, name: '必要' });
    const analytics = c.classes.find((k) => k.id === 'analytics')!;
    expect(analytics.trackers).toEqual([{ id: 'baidu-tongji', label: '百度統計', recipient: expect.any(String), cookies: ['Hm_lvt_*', 'Hm_lpvt_*'], retention: 'P1Y' }]);
    expect(c.texts.rejectAll).toBe('全部拒絕');
  });

  it('leaves out classes without trackers and speaks each of the four languages', () => {
    const want = { 'zh-CN': ['zh-Hans', '全部拒绝', '统计分析', '百度统计'], 'zh-Hant-TW': ['zh-Hant', '全部拒絕', '統計分析', '百度統計'], 'ko-KR': ['ko', '모두 거부', '분석', '바이두 통계'], 'en-US': ['en', 'Reject all', 'Analytics', 'Baidu Tongji'] } as const;
    for (const [tag, [lang, reject, analytics, label]] of Object.entries(want)) {
      const c = bannerConfig(registry, tag, 1);
      expect(c.classes.map((k) => k.id)).toEqual(['necessary', 'analytics']);
      expect([c.language, c.texts.rejectAll, c.classes[1].name, c.classes[1].trackers[0].label]).toEqual([lang, reject, analytics, label]);
    }
  });

  it('has every text in every language, none empty', () => {
    for (const lang of LANGUAGES) {
      expect(Object.keys(TEXTS[lang]).sort()).toEqual(Object.keys(TEXTS.en).sort());
      for (const v of Object.values(TEXTS[lang])) expect(v.trim().length).toBeGreaterThan(0);
      for (const [name, description] of Object.values(CLASS_TEXTS[lang])) expect(name && description).toBeTruthy();
    }
  });

  it('falls back to English labels when the registry lacks the language', () => {
    const enOnly: Registry = { ...registry, organization: { ...registry.organization, languages: ['en'] } };
    expect(bannerConfig(enOnly, 'ko', 1).language).toBe('en');
  });
});
