// The person's side of a scenario: the privacy center (built web app, served by the scenario's server) in a real
// Chromium. One browser per test file, one browser context (its own session storage) per person. Labels come from
// the web app's own message files, so a step finds a button the way a reader of that language would.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { en } from '../../web/app/i18n/en.ts';
import { ko } from '../../web/app/i18n/ko.ts';
import { zhHans } from '../../web/app/i18n/zh-Hans.ts';
import { zhHant } from '../../web/app/i18n/zh-Hant.ts';
import { eventually, type Scenario } from './scenario-harness.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Where screenshots go (open them to check the pages look right in each language). */
export const SHOTS = process.env.SCENARIO_SHOTS ?? join(tmpdir(), 'custodia-scenario-shots');

/** The privacy center's languages, with the browser locale that picks each. */
export type Lang = 'zh-Hans' | 'zh-Hant' | 'ko' | 'en';
const LOCALE: Record<Lang, string> = { 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW', ko: 'ko-KR', en: 'en-US' };
const MESSAGES = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, ko, en } as const;
/** A message key of the web app. */
export type Key = keyof typeof en;

/** The text the privacy center shows for `key` in `lang`, placeholders filled. */
export function text(lang: Lang, key: Key, vars: Record<string, string | number> = {}): string {
  return (MESSAGES[lang][key] as string).replace(/\{(\w+)\}/g, (all, n: string) => (n in vars ? String(vars[n]) : all));
}

/** A regular expression matching the whole of `s` literally. */
export const exactly = (s: string) => new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

/** One person in their own browser context, on the privacy center of one scenario server. */
export class Person {
  constructor(readonly s: Scenario, readonly page: Page, readonly lang: Lang, private readonly ctx: BrowserContext) {}

  /** The text for `key` in this person's language. */
  t(key: Key, vars?: Record<string, string | number>): string {
    return text(this.lang, key, vars);
  }

  /** Opens a privacy center path (in-app navigation keeps the session: it lives in this tab's session storage). */
  async goto(path: string): Promise<void> {
    await this.page.goto(`${this.s.url}${path}`);
    await this.page.locator('main h1').first().waitFor();
  }

  /** Follows a navigation link, as a person clicks it. */
  async nav(key: 'center.nav.data' | 'center.nav.choices' | 'center.nav.requests' | 'center.nav.notice'): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: this.t(key), exact: true }).click();
    await this.page.locator('main h1').first().waitFor();
  }

  /** Asks for a one-time code on the form in view and enters the one the development mailbox received. */
  async enterCode(contact: string, codeLabel = this.t('center.signIn.code'), submit = this.t('center.signIn.verify')): Promise<void> {
    const inbox = async () => (await this.s.call('GET', `/dev/mailbox?to=${encodeURIComponent(contact)}`)).json.messages as { text: string }[];
    const before = (await inbox()).length;
    await this.page.getByLabel(this.t('center.signIn.contact')).fill(contact);
    await this.page.getByRole('button', { name: this.t('center.signIn.send'), exact: true }).click();
    await this.page.getByText(this.t('center.signIn.sent')).waitFor();
    const code = await eventually(async () => {
      const box = await inbox();
      const m = box.length > before ? /\b(\d{6})\b/.exec(box.at(-1)!.text) : null;
      if (!m) throw new Error(`no code for ${contact} yet`);
      return m[1];
    }, 10_000);
    await this.page.getByLabel(codeLabel).fill(code);
    await this.page.getByRole('button', { name: submit, exact: true }).click();
  }

  /** Signs in from the sign-in page with a code sent to `contact`; ends on "my data". */
  async signIn(contact: string): Promise<void> {
    await this.goto('/sign-in');
    await this.enterCode(contact);
    await this.page.getByRole('heading', { level: 1, name: this.t('center.data.title') }).waitFor();
  }

  /** The masked value shown for a category on "my data" (waits until the row is there). */
  async shownValue(category: string): Promise<string> {
    const cell = this.page.locator(`tr[data-category="${category}"] [data-testid="value"]`).first();
    await cell.waitFor();
    return (await cell.textContent()) ?? '';
  }

  /** Every value shown on "my data". */
  async shownValues(): Promise<string[]> {
    return this.page.getByTestId('value').allTextContents();
  }

  /** A region of the page by its accessible name (a card with a heading). */
  region(key: Key): Locator {
    return this.page.getByRole('region', { name: this.t(key) });
  }

  /** The consent or permission switch with this accessible name. */
  switch(name: string): Locator {
    return this.page.getByRole('switch', { name: exactly(name) });
  }

  /** Clicks a switch and waits until the server's answer shows (the new state, or a refusal beside it). */
  async flip(name: string, to: boolean): Promise<void> {
    const sw = this.switch(name);
    await sw.waitFor();
    expect(await sw.getAttribute('aria-checked'), `${name} before`).toBe(String(!to));
    await sw.click();
    await expect.poll(() => sw.getAttribute('aria-checked'), { timeout: 10_000 }).toBe(String(to));
    await expect.poll(() => this.page.getByRole('status').filter({ hasText: name }).count()).toBeGreaterThan(0);
  }

  /** Files a request on "my requests" and returns its reference as the confirmation shows it. */
  async fileRequest(type: string, fill: { correct?: { category: string; value: string }; object?: string; decisionRef?: string; message?: string } = {}): Promise<string> {
    await this.goto('/requests');
    await this.page.getByLabel(this.t('center.requests.type')).selectOption(type);
    if (fill.correct) {
      await this.page.getByLabel(this.t('center.requests.correctCategory')).selectOption(fill.correct.category);
      await this.page.getByLabel(this.t('center.requests.correctValue')).fill(fill.correct.value);
    }
    if (fill.object !== undefined) await this.page.getByLabel(this.t('center.requests.objectWhich')).selectOption(fill.object);
    if (fill.decisionRef) await this.page.getByLabel(this.t('center.requests.decisionRef')).fill(fill.decisionRef);
    if (fill.message) await this.page.getByLabel(this.t('center.requests.message')).fill(fill.message);
    await this.page.getByRole('button', { name: this.t('center.requests.submit'), exact: true }).click();
    const confirmation = this.page.getByRole('status').filter({ hasText: /req_[a-f0-9]{32}/ });
    await confirmation.waitFor({ timeout: 10_000 }).catch(async (e) => {
      throw new Error(`${(e as Error).message}\npage: ${await this.page.locator('main').textContent()}`);
    });
    return /req_[a-f0-9]{32}/.exec((await confirmation.textContent()) ?? '')![0];
  }

  /** Opens a request's page and reloads until its status badge reads `status` (a status key such as "completed"). */
  async waitForRequest(id: string, status: string, timeoutMs = 45_000): Promise<void> {
    await this.goto(`/requests/${id}`);
    const want = this.t(`status.${status}` as Key);
    await expect.poll(async () => {
      const now = await this.page.getByTestId('request-status').textContent();
      if (now !== want) await this.goto(`/requests/${id}`);
      return now;
    }, { timeout: timeoutMs, interval: 700 }).toBe(want);
  }

  /** The whole page down to 1,800 px, into SHOTS/<name>.png. */
  async shot(name: string): Promise<void> {
    const { width, height } = this.page.viewportSize()!;
    const full = await this.page.evaluate(() => (globalThis as any).document.documentElement.scrollHeight as number);
    await this.page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(Math.max(full, height), 1800) } });
  }

  /** No horizontal scrolling at the current width. */
  async fitsWidth(): Promise<void> {
    const { width } = this.page.viewportSize()!;
    expect(await this.page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth as number)).toBeLessThanOrEqual(width);
  }

  /** Closes this person's browser context. */
  async close(): Promise<void> {
    await this.ctx.close();
  }
}

/**
 * `npm test` builds the web apps in pretest; this keeps a direct `vitest run` honest too (a no-op when dist/web is
 * fresh). Test files run in parallel, so one builds at a time (a lock directory) and the others then find it fresh.
 */
async function buildWebOnce(): Promise<void> {
  const lock = join('node_modules', '.cache', 'custodia-web-build.lock');
  mkdirSync(join('node_modules', '.cache'), { recursive: true });
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 300_000) throw new Error(`another test has been building the web apps for 5 minutes; remove ${lock} if no build runs`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    const build = spawnSync(process.execPath, ['scripts/build-web-if-needed.mjs'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('building the web apps failed');
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Registers one Chromium for the test file (built web app checked first) and returns a way to open people in it. */
export function centerBrowser(): { person: (s: Scenario, lang: Lang, opts?: { phone?: boolean }) => Promise<Person> } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`the person's steps run in Chromium: install it with "apt-get install -y chromium" (${CHROMIUM} is missing)`);
    mkdirSync(SHOTS, { recursive: true });
    await buildWebOnce();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });
  return {
    person: async (s, lang, opts = {}) => {
      const ctx = await browser!.newContext({ ...(opts.phone ? PHONE : DESKTOP), locale: LOCALE[lang] });
      const page = await ctx.newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (e) => console.error(`page error on ${page.url()}: ${e.message}`));
      return new Person(s, page, lang, ctx);
    },
  };
}
