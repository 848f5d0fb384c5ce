// Seed 002, WeWork Labs (GDPR-style): roles with their own purposes, visitors, access cards, masked payment cards.
// The front desk, billing and marketing are services on the public API; what members, vendors and visitors see and
// choose themselves goes through the privacy center in Chromium (visitors and vendors in Traditional Chinese, a
// member in English).
import { afterAll, expect, it } from 'vitest';
import { centerBrowser, type Lang, type Person } from './center-browser.ts';
import { NOTICE_HASH, scenario } from './scenario-harness.ts';

const browser = centerBrowser();

scenario('002 WeWork Labs', 'examples/002-wework-labs.live.yaml', (get) => {
  let front: string;
  let billing: string;
  let marketing: string;
  let registry: any;
  const label = (id: string, lang: Lang) => registry.purposes.find((p: { id: string }) => p.id === id).labels[lang] as string;
  const people: Person[] = [];
  const person = async (contact: string, lang: Lang = 'zh-Hant') => {
    const p = await browser.person(get(), lang);
    people.push(p);
    await p.signIn(contact);
    return p;
  };
  afterAll(async () => Promise.all(people.map((p) => p.close())));
  const subject = async (role: string) => (await get().call('POST', '/v1/subjects', { key: front, body: { role, regimes: ['gdpr'], language: 'zh-Hant' } })).json.id as string;
  const read = (key: string, id: string, purpose: string, categories: string[]) => get().call('POST', `/v1/subjects/${id}/data/read`, { key, body: { purpose, categories } });

  it('step 1: each role is allowed its own set of purposes', async () => {
    const s = get();
    front = await s.key('front-desk', 'service', { purposes: ['member-account', 'visitor-pre-registration', 'access-card', 'office-preferences', 'calendar-integration', 'vendor-engagement'] });
    billing = await s.key('billing', 'service', { purposes: ['payment'] });
    marketing = await s.key('marketing', 'service', { purposes: ['marketing'] });
    registry = (await s.call('GET', '/v1/registry', { key: s.admin })).json.registry;
    const ids = Object.fromEntries(await Promise.all(['member', 'member-employee', 'mentor', 'visitor', 'vendor'].map(async (r) => [r, await subject(r)])));
    expect(Object.values(ids).every((x) => typeof x === 'string')).toBe(true);
    // a visitor is no member: member-account does not apply to them
    await s.call('PUT', `/v1/subjects/${ids.visitor}/data`, { key: front, body: { values: [{ category: 'email', value: 'guest@example.tw' }] } });
    expect((await read(front, ids.visitor, 'member-account', ['email'])).json.decision).toMatchObject({ effect: 'deny', rule: 'ROLE_NOT_IN_PURPOSE' });
    expect((await read(front, ids.member, 'visitor-pre-registration', ['email'])).json.decision).toMatchObject({ effect: 'deny', rule: 'ROLE_NOT_IN_PURPOSE' });
    // marketing consent exists only for visitors
    const grant = await s.call('POST', `/v1/subjects/${ids.vendor}/consents`, { key: marketing, body: { purposes: [{ purpose: 'marketing' }], kind: 'general', action: 'checkbox', registryVersion: await s.version(), noticeHash: NOTICE_HASH, channel: 'web' } });
    expect(grant.json).toMatchObject({ status: 422, code: 'PURPOSE_NOT_FOR_ROLE' });
    // in the privacy center a vendor is offered no marketing switch, a visitor is
    await s.call('PUT', `/v1/subjects/${ids.vendor}/data`, { key: front, body: { values: [{ category: 'email', value: 'vendor@example.tw' }] } });
    const vendor = await person('vendor@example.tw');
    await vendor.nav('center.nav.choices');
    await vendor.page.getByRole('heading', { level: 2, name: vendor.t('center.choices.consents') }).waitFor();
    expect(await vendor.page.getByText(label('marketing', 'zh-Hant')).count()).toBe(0);
    const guest = await person('guest@example.tw');
    await guest.nav('center.nav.choices');
    expect(await guest.switch(label('marketing', 'zh-Hant')).getAttribute('aria-checked')).toBe('false');
    // and the uses a visitor may object to are the visitor's own (GDPR 21(1))
    await guest.goto('/requests');
    await guest.page.getByLabel(guest.t('center.requests.type')).selectOption('object');
    const objectable = await guest.page.getByLabel(guest.t('center.requests.objectWhich')).locator('option').allTextContents();
    expect(objectable).toContain(label('website-inquiries', 'zh-Hant'));
    expect(objectable).not.toContain(label('room-analytics', 'zh-Hant'));
    expect((await s.call('POST', '/v1/subjects', { key: front, body: { role: 'landlord', regimes: ['gdpr'], language: 'zh-Hant' } })).json.code).toBe('SUBJECT_INVALID');
  });

  it('step 2: an employer pre-registers a visitor; an access card is issued and later revoked', async () => {
    const s = get();
    const visitor = await subject('visitor');
    expect((await s.call('PUT', `/v1/subjects/${visitor}/data`, { key: front, body: { values: [{ category: 'name', value: '陳小明' }, { category: 'email', value: 'ming@example.tw' }] } })).status).toBe(200);
    expect((await read(front, visitor, 'visitor-pre-registration', ['name', 'email'])).json.values.map((v: { value: string }) => v.value)).toEqual(['陳小明', 'ming@example.tw']);
    expect((await s.call('PUT', `/v1/subjects/${visitor}/data`, { key: front, body: { values: [{ category: 'access-card-id', value: 'CARD-7781' }] } })).status).toBe(200);
    expect((await read(front, visitor, 'access-card', ['access-card-id'])).json.values[0].value).toBe('CARD-7781');
    // the visitor signs in with the email the employer gave and sees what is held, the card number masked
    const ming = await person('ming@example.tw');
    const card = await ming.shownValue('access-card-id');
    expect(card).not.toBe('CARD-7781');
    expect(await ming.shownValue('name')).not.toBe('陳小明');
    await ming.shot('002-visitor-data-zh-Hant');
    expect((await s.call('DELETE', `/v1/subjects/${visitor}/data/access-card-id`, { key: front })).status).toBe(204);
    // after revocation the card is no longer among the visitor's data, and the erasure is in the access log
    await ming.goto('/data');
    await ming.shownValue('name');
    expect(await ming.page.locator('tr[data-category="access-card-id"]').count()).toBe(0);
    await expect.poll(() => ming.region('center.data.accesses').textContent()).toContain(ming.t('action.data.erase'));
    const after = await read(front, visitor, 'access-card', ['access-card-id']);
    expect(after.json.values[0].value).toBeUndefined();
    expect((await s.call('DELETE', `/v1/subjects/${visitor}/data/access-card-id`, { key: front })).status).toBe(404);
    expect((await s.call('DELETE', `/v1/subjects/${visitor}/data/payment-card-number`, { key: front })).json.code).toBe('ACCESS_DENIED');
  });

  it('step 3: payment card number and expiry are stored encrypted and only ever shown masked', async () => {
    const s = get();
    const member = await subject('member');
    expect((await s.call('PUT', `/v1/subjects/${member}/data`, { key: billing, body: { values: [{ category: 'payment-card-number', value: '4111111111111111' }, { category: 'card-expiry', value: '08/29' }] } })).status).toBe(200);
    const r = await read(billing, member, 'payment', ['payment-card-number', 'card-expiry']);
    expect(r.json.decision.effect).toBe('allow-masked');
    const card = r.json.values[0].value as string;
    expect(card).not.toBe('4111111111111111');
    expect(card.replace(/\D/g, '').length).toBeLessThanOrEqual(10); // at most first 6 and last 4 digits
    expect(card.endsWith('1111')).toBe(true);
    const bad = await s.call('PUT', `/v1/subjects/${member}/data`, { key: billing, body: { values: [{ category: 'payment-card-number', value: '4111111111111112' }] } });
    // a Visa number failing Luhn is refused; a UnionPay one is kept with a warning (Luhn does not always apply there)
    expect(bad.json).toMatchObject({ status: 422, code: 'VAULT_VALUE_INVALID' });
    expect(bad.text).not.toContain('4111111111111112');
    const unionpay = await s.call('PUT', `/v1/subjects/${member}/data`, { key: billing, body: { values: [{ category: 'payment-card-number', value: '6212345678901234' }] } });
    expect(unionpay.status).toBe(200);
    expect(unionpay.json.warnings[0].message).toMatch(/UnionPay/);
    // the member's own view in the privacy center (in English): masked too, first 6 and last 4 at most
    expect((await s.call('PUT', `/v1/subjects/${member}/data`, { key: billing, body: { values: [{ category: 'payment-card-number', value: '4111111111111111' }] } })).status).toBe(200);
    await s.call('PUT', `/v1/subjects/${member}/data`, { key: front, body: { values: [{ category: 'email', value: 'member@example.com' }] } });
    const self = await person('member@example.com', 'en');
    expect(await self.page.locator('html').getAttribute('lang')).toBe('en');
    const shown = await self.shownValue('payment-card-number');
    expect(shown).not.toContain('4111111111111111');
    expect(shown.replace(/\D/g, '').length).toBeLessThanOrEqual(10);
    expect(shown.endsWith('1111')).toBe(true);
    expect(await self.shownValue('card-expiry')).not.toBe('08/29');
    // named in the reader's language, not the one on file
    expect(await self.page.locator('tr[data-category="payment-card-number"] th').textContent()).toBe(registry.categories.find((c: { id: string }) => c.id === 'payment-card-number').labels.en);
    expect((await self.shownValues()).join(' ')).not.toMatch(/\d{11,}/);
    await self.shot('002-member-data-en');
  });

  it('step 4: office preferences and calendar data are used only for their purposes', async () => {
    const s = get();
    const mentor = await subject('mentor');
    expect((await s.call('PUT', `/v1/subjects/${mentor}/data`, { key: front, body: { values: [{ category: 'office-preferences', value: 'standing desk, window' }] } })).status).toBe(200);
    expect((await read(front, mentor, 'office-preferences', ['office-preferences'])).json.decision.effect).toBe('allow-full');
    const mk = await read(marketing, mentor, 'marketing', ['office-preferences']);
    expect(mk.json.decision.effect).toBe('deny');
    expect(['CATEGORY_NOT_IN_PURPOSE', 'ROLE_NOT_IN_PURPOSE']).toContain(mk.json.decision.rule);
  });

  it('step 5: marketing to a visitor happens only with consent', async () => {
    const s = get();
    const visitor = await subject('visitor');
    await s.call('PUT', `/v1/subjects/${visitor}/data`, { key: front, body: { values: [{ category: 'email', value: 'lin@example.tw' }] } });
    expect((await read(marketing, visitor, 'marketing', ['email'])).json.decision).toMatchObject({ effect: 'deny', rule: 'CONSENT_ABSENT' });
    // the visitor opts in to marketing in the privacy center, and later out again
    const lin = await person('lin@example.tw');
    await lin.nav('center.nav.choices');
    const name = label('marketing', 'zh-Hant');
    await lin.flip(name, true);
    expect((await s.call('GET', `/v1/consents/check?subject=${visitor}&purpose=marketing`, { key: marketing })).json.status).toBe('granted');
    expect((await read(marketing, visitor, 'marketing', ['email'])).json.values[0].value).toBe('lin@example.tw');
    await lin.shot('002-visitor-choices-zh-Hant');
    await lin.flip(name, false);
    expect(await lin.page.getByRole('status').filter({ hasText: name }).textContent()).toBe(lin.t('center.choices.savedOff', { name }));
    expect((await s.call('GET', `/v1/consents/check?subject=${visitor}&purpose=marketing`, { key: marketing })).json.status).not.toBe('granted');
    expect((await read(marketing, visitor, 'marketing', ['email'])).json.decision.effect).toBe('deny');
    expect((await s.call('GET', '/v1/audit/verify', { key: s.admin })).json.ok).toBe(true);
  });
});
