// The consent banner in a real Chromium against a real server: trackers stay blocked until opt-in, "Reject all" is as
// prominent as "Accept all", the dialog is keyboard operable, GPC turns advertising off, and zh-TW gets Traditional Chinese.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, type ServerProcess } from '../server-process.ts';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SHOTS = process.env.BANNER_SHOTS ?? tmpdir();
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

describe('consent banner in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'custodia-banner-'));
    server = await spawnServer(['--data', dir, '--registry', 'examples/001-cybozu-shanghai.live.yaml']);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function openDemo(opts: BrowserContextOptions = {}): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...opts });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/demo/banner`);
    return page;
  }
  const loaded = (page: Page) => page.evaluate(() => (globalThis as any).__fakeAnalyticsLoaded === true);
  const choice = (page: Page) => page.evaluate(() => (globalThis as any).Custodia.banner.choice());
  const focused = (page: Page) => page.evaluate(() => (globalThis as any).document.getElementById('custodia-banner')?.shadowRoot?.activeElement?.textContent ?? null);

  it('blocks analytics until opt-in, rejects as easily as it accepts, and unblocks after consent', async () => {
    const page = await openDemo({ locale: 'en-US' });
    const dialog = page.getByRole('dialog', { name: 'How we use cookies and similar technologies' });
    await dialog.waitFor();
    expect(await loaded(page)).toBe(false);
    expect(await choice(page)).toBeNull();

    const reject = dialog.getByRole('button', { name: 'Reject all' });
    const accept = dialog.getByRole('button', { name: 'Accept all' });
    // runs in the page; the project compiles without the DOM library, hence the loose types
    const look = (el: any) => {
      const s = (globalThis as any).getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return { w: Math.round(r.width), h: Math.round(r.height), bg: s.backgroundColor, fg: s.color, size: s.fontSize, weight: s.fontWeight, border: s.borderTopWidth };
    };
    expect(await reject.evaluate(look)).toEqual(await accept.evaluate(look));
    await page.screenshot({ path: join(SHOTS, 'banner-en-desktop.png') });

    // keyboard: focus starts in the dialog, Tab reaches "Reject all" first, Enter chooses it
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Reject all');
    await page.screenshot({ path: join(SHOTS, 'banner-en-desktop-focus.png') });
    const posted = page.waitForResponse((r) => r.url().endsWith('/v1/banner/choices') && r.request().method() === 'POST');
    await page.keyboard.press('Enter');
    expect((await posted).status()).toBe(201);
    await expect(dialog.count()).resolves.toBe(0);
    await page.waitForTimeout(300);
    expect(await loaded(page)).toBe(false);
    await page.waitForFunction(() => (globalThis as any).Custodia.banner.choice()?.visitorId);
    const first = await choice(page);
    expect(first.choices).toMatchObject({ necessary: true, analytics: false });

    await page.reload();
    await page.waitForTimeout(500);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await loaded(page)).toBe(false);

    await page.getByRole('link', { name: 'Cookie settings' }).click();
    await page.getByRole('button', { name: 'Choose by category' }).click();
    const necessary = page.getByRole('switch', { name: 'Necessary' });
    expect(await necessary.getAttribute('aria-checked')).toBe('true');
    expect(await necessary.getAttribute('aria-disabled')).toBe('true');
    const analytics = page.getByRole('switch', { name: 'Analytics' });
    expect(await analytics.getAttribute('aria-checked')).toBe('false');
    await page.screenshot({ path: join(SHOTS, 'banner-en-desktop-custom.png') });
    await analytics.focus();
    await page.keyboard.press('Space');
    expect(await analytics.getAttribute('aria-checked')).toBe('true');
    const saved = page.waitForResponse((r) => r.url().endsWith('/v1/banner/choices') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Save choices' }).click();
    const view = await (await saved).json();
    expect(view).toMatchObject({ visitorId: first.visitorId, seq: '2', choices: { analytics: true } });
    await page.waitForFunction(() => (globalThis as any).__fakeAnalyticsLoaded === true, undefined, { timeout: 5000 });
    expect(await page.locator('#analytics').textContent()).toBe('loaded');

    const stored = (await (await fetch(`${server.url}/v1/banner/choices/${first.visitorId}`)).json()) as { choices: { analytics: boolean } };
    expect(stored.choices.analytics).toBe(true);
    await page.reload();
    await page.waitForFunction(() => (globalThis as any).__fakeAnalyticsLoaded === true, undefined, { timeout: 5000 });

    // withdrawing is as easy as consenting; a script that already ran is stopped by reloading the page
    await page.evaluate(() => (globalThis as any).Custodia.banner.open());
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Reject all' }).click();
    await reloaded;
    await page.waitForTimeout(300);
    expect(await loaded(page)).toBe(false);
    expect((await choice(page)).choices.analytics).toBe(false);
    await page.context().close();
  }, 60_000);

  it('honours Global Privacy Control: advertising off, shown to the visitor and recorded', async () => {
    const page = await openDemo({ locale: 'en-US', extraHTTPHeaders: { 'Sec-GPC': '1' } });
    await page.context().addInitScript(() => Object.defineProperty((globalThis as any).Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
    await page.reload();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect(dialog.getByRole('note').textContent()).resolves.toContain('Global Privacy Control');
    await page.screenshot({ path: join(SHOTS, 'banner-en-desktop-gpc.png') });
    const posted = page.waitForResponse((r) => r.url().endsWith('/v1/banner/choices') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Accept all' }).click();
    const view = await (await posted).json();
    expect(view).toMatchObject({ gpc: true, saleOrSharingOptOut: true, choices: { advertising: false, analytics: true } });
    expect((await choice(page)).choices.advertising).toBe(false);
    await page.context().close();
  }, 60_000);

  it('works on another origin with the one-tag include: SRI checked, CORS preflight answered, tag unblocked', async () => {
    const sri = await (await fetch(`${server.url}/banner.js.sri`)).text();
    const page = (hash: string) => `<!doctype html><html><head><meta charset="utf-8"><title>shop</title>
      <script src="${server.url}/banner.js" data-custodia="${server.url}" data-lang="auto" integrity="${hash}" crossorigin="anonymous" async></script></head>
      <body><p>shop</p><script type="text/plain" data-custodia-class="analytics" data-src="/fake-analytics.js"></script></body></html>`;
    // the shop is a second loopback server: another origin, and the same address space, so Chromium's
    // private-network rules (which would block a public page calling 127.0.0.1) do not get in the way
    const shop = createServer((req, res) => {
      if (req.url === '/fake-analytics.js') res.writeHead(200, { 'content-type': 'application/javascript' }).end('window.__fakeAnalyticsLoaded = true;');
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(req.url === '/tampered' ? `sha384-${'A'.repeat(64)}` : sri));
    });
    await new Promise<void>((r) => shop.listen(0, '127.0.0.1', r));
    const shopUrl = `http://localhost:${(shop.address() as AddressInfo).port}`;
    const ctx = await browser.newContext({ locale: 'ko-KR' });
    try {
      const tab = await ctx.newPage();
      await tab.goto(`${shopUrl}/`);
      const dialog = tab.getByRole('dialog', { name: '쿠키 및 유사 기술 사용 안내' });
      await dialog.waitFor();
      expect(await loaded(tab)).toBe(false);
      const posted = tab.waitForResponse((r) => r.url().endsWith('/v1/banner/choices') && r.request().method() === 'POST');
      await dialog.getByRole('button', { name: '모두 허용' }).click();
      expect((await posted).status()).toBe(201);
      await tab.waitForFunction(() => (globalThis as any).__fakeAnalyticsLoaded === true, undefined, { timeout: 5000 });
      await tab.waitForFunction(() => (globalThis as any).Custodia.banner.choice()?.visitorId);
      // a script altered in transit does not run: with a wrong hash the banner never loads
      const tampered = await ctx.newPage();
      await tampered.goto(`${shopUrl}/tampered`);
      await tampered.waitForTimeout(500);
      expect(await tampered.evaluate(() => typeof (globalThis as any).Custodia)).toBe('undefined');
    } finally {
      await ctx.close();
      shop.close();
    }
  }, 60_000);

  it('speaks Traditional Chinese to a zh-TW browser and Simplified to zh-CN, at desktop and phone width', async () => {
    const tw = await openDemo({ locale: 'zh-TW' });
    await tw.getByRole('dialog', { name: '我們如何使用 Cookie 及類似技術' }).waitFor();
    expect(await tw.getByRole('button', { name: '全部拒絕' }).count()).toBe(1);
    await tw.context().close();

    const cn = await openDemo({ locale: 'zh-CN' });
    const dialog = cn.getByRole('dialog', { name: '我们如何使用 Cookie 和类似技术' });
    await dialog.waitFor();
    await cn.screenshot({ path: join(SHOTS, 'banner-zh-Hans-desktop.png') });
    await cn.context().close();

    for (const [locale, name] of [['zh-CN', 'zh-Hans'], ['en-US', 'en']] as const) {
      const phone = await openDemo({ locale, ...PHONE });
      await phone.getByRole('dialog').waitFor();
      const reject = phone.getByRole('button', { name: locale === 'en-US' ? 'Reject all' : '全部拒绝' });
      const accept = phone.getByRole('button', { name: locale === 'en-US' ? 'Accept all' : '全部接受' });
      const [r, a] = [await reject.boundingBox(), await accept.boundingBox()];
      expect(r!.width).toBe(a!.width);
      expect(r!.height).toBe(a!.height);
      expect(r!.x + r!.width).toBeLessThanOrEqual(390);
      await phone.screenshot({ path: join(SHOTS, `banner-${name}-phone.png`) });
      await phone.context().close();
    }
  }, 60_000);
});
