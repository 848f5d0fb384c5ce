// Seed 003, an online shop under PIPL / GB/T 35273: the story of ../shared/scenarios/README.md over the public API.
import { expect, it } from 'vitest';
import { NOTICE_HASH, scenario, settledMine, signIn } from './scenario-harness.ts';

scenario('003 online shop', 'examples/003-online-shop.live.yaml', (get) => {
  let app: string;
  let cs: string;
  let id: string;
  const grant = async (purposes: { purpose: string; recipient?: string }[], kind: string) =>
    get().call('POST', `/v1/subjects/${id}/consents`, { key: app, body: { purposes, kind, action: 'checkbox', registryVersion: await get().version(), noticeHash: NOTICE_HASH, channel: 'app' } });
  const read = (key: string, purpose: string, categories: string[]) => get().call('POST', `/v1/subjects/${id}/data/read`, { key, body: { purpose, categories } });

  it('step 1: registration stores phone and email; the account name is the default nickname', async () => {
    const s = get();
    app = await s.key('shop-app', 'service', { purposes: ['registration', 'order', 'payment', 'delivery', 'face-login'] });
    cs = await s.key('cs-agent', 'agent', { department: 'cs' });
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
  });

  it('step 2: an order; the payment institution gets order number and amount only, the courier what delivery needs', async () => {
    const s = get();
    await s.call('PUT', `/v1/subjects/${id}/data`, { key: app, body: { values: [
      { category: 'recipient-name', value: '韩梅梅' }, { category: 'recipient-address', value: '上海市浦东新区世纪大道100号' },
      { category: 'recipient-phone', value: '13987654321' }, { category: 'order-number', value: 'SO-2026-000123' }, { category: 'amount', value: '299.00' },
    ] } });
    const share = (recipient: string, purpose: string, categories: string[]) => s.call('POST', `/v1/subjects/${id}/shares`, { key: app, body: { recipient, purpose, categories } });
    // PIPL 23: providing to another handler needs a separate consent naming it
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
  });

  it('step 3: face login needs a separate consent for a sensitive category, and so does every new use', async () => {
    const general = await grant([{ purpose: 'face-login' }], 'general');
    expect(general.json).toMatchObject({ status: 422, code: 'CONSENT_KIND_INSUFFICIENT' });
    expect(['PIPL-29-1', 'CN-FRT-1']).toContain(general.json.rule);
    expect((await grant([{ purpose: 'face-login' }, { purpose: 'photo-shopping' }], 'separate')).json.code).toBe('CONSENT_BUNDLED');
    const before = await read(app, 'face-login', ['face']);
    expect(before.json.decision).toMatchObject({ effect: 'deny', rule: 'CONSENT_ABSENT' });
    expect((await grant([{ purpose: 'face-login' }], 'separate')).status).toBe(201);
    expect((await read(app, 'face-login', ['face'])).json.decision.effect).toBe('allow-full');
  });

  it('step 4: switching a device permission off stops new processing and keeps what was done before', async () => {
    const s = get();
    const off = await s.call('PUT', `/v1/subjects/${id}/permissions/camera`, { key: app, body: { enabled: false, channel: 'app' } });
    expect(off.status).toBe(201);
    expect((await read(app, 'face-login', ['face'])).json.decision).toMatchObject({ effect: 'deny', rule: 'PERMISSION_OFF' });
    const history = (await s.call('GET', `/v1/subjects/${id}/consents?history=true`, { key: app })).json.history;
    expect(history.map((e: { target: string; event: string }) => `${e.target}:${e.event}`)).toEqual(expect.arrayContaining(['face-login:grant', 'camera:off']));
    const accesses = (await s.call('GET', `/v1/subjects/${id}/access-report`, { key: app })).json.accesses;
    expect(accesses.some((a: { purpose: string; decision: string }) => a.purpose === 'face-login' && a.decision === 'allow-full')).toBe(true);
    expect((await s.call('PUT', `/v1/subjects/${id}/permissions/camera`, { key: app, body: { enabled: true, channel: 'app' } })).status).toBe(201);
    expect((await read(app, 'face-login', ['face'])).json.decision.effect).toBe('allow-full');
  });

  it('step 5: customer service sees phone numbers and ID numbers masked', async () => {
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
  });

  it('step 1 and 4 in the privacy center: sign-in with an SMS code, masked data, switches for consents and permissions', async () => {
    const s = get();
    const session = await signIn(s, '13812345678');
    const data = (await s.call('GET', '/v1/me/data', { key: session })).json.values;
    const phone = data.find((v: { category: string }) => v.category === 'phone');
    expect(phone.value).toMatch(/^138\*+5678$/);
    // the session is scoped to this person: a service route with it is refused, and nobody else's data is reachable
    expect((await s.call('GET', `/v1/subjects/${id}/consents`, { key: session })).status).toBe(401);
    const off = await s.call('PUT', '/v1/me/permissions/camera', { key: session, body: { enabled: false } });
    expect(off.status, off.text).toBe(201);
    expect((await read(app, 'face-login', ['face'])).json.decision.rule).toBe('PERMISSION_OFF');
    expect((await s.call('POST', '/v1/me/consents/withdraw', { key: session, body: { purpose: 'face-login' } })).status).toBe(201);
    expect((await s.call('PUT', '/v1/me/permissions/camera', { key: session, body: { enabled: true } })).status).toBe(201);
    expect((await read(app, 'face-login', ['face'])).json.decision.rule).toBe('CONSENT_ABSENT');
    const again = await s.call('POST', '/v1/me/consents', { key: session, body: { purpose: 'face-login' } });
    expect(again.status, again.text).toBe(201);
    expect((await read(app, 'face-login', ['face'])).json.decision.effect).toBe('allow-full');
    const consents = (await s.call('GET', '/v1/me/consents', { key: session })).json;
    expect(consents.state.find((c: { target: string }) => c.target === 'face-login')).toMatchObject({ status: 'granted', kind: 'separate' });
    expect((await s.call('GET', '/v1/me/shares', { key: session })).json.shares.map((x: { recipient: string }) => x.recipient).sort()).toEqual(['courier', 'payment-institution']);
    const accesses = (await s.call('GET', '/v1/me/access-report', { key: session })).json.accesses;
    expect(accesses.some((a: { purpose: string }) => a.purpose === 'customer-service')).toBe(true);
    expect(JSON.stringify(accesses)).not.toMatch(/cus_|service:[a-z0-9]{12}/);
  });

  it('step 6: account closure erases personal data; de-identified statistics remain', async () => {
    const s = get();
    const stats = await s.key('bi', 'service', { purposes: ['statistics'] });
    const rows = Array.from({ length: 20 }, (_, i) => ({ province: ['上海', '北京'][i % 2], orders: i % 5 }));
    const agg = await s.call('POST', '/v1/aggregates', { key: stats, body: { purpose: 'statistics', recipient: 'annual-report', quasiIdentifiers: ['province'], rows } });
    expect(agg.status).toBe(201);
    const session = await signIn(s, '13812345678');
    const closure = await s.call('POST', '/v1/me/requests', { key: session, body: { type: 'close-account' } });
    expect(closure.status, closure.text).toBe(201);
    const done = await settledMine(s, session, closure.json.id, 60_000);
    expect(done.status).toBe('completed');
    // the account is gone: services get the answer for an unknown subject, the phone no longer finds anyone
    expect((await read(app, 'registration', ['phone'])).status).toBe(404);
    expect((await s.call('POST', '/v1/subjects/lookup', { key: app, body: { kind: 'phone', value: '13812345678' } })).status).toBe(404);
    expect((await s.call('POST', '/v1/me/verify', { body: { contact: '13812345678' } })).status).toBe(202);
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
