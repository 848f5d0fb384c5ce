// Seed 003, an online shop under PIPL / GB/T 35273: the story of ../shared/scenarios/README.md. The shop's app,
// real-name flow, customer service and statistics work over the public API; the customer's own steps (signing in
// with an SMS code, seeing the data masked, switching face login and the camera, closing the account) go through
// the privacy center in Chromium, in Simplified Chinese, and every switch is checked against what the server recorded.
import { afterAll, expect, it } from 'vitest';
import { centerBrowser, type Person } from './center-browser.ts';
import { NOTICE_HASH, scenario } from './scenario-harness.ts';

const browser = centerBrowser();

scenario('003 online shop', 'examples/003-online-shop.live.yaml', (get) => {
  let app: string;
  let cs: string;
  let id: string;
  let li: Person;
  let labels: { categories: Record<string, string>; purposes: Record<string, string>; recipients: Record<string, string>; permissions: Record<string, string> };
  const grant = async (purposes: { purpose: string; recipient?: string }[], kind: string) =>
    get().call('POST', `/v1/subjects/${id}/consents`, { key: app, body: { purposes, kind, action: 'checkbox', registryVersion: await get().version(), noticeHash: NOTICE_HASH, channel: 'app' } });
  const read = (key: string, purpose: string, categories: string[]) => get().call('POST', `/v1/subjects/${id}/data/read`, { key, body: { purpose, categories } });
  /** A consent or permission as the shop's app sees it. */
  const stateOf = async (type: string, target: string) =>
    ((await get().call('GET', `/v1/subjects/${id}/consents`, { key: app })).json.state as { type: string; target: string; recipient: string | null; status: string; kind: string | null }[]).find((c) => c.type === type && c.target === target && !c.recipient);
  afterAll(async () => li?.close());

  it('step 1: registration stores phone and email; the customer signs in with an SMS code and sees the account name as nickname', async () => {
    const s = get();
    app = await s.key('shop-app', 'service', { purposes: ['registration', 'order', 'payment', 'delivery', 'face-login'] });
    cs = await s.key('cs-agent', 'agent', { department: 'cs' });
    const registry = (await s.call('GET', '/v1/registry', { key: s.admin })).json.registry;
    const zh = (xs: { id: string; labels?: Record<string, string>; names?: Record<string, string> }[]) => Object.fromEntries(xs.map((x) => [x.id, (x.labels ?? x.names)!['zh-Hans']]));
    labels = { categories: zh(registry.categories), purposes: zh(registry.purposes), recipients: zh(registry.recipients), permissions: zh(registry.permissions) };
    const created = await s.call('POST', '/v1/subjects', { key: app, body: { role: 'customer', regimes: ['pipl'], language: 'zh-Hans', externalRef: 'shop-user-1' } });
    expect(created.status).toBe(201);
    id = created.json.id;
    const put = await s.call('PUT', `/v1/subjects/${id}/data`, { key: app, body: { values: [
      { category: 'phone', value: '13812345678' }, { category: 'email', value: 'li.lei@example.cn' },
      { category: 'account-name', value: 'lilei2026' }, { category: 'nickname', value: 'lilei2026' },
    ] } });
    expect(put.status).toBe(200);
    const r = await read(app, 'registration', ['phone', 'nickname', 'account-name']);
    expect(r.json.values.map((v: { value: string }) => v.value)).toEqual(['13812345678', 'lilei2026', 'lilei2026']);
    // a malformed phone is refused and nothing is written
    const bad = await s.call('PUT', `/v1/subjects/${id}/data`, { key: app, body: { values: [{ category: 'phone', value: '1381234' }, { category: 'email', value: 'x@example.cn' }] } });
    expect(bad.json).toMatchObject({ status: 422, code: 'VAULT_VALUE_INVALID' });
    expect((await read(app, 'registration', ['email'])).json.values[0].value).toBe('li.lei@example.cn');

    // the customer: the privacy center in Simplified Chinese, signed in with the code texted to the phone
    li = await browser.person(s, 'zh-Hans');
    await li.goto('/');
    expect(await li.page.locator('html').getAttribute('lang')).toBe('zh-Hans');
    expect(await li.page.getByRole('heading', { level: 1 }).textContent()).toBe('你的个人信息，由你做主');
    await li.page.frameLocator('iframe.notice-frame').getByText(labels.purposes['face-login']).first().waitFor();
    await li.signIn('13812345678');
    expect(await li.shownValue('phone')).toMatch(/^138\*+5678$/);
    expect((await li.shownValues()).join(' ')).not.toContain('li.lei@example.cn');
    await li.shot('003-data-masked-zh-Hans');
    // full values need a fresh code; they come from the answer to an access request the screen files
    await li.page.getByRole('button', { name: li.t('center.data.reveal') }).click();
    await li.enterCode('13812345678', li.t('center.data.revealCode'), li.t('center.data.reveal'));
    await expect.poll(() => li.shownValue('phone'), { timeout: 45_000, interval: 500 }).toBe('13812345678');
    expect(await li.shownValue('nickname')).toBe('lilei2026');
    expect(await li.shownValue('account-name')).toBe('lilei2026');
    expect(await li.page.locator('tr[data-category="nickname"] th').textContent()).toBe(labels.categories.nickname);
    const access = ((await s.call('GET', '/v1/requests?all=true&type=access', { key: s.admin })).json.requests as { subjectId: string; status: string; channel: string }[]).filter((q) => q.subjectId === id);
    expect(access).toEqual([expect.objectContaining({ status: 'completed', channel: 'web' })]);
  });

  it('step 2: an order; the payment institution gets order number and amount only, the courier what delivery needs', async () => {
    const s = get();
    await s.call('PUT', `/v1/subjects/${id}/data`, { key: app, body: { values: [
      { category: 'recipient-name', value: '韩梅梅' }, { category: 'recipient-address', value: '上海市浦东新区世纪大道100号' },
      { category: 'recipient-phone', value: '13987654321' }, { category: 'order-number', value: 'SO-2026-000123' }, { category: 'amount', value: '299.00' },
    ] } });
    const share = (recipient: string, purpose: string, categories: string[]) => s.call('POST', `/v1/subjects/${id}/shares`, { key: app, body: { recipient, purpose, categories } });
    // PIPL 23: providing to another handler needs a separate consent naming it (the app asks at checkout)
    expect((await share('payment-institution', 'payment', ['order-number', 'amount'])).json).toMatchObject({ status: 409, code: 'SHARE_NEEDS_CONSENT', rule: 'PIPL-23-1' });
    expect((await grant([{ purpose: 'payment', recipient: 'payment-institution' }], 'general')).json).toMatchObject({ code: 'CONSENT_KIND_INSUFFICIENT', rule: 'PIPL-23-1' });
    expect((await grant([{ purpose: 'payment', recipient: 'payment-institution' }], 'separate')).status).toBe(201);
    const extra = await share('payment-institution', 'payment', ['order-number', 'amount', 'recipient-phone']);
    expect(extra.json).toMatchObject({ status: 422, code: 'SHARE_NOT_DECLARED', rule: 'PIPL-23-1' });
    expect((await s.call('GET', `/v1/subjects/${id}/shares`, { key: app })).json.shares).toHaveLength(0);
    expect((await share('payment-institution', 'payment', ['order-number', 'amount'])).status).toBe(201);
    expect((await grant([{ purpose: 'delivery', recipient: 'courier' }], 'separate')).status).toBe(201);
    expect((await share('courier', 'delivery', ['recipient-name', 'recipient-address', 'recipient-phone', 'order-number'])).status).toBe(201);
    expect((await s.call('GET', `/v1/subjects/${id}/shares`, { key: app })).json.shares.map((x: { recipient: string }) => x.recipient).sort()).toEqual(['courier', 'payment-institution']);

    // the customer sees who received what, by name, in the privacy center
    await li.goto('/data');
    const recipients = li.region('center.data.recipients');
    const row = (name: string) => recipients.getByRole('row').filter({ has: li.page.getByRole('rowheader', { name: new RegExp(`^${name.replace(/[()（）]/g, '.')}`) }) });
    await row(labels.recipients['payment-institution']).waitFor();
    const cells = async (name: string) => (await row(name).getByRole('cell').allTextContents()).join(' | ');
    expect(await cells(labels.recipients['payment-institution'])).toContain(`${labels.categories['order-number']}、${labels.categories.amount}`);
    expect(await cells(labels.recipients['payment-institution'])).not.toContain(labels.categories['recipient-phone']);
    expect(await cells(labels.recipients.courier)).toContain(labels.categories['recipient-address']);
    await li.shot('003-data-recipients-zh-Hans');
  });

  it('step 3: face login needs a separate consent for a sensitive category, which the customer gives with its own switch', async () => {
    // the app cannot get it with a general consent, nor bundled with another use
    const general = await grant([{ purpose: 'face-login' }], 'general');
    expect(general.json).toMatchObject({ status: 422, code: 'CONSENT_KIND_INSUFFICIENT' });
    expect(['PIPL-29-1', 'CN-FRT-1']).toContain(general.json.rule);
    expect((await grant([{ purpose: 'face-login' }, { purpose: 'photo-shopping' }], 'separate')).json.code).toBe('CONSENT_BUNDLED');
    const before = await read(app, 'face-login', ['face']);
    expect(before.json.decision).toMatchObject({ effect: 'deny', rule: 'CONSENT_ABSENT' });
    expect(await stateOf('consent', 'face-login')).toBeUndefined();

    await li.nav('center.nav.choices');
    const item = li.page.getByTestId('consent-face-login');
    expect(await item.textContent()).toContain(li.t('center.choices.separate'));
    await li.flip(labels.purposes['face-login'], true);
    expect(await li.page.getByRole('status').filter({ hasText: labels.purposes['face-login'] }).textContent()).toBe(li.t('center.choices.savedOn', { name: labels.purposes['face-login'] }));
    expect(await stateOf('consent', 'face-login')).toMatchObject({ status: 'granted', kind: 'separate' });
    expect((await read(app, 'face-login', ['face'])).json.decision.effect).toBe('allow-full');
    // a new face-recognition use is a switch of its own, still off
    expect(await li.switch(labels.purposes['photo-shopping']).getAttribute('aria-checked')).toBe('false');
    expect(await stateOf('consent', 'photo-shopping')).toBeUndefined();
  });

  it('step 4: switching the camera off in the privacy center stops new processing and keeps what was done before', async () => {
    const s = get();
    await li.flip(labels.permissions.camera, false);
    expect(await stateOf('permission', 'camera')).toMatchObject({ status: 'off' });
    expect((await read(app, 'face-login', ['face'])).json.decision).toMatchObject({ effect: 'deny', rule: 'PERMISSION_OFF' });
    // the consent itself stands; only new processing stopped
    expect(await li.switch(labels.purposes['face-login']).getAttribute('aria-checked')).toBe('true');
    await li.page.getByText(li.t('center.choices.history')).click();
    const history = (await li.page.locator('details tbody tr').allTextContents()).join('\n');
    expect(history).toMatch(new RegExp(`${labels.permissions.camera}.*${li.t('consentEvent.off')}.*${li.t('channel.web')}`));
    expect(history).toMatch(new RegExp(`${labels.purposes['face-login']}.*${li.t('consentEvent.grant')}`));
    await li.shot('003-choices-camera-off-zh-Hans');
    // the face-login read made before the switch stays in the person's access log
    await li.nav('center.nav.data');
    const log = li.region('center.data.accesses');
    await expect.poll(() => log.textContent()).toContain(labels.purposes['face-login']);
    expect(await log.getByRole('row').filter({ hasText: labels.purposes['face-login'] }).filter({ hasText: li.t('decision.allow-full') }).count()).toBeGreaterThan(0);
    const accesses = (await s.call('GET', `/v1/subjects/${id}/access-report`, { key: app })).json.accesses;
    expect(accesses.some((a: { purpose: string; decision: string }) => a.purpose === 'face-login' && a.decision === 'allow-full')).toBe(true);

    // withdrawing face login and switching the camera back on: still no face login until consent is given again
    await li.nav('center.nav.choices');
    await li.flip(labels.purposes['face-login'], false);
    await li.flip(labels.permissions.camera, true);
    expect((await read(app, 'face-login', ['face'])).json.decision.rule).toBe('CONSENT_ABSENT');
    expect(await stateOf('consent', 'face-login')).toMatchObject({ status: 'withdrawn' });
    await li.flip(labels.purposes['face-login'], true);
    expect((await read(app, 'face-login', ['face'])).json.decision.effect).toBe('allow-full');
    expect(await stateOf('consent', 'face-login')).toMatchObject({ status: 'granted', kind: 'separate' });
    // the page's session is the person's own: a service route refuses it
    const session = await li.page.evaluate(() => JSON.parse((globalThis as any).sessionStorage.getItem('custodia.personSession')).session as string);
    expect((await s.call('GET', `/v1/subjects/${id}/consents`, { key: session })).status).toBe(401);
  });

  it('step 5: customer service sees phone numbers and ID numbers masked; the customer sees that read in the access log', async () => {
    const s = get();
    // the shop app may not store an ID number (none of its key's purposes uses one); the real-name flow does
    const refused = await s.call('PUT', `/v1/subjects/${id}/data`, { key: app, body: { values: [{ category: 'id-number', value: '11010519491231002X' }] } });
    expect(refused.json).toMatchObject({ status: 403, code: 'ACCESS_DENIED', rule: 'ACTOR_PURPOSE_NOT_BOUND' });
    const kyc = await s.key('real-name', 'service', { purposes: ['real-name-verification'] });
    expect((await s.call('PUT', `/v1/subjects/${id}/data`, { key: kyc, body: { values: [{ category: 'id-number', value: '11010519491231002X' }] } })).status).toBe(200);
    const r = await read(cs, 'customer-service', ['phone', 'id-number', 'recipient-name']);
    expect(r.json.decision.effect, JSON.stringify(r.json.decision)).toBe('allow-masked');
    const v = Object.fromEntries(r.json.values.map((x: { category: string; value: string }) => [x.category, x.value]));
    expect(v.phone).toMatch(/^138\*+5678$/);
    expect(v['id-number']).not.toContain('19491231');
    expect(v['recipient-name']).toBe('韩梅梅');
    expect((await read(cs, 'order', ['phone'])).json.decision.effect).toBe('deny');

    await li.nav('center.nav.data');
    const log = li.region('center.data.accesses');
    const csRow = log.getByRole('row').filter({ hasText: labels.purposes['customer-service'] }).filter({ hasText: li.t('decision.allow-masked') });
    await expect.poll(() => csRow.count()).toBeGreaterThan(0);
    expect(await csRow.first().textContent()).toContain(labels.categories['id-number']);
    // the ID number is masked for the person too, and no staff or service key id is shown
    expect(await li.shownValue('id-number')).not.toContain('19491231');
    expect(await log.textContent()).not.toMatch(/cus_|service:[a-z0-9]{12}/);
  });

  it('step 6: the customer closes the account in the privacy center; personal data erased, de-identified statistics remain', async () => {
    const s = get();
    const stats = await s.key('bi', 'service', { purposes: ['statistics'] });
    const rows = Array.from({ length: 20 }, (_, i) => ({ province: ['上海', '北京'][i % 2], orders: i % 5 }));
    const agg = await s.call('POST', '/v1/aggregates', { key: stats, body: { purpose: 'statistics', recipient: 'annual-report', quasiIdentifiers: ['province'], rows } });
    expect(agg.status).toBe(201);

    await li.goto('/requests');
    await li.page.getByLabel(li.t('center.requests.type')).selectOption('close-account');
    await li.page.getByText(li.t('center.requests.closeWarning')).waitFor();
    const closure = await li.fileRequest('close-account');
    await li.waitForRequest(closure, 'completed', 60_000);
    await li.shot('003-closure-completed-zh-Hans');
    const done = (await s.call('GET', `/v1/requests/${closure}`, { key: s.admin })).json;
    expect(done).toMatchObject({ type: 'close-account', status: 'completed', channel: 'web', requester: 'subject' });
    // the account is gone: services get the answer for an unknown subject, the phone no longer finds anyone
    expect((await read(app, 'registration', ['phone'])).status).toBe(404);
    expect((await s.call('POST', '/v1/subjects/lookup', { key: app, body: { kind: 'phone', value: '13812345678' } })).status).toBe(404);
    // signing in again: the page says the same as for anyone, and no code is sent
    await li.page.getByRole('button', { name: li.t('common.signOut') }).click();
    const inbox = async () => (await s.call('GET', '/dev/mailbox?to=13812345678')).json.messages.length as number;
    const sent = await inbox();
    await li.goto('/sign-in');
    await li.page.getByLabel(li.t('center.signIn.contact')).fill('13812345678');
    await li.page.getByRole('button', { name: li.t('center.signIn.send'), exact: true }).click();
    await li.page.getByText(li.t('center.signIn.sent')).waitFor();
    await new Promise((r) => setTimeout(r, 1000));
    expect(await inbox()).toBe(sent);
    // the aggregate made before stays on record, without identifiers
    const log = (await s.call('GET', '/v1/audit?action=aggregate.share', { key: s.admin })).json.entries;
    expect(log.map((e: { details: { aggregate: string } }) => e.details.aggregate)).toContain(agg.json.id);
  });

  it('keeps the audit chain whole and free of personal values', async () => {
    const s = get();
    expect((await s.call('GET', '/v1/audit/verify', { key: s.admin })).json.ok).toBe(true);
    const entries = (await s.call('GET', '/v1/audit?limit=1000', { key: s.admin })).text;
    for (const value of ['13812345678', 'li.lei@example.cn', '韩梅梅', '11010519491231002X']) expect(entries).not.toContain(value);
  });
}, { CUSTODIA_DEPLOY: 'examples/003-online-shop.deploy.yaml' });
