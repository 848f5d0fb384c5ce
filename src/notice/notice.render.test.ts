import { describe, expect, it } from 'vitest';
import { LANGUAGES, loadRegistry, type Registry } from '../registry/index.ts';
import { renderNotice } from './index.ts';
import { FULL_REGISTRY_YAML, fullRegistry } from './notice.fixture.ts';
import { sampleRegistries } from './notice.testing.ts';

const minimal = () => {
  const r = loadRegistry(FULL_REGISTRY_YAML.replace(/^/, ''));
  if (!r.ok) throw new Error('fixture');
  return r.registry;
};

describe('renderNotice', () => {
  it('renders every sample registry in four languages and two formats, deterministically', () => {
    for (const { registry } of sampleRegistries()) {
      for (const lang of LANGUAGES) {
        for (const format of ['html', 'md'] as const) {
          const a = renderNotice(registry, lang, format);
          expect(a).toBe(renderNotice(registry, lang, format));
          expect(a.length).toBeGreaterThan(1000);
        }
      }
    }
  });

  it('writes a self-contained accessible page', () => {
    const html = renderNotice(fullRegistry(), 'ko', 'html');
    expect(html).toMatch(/^<!doctype html>\n<html lang="ko">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toMatch(/<a class="skip" href="#main">본문 바로가기<\/a>/);
    expect(html).toContain('<main id="main"');
    expect(html).toContain('@media print');
    expect(html).toContain('<th scope="row">');
    expect(html).toContain('<th scope="col">');
    expect(html).toMatch(/<caption[^>]*>/);
    expect(html).not.toMatch(/<(script|link|img)\b/);
    expect(html.match(/<h1>/g)).toHaveLength(1);
  });

  it('shows each recipient with name, contact, purpose, method and categories (PIPL 23 / 39) and its country and rights channel', () => {
    const md = renderNotice(fullRegistry(), 'zh-Hans', 'md');
    const abroad = md.slice(md.indexOf('## 9. 个人信息出境'));
    const parent = abroad.slice(abroad.indexOf('**海港控股株式会社**'), abroad.indexOf('**迅捷快递**'));
    for (const x of ['接收方所在国家或地区**：日本', 'privacy@harbor.example.jp', '处理目的**：账户与订单', '处理方式**：数据的转发', '个人信息种类**：姓名、手机号码', '向接收方行使权利的方式**：发送邮件至', '出境保障措施**：与境外接收方订立标准合同']) {
      expect(parent).toContain(x);
    }
  });

  it('renders retention in words per language', () => {
    const r = fullRegistry();
    expect(renderNotice(r, 'en', 'md')).toContain('3 years from collection');
    expect(renderNotice(r, 'zh-Hans', 'md')).toContain('自收集之日起3年');
    expect(renderNotice(r, 'zh-Hant', 'md')).toContain('自蒐集之日起3年');
    expect(renderNotice(r, 'ko', 'md')).toContain('수집일로부터 3년');
    expect(renderNotice(r, 'en', 'md')).toContain('Until you close your account, then 30 days');
    expect(renderNotice(r, 'zh-Hans', 'md')).toContain('至您注销账户后30天');
    expect(renderNotice(r, 'ko', 'md')).toContain('회원 탈퇴 후 30일까지');
  });

  it('calls out sensitive categories with necessity and impact (PIPL 30)', () => {
    const md = renderNotice(fullRegistry(), 'en', 'md');
    const s = md.slice(md.indexOf('## 4. Sensitive personal information'), md.indexOf('## 5.'));
    expect(s).toContain('**Why we need it**: Needed to sign in by face');
    expect(s).toContain('**Effect on you**: A leaked face image cannot be changed');
  });

  it('shows sections according to the regimes', () => {
    const pipl = sampleRegistries().find((s) => s.name === 'minimal')!.registry;
    const md = renderNotice(pipl, 'en', 'md');
    expect(md).not.toContain('Cookies and similar technologies');
    expect(md).not.toContain('Service providers working for us');
    const pipa: Registry = { ...pipl, organization: { ...pipl.organization, regimes: ['pipa'] } };
    const ko = renderNotice(pipa, 'ko', 'md');
    expect(ko).toContain('개인정보 자동 수집 장치의 설치·운영 및 거부');
    expect(ko).toContain('개인정보 처리의 위탁');
    expect(ko).toContain('10일 이내');
  });

  it('escapes registry text in HTML and Markdown and drops unsafe links', () => {
    const r = minimal();
    const evil: Registry = structuredClone(r);
    evil.organization.names.en = '<script>alert(1)</script> & "Co"';
    evil.organization.contact.url = 'javascript:alert(1)';
    evil.purposes[0].labels.en = '*bold* [x](http://evil) | pipe';
    const html = renderNotice(evil, 'en', 'html');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
    expect(html).not.toContain('href="javascript:');
    const md = renderNotice(evil, 'en', 'md');
    expect(md).toContain('\\<script\\>');
    expect(md).toContain('\\*bold\\* \\[x\\](http://evil) \\| pipe');
    expect(md).not.toContain('](javascript:');
  });

  it('falls back zh-Hans -> zh-Hant by conversion, then to English marked with its language', () => {
    const r = sampleRegistries().find((s) => s.name === 'minimal')!.registry;
    const tw = renderNotice(r, 'zh-Hant', 'html');
    expect(tw).toContain('阿克米有限公司');
    expect(tw).toContain('面部影像');
    expect(tw).not.toContain('lang="en"');
    const ko = renderNotice(r, 'ko', 'html');
    expect(ko).toContain('<span lang="en">Face image</span>');
  });

  it('renders all samples in four languages in well under a second', () => {
    const samples = sampleRegistries().map((s) => ({ registry: structuredClone(s.registry) }));
    const start = performance.now();
    for (const { registry } of samples) for (const lang of LANGUAGES) renderNotice(registry, lang, 'html');
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
