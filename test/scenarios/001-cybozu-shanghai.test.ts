// Seed 001, Cybozu Shanghai under PIPL: sign-ups per purpose, call recordings, the Japanese parent, the notice's
// recipient tables, the cookie banner and a material registry change. The website, support desk and staff work over
// the public API; the customer's own steps (consenting to the survey and to the parent company by name, reading the
// notice, choosing cookies, renewing a stale consent, asking for deletion) go through the privacy center and the
// cookie banner in Chromium, in Simplified Chinese.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { centerBrowser, SHOTS, type Person } from './center-browser.ts';
import { eventually, NOTICE_HASH, scenario, settled, webhookReceiver } from './scenario-harness.ts';

const browser = centerBrowser();

scenario('001 Cybozu Shanghai', 'examples/001-cybozu-shanghai.live.yaml', (get) => {
  let web: string;
  let support: string;
  let id: string;
  let zhang: Person;
  let visitor: Person | undefined;
  let registry: any;
  const zh = (list: string, id: string) => registry[list].find((x: { id: string }) => x.id === id)[list === 'recipients' ? 'names' : 'labels']['zh-Hans'] as string;
  afterAll(async () => Promise.all([zhang?.close(), visitor?.close()]));
  const read = (key: string, purpose: string, categories: string[]) => get().call('POST', `/v1/subjects/${id}/data/read`, { key, body: { purpose, categories } });
  const grant = async (purposes: { purpose: string; recipient?: string }[], kind: string) =>
    get().call('POST', `/v1/subjects/${id}/consents`, { key: web, body: { purposes, kind, action: 'checkbox', registryVersion: await get().version(), noticeHash: NOTICE_HASH, channel: 'web' } });

  it('step 1: trial, seminar and survey sign-ups collect company, title, name, phone and email under their own purposes', async () => {
    const s = get();
    web = await s.key('website', 'service', { purposes: ['trial', 'seminar', 'survey', 'parent-company-sharing', 'web-analytics'] });
    support = await s.key('support-desk', 'service', { purposes: ['inquiry'] });
    registry = (await s.call('GET', '/v1/registry', { key: s.admin })).json.registry;
    id = (await s.call('POST', '/v1/subjects', { key: web, body: { role: 'customer', regimes: ['pipl'], language: 'zh-Hans' } })).json.id;
    const values = [
      { category: 'company-name', value: '上海示例科技有限公司' }, { category: 'job-title', value: '信息部经理' },
      { category: 'name', value: '张伟' }, { category: 'phone', value: '+86 138 0013 8000' }, { category: 'email', value: 'zhang.wei@example.cn' },
    ];
    expect((await s.call('PUT', `/v1/subjects/${id}/data`, { key: web, body: { values } })).status).toBe(200);
    for (const purpose of ['trial', 'seminar']) expect((await read(web, purpose, ['company-name', 'name', 'email'])).json.decision.effect).toBe('allow-full');
    // the survey rests on consent: no answer is read before it is given
    expect((await read(web, 'survey', ['email'])).json.decision).toMatchObject({ effect: 'deny', rule: 'CONSENT_ABSENT' });
    // the customer consents to the survey in the privacy center
    zhang = await browser.person(s, 'zh-Hans');
    await zhang.signIn('zhang.wei@example.cn');
    await zhang.nav('center.nav.choices');
    await zhang.flip(zh('purposes', 'survey'), true);
    expect((await s.call('GET', `/v1/consents/check?subject=${id}&purpose=survey`, { key: web })).json.status).toBe('granted');
    expect((await s.call('PUT', `/v1/subjects/${id}/data`, { key: web, body: { values: [{ category: 'survey-answers', value: '满意' }] } })).status).toBe(200);
    expect((await read(web, 'survey', ['survey-answers'])).json.values[0].value).toBe('满意');
  });

  it('step 2: a support call recording is stored under the inquiry purpose only', async () => {
    const s = get();
    expect((await s.call('PUT', `/v1/subjects/${id}/data`, { key: web, body: { values: [{ category: 'call-recording', value: 'rec://2026/11/21/0001.opus' }] } })).json.code).toBe('ACCESS_DENIED');
    expect((await s.call('PUT', `/v1/subjects/${id}/data`, { key: support, body: { values: [{ category: 'call-recording', value: 'rec://2026/11/21/0001.opus' }] } })).status).toBe(200);
    expect((await read(support, 'inquiry', ['call-recording'])).json.decision.effect).toBe('allow-full');
    expect((await read(web, 'trial', ['call-recording'])).json.decision).toMatchObject({ effect: 'deny', rule: 'CATEGORY_NOT_IN_PURPOSE' });
  });

  it('step 3: sharing with the parent company in Japan needs a separate consent naming it', async () => {
    const s = get();
    const share = () => s.call('POST', `/v1/subjects/${id}/shares`, { key: web, body: { recipient: 'parent-company-jp', purpose: 'parent-company-sharing', categories: ['company-name', 'name', 'email'] } });
    const refused = await share();
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ code: 'ACCESS_DENIED', rule: 'CONSENT_ABSENT' });
    expect((await s.call('GET', `/v1/subjects/${id}/shares`, { key: web })).json.shares).toHaveLength(0);
    // a ticked box on the website is no separate consent
    expect((await grant([{ purpose: 'parent-company-sharing' }], 'general')).json).toMatchObject({ code: 'CONSENT_KIND_INSUFFICIENT' });
    // in the privacy center the purpose and the named recipient are switches of their own, each asked separately
    const purpose = zh('purposes', 'parent-company-sharing');
    const named = `${purpose} → ${zh('recipients', 'parent-company-jp')}`;
    await zhang.goto('/choices');
    expect(await zhang.page.getByTestId('consent-parent-company-sharing').textContent()).toContain(zhang.t('center.choices.separate'));
    expect(await zhang.page.getByTestId('consent-parent-company-sharing-parent-company-jp').textContent()).toContain(zhang.t('center.choices.separate'));
    // the analytics processor acts for the company: no switch names it
    expect(await zhang.page.getByText(zh('recipients', 'baidu-tongji')).count()).toBe(0);
    await zhang.flip(purpose, true);
    const noRecipient = await share();
    expect(noRecipient.json).toMatchObject({ status: 409, code: 'SHARE_NEEDS_CONSENT' });
    expect(['PIPL-23-1', 'PIPL-39-1']).toContain(noRecipient.json.rule);
    expect((await s.call('GET', `/v1/subjects/${id}/shares`, { key: web })).json.shares).toHaveLength(0);
    await zhang.flip(named, true);
    const state = (await s.call('GET', `/v1/subjects/${id}/consents`, { key: web })).json.state;
    expect(state).toContainEqual(expect.objectContaining({ target: 'parent-company-sharing', recipient: 'parent-company-jp', status: 'granted', kind: 'separate' }));
    await zhang.shot('001-choices-parent-company-zh-Hans');
    const ok = await share();
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ recipient: 'parent-company-jp', country: 'JP', crossBorder: true });
  });

  it('step 4: the notice carries the recipient tables for sharing and for the cross-border transfer', async () => {
    const s = get();
    const notice = await s.call('GET', '/v1/notice?lang=zh-Hans&format=html');
    expect(notice.status).toBe(200);
    expect(notice.headers.get('content-type')).toContain('text/html');
    const html = notice.text;
    expect(html).toContain('<html lang="zh-Hans"');
    const parent = registry.recipients.find((r: { id: string }) => r.id === 'parent-company-jp');
    expect(html).toContain(parent.names['zh-Hans']);
    if (parent.contact?.email) expect(html).toContain(parent.contact.email);
    expect(html).toContain(parent.method['zh-Hans']);
    expect(html.match(/<table/g)!.length).toBeGreaterThanOrEqual(2);
    expect((await s.call('GET', '/v1/notice?lang=ko&format=md')).text).toContain('#');
    // what the customer reads on the privacy center's front page: both tables, in Simplified Chinese
    await zhang.nav('center.nav.notice');
    const frame = zhang.page.frameLocator('iframe.notice-frame');
    await frame.locator('h1').waitFor();
    expect(await frame.locator('html').getAttribute('lang')).toBe('zh-Hans');
    const tables = frame.locator('table').filter({ hasText: parent.names['zh-Hans'] });
    expect(await tables.count()).toBeGreaterThanOrEqual(2);
    for (const text of await tables.allTextContents()) {
      expect(text).toContain(parent.method['zh-Hans']);
      expect(text).toContain(parent.contact.phone);
    }
    await tables.first().screenshot({ path: join(SHOTS, '001-notice-parent-table-zh-Hans.png') });
  });

  it('step 5: the cookie banner loads the third-party analytics only after opt-in', async () => {
    const s = get();
    // a visitor of the website, in Chromium: nothing loads before a choice, rejecting is one click, opting in loads it
    visitor = await browser.person(s, 'zh-Hans');
    const page = visitor.page;
    const loaded = () => page.evaluate(() => (globalThis as any).__fakeAnalyticsLoaded === true);
    await page.goto(`${s.url}/demo/banner`);
    const dialog = page.getByRole('dialog', { name: '我们如何使用 Cookie 和类似技术' });
    await dialog.waitFor();
    expect(await loaded()).toBe(false);
    const rejected = page.waitForResponse((r) => r.url().endsWith('/v1/banner/choices') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: '全部拒绝' }).click();
    const first = await (await rejected).json();
    expect(first.choices).toMatchObject({ necessary: true, analytics: false });
    await page.waitForTimeout(300);
    expect(await loaded()).toBe(false);
    expect((await s.call('GET', `/v1/banner/choices/${first.visitorId}`)).json.choices.analytics).toBe(false);
    await page.evaluate(() => (globalThis as any).Custodia.banner.open());
    const accepted = page.waitForResponse((r) => r.url().endsWith('/v1/banner/choices') && r.request().method() === 'POST');
    await page.getByRole('dialog').getByRole('button', { name: '全部接受' }).click();
    expect(await (await accepted).json()).toMatchObject({ visitorId: first.visitorId, seq: '2', choices: { analytics: true } });
    await page.waitForFunction(() => (globalThis as any).__fakeAnalyticsLoaded === true, undefined, { timeout: 5000 });
    expect((await s.call('GET', `/v1/banner/choices/${first.visitorId}`)).json.choices.analytics).toBe(true);
    // the analytics class is the third-party service the registry names
    const config = await s.call('GET', '/v1/banner/config?lang=zh-CN');
    expect(config.status).toBe(200);
    const analytics = config.json.classes.find((c: { id?: string; class?: string }) => (c.id ?? c.class) === 'analytics');
    expect(JSON.stringify(analytics)).toContain('baidu-tongji');
    const version = config.json.registryVersion;
    const refuse = await s.call('POST', '/v1/banner/choices', { body: { choices: { functional: false, analytics: false, advertising: false }, registryVersion: version } });
    expect(refuse.status).toBe(201);
    expect(refuse.json.choices.analytics).toBe(false);
    const optIn = await s.call('POST', '/v1/banner/choices', { body: { visitorId: refuse.json.visitorId, choices: { functional: true, analytics: true, advertising: true }, registryVersion: version }, headers: { 'sec-gpc': '1' } });
    expect(optIn.json.choices).toMatchObject({ analytics: true, advertising: false });
    expect((await s.call('GET', `/v1/banner/choices/${refuse.json.visitorId}`)).json.seq).toBe('2');
  });

  it('step 6: a version that adds a purpose is a material change; consents tied to changed parts become stale', async () => {
    const s = get();
    const source = readFileSync('examples/001-cybozu-shanghai.live.yaml', 'utf8');
    // add a category to the survey (its consent scope changes) and a whole new purpose
    const next = source
      .replace(/(\n  - id: survey\n(?:    .*\n)*?    categories: \[)/, '$1sns-account, ')
      .replace(/\npurposes:\n/, `\npurposes:\n  - id: user-community\n    labels: { zh-Hans: 用户社区, zh-Hant: 用戶社群, ko: 사용자 커뮤니티, en: User community }\n    categories: [name, email]\n    roles: [customer]\n    legalBasis: consent\n    consentMechanism: general\n    required: false\n    method: { zh-Hans: 在社区中展示昵称, zh-Hant: 在社群中顯示暱稱, ko: 커뮤니티에 닉네임 표시, en: Showing your nickname in the community }\n    retention: { until: consent-withdrawn, grace: P30D }\n    assessment: { id: PIA-001-2026-09 }\n`);
    expect(next).not.toBe(source);
    const pub = await s.call('POST', '/v1/registry/versions', { key: s.admin, body: { source: next } });
    expect(pub.status, pub.text).toBe(201);
    const material = pub.json.changes.filter((c: { material: boolean }) => c.material);
    expect(material.map((c: { path: string }) => c.path)).toEqual(expect.arrayContaining(['purposes[user-community]']));
    expect(pub.json.changes.find((c: { path: string }) => c.path === 'purposes[survey].categories')).toMatchObject({ material: true, affects: { purposes: ['survey'] } });
    expect((await s.call('GET', `/v1/consents/check?subject=${id}&purpose=survey`, { key: web })).json.status).toBe('stale');
    expect((await read(web, 'survey', ['survey-answers'])).json.decision).toMatchObject({ effect: 'deny', rule: 'CONSENT_STALE' });
    const stale = (await s.call('GET', '/v1/consents/stale', { key: s.admin })).json.stale;
    expect(stale).toContainEqual(expect.objectContaining({ subjectId: id, purpose: 'survey' }));
    expect(stale.some((x: { purpose: string }) => x.purpose === 'parent-company-sharing')).toBe(false);
    expect((await s.call('POST', '/v1/consents/renewals', { key: s.admin, body: {} })).json.subjects).toBeGreaterThanOrEqual(1);
    // the customer sees the survey consent flagged in the privacy center and renews it there; the new purpose is a
    // switch of its own, off until chosen, and the parent-company consents (unchanged parts) stay as they were
    await zhang.goto('/choices');
    const survey = zhang.page.getByTestId('consent-survey');
    expect(await survey.textContent()).toContain(zhang.t('center.choices.renewNeeded'));
    expect(await zhang.page.getByTestId('consent-parent-company-sharing').textContent()).not.toContain(zhang.t('center.choices.renewNeeded'));
    expect(await zhang.switch('用户社区').getAttribute('aria-checked')).toBe('false');
    await zhang.shot('001-choices-stale-zh-Hans');
    await survey.getByRole('button', { name: zhang.t('center.choices.renew') }).click();
    await expect.poll(() => zhang.page.getByRole('status').filter({ hasText: zh('purposes', 'survey') }).textContent()).toBe(zhang.t('center.choices.savedRenew', { name: zh('purposes', 'survey') }));
    expect((await s.call('GET', `/v1/consents/check?subject=${id}&purpose=survey`, { key: web })).json.status).toBe('granted');
    expect((await read(web, 'survey', ['survey-answers'])).json.values[0].value).toBe('满意');
    await expect.poll(async () => (await zhang.page.getByTestId('consent-survey').textContent()) ?? '').not.toContain(zhang.t('center.choices.renewNeeded'));
  });

  it('step 7: a deletion request erases the data, tells the parent company, and closes within the deadline', async () => {
    const s = get();
    const hook = await webhookReceiver();
    try {
      expect((await s.call('POST', '/v1/webhooks', { key: s.admin, body: { url: hook.url, topics: ['rights.erased'] } })).status).toBe(201);
      // the customer asks for deletion in the privacy center, saying why (PIPL 47: consent withdrawn, no longer needed)
      const filed = await zhang.fileRequest('erase', { message: '我已不再使用贵司服务' });
      const officer = await s.key('dpo', 'privacy-officer');
      const done = await settled(s, officer, filed, 60_000);
      expect(done).toMatchObject({ status: 'completed', channel: 'web', requester: 'subject' });
      await zhang.waitForRequest(filed, 'completed');
      expect(await zhang.page.getByTestId('request-status').textContent()).toBe('已完成');
      await zhang.shot('001-erase-completed-zh-Hans');
      expect(new Date(done.closedAt).getTime()).toBeLessThanOrEqual(new Date(done.dueAt).getTime());
      expect(done.deadline.regime).toBe('pipl');
      // what a legal obligation keeps is stored only, never used (PIPL 47 para 2); the rest is gone
      const after = await read(web, 'trial', ['name', 'email', 'job-title']);
      expect(after.json.values.every((v: { value?: string }) => v.value === undefined)).toBe(true);
      const legal = (await s.call('GET', '/v1/registry', { key: s.admin })).json.registry.purposes.find((p: { id: string }) => p.id === 'legal-compliance');
      expect(after.json.values.filter((v: { held?: boolean }) => v.held).map((v: { category: string }) => v.category).sort()).toEqual(['email', 'name'].filter((c) => legal.categories.includes(c)).sort());
      const event = await eventually(() => {
        const e = hook.events.find((x) => x.body.subject === id);
        if (!e) throw new Error('no erasure event yet');
        return e;
      });
      expect(event.body.data.recipients.map((r: { recipient: string }) => r.recipient)).toContain('parent-company-jp');
      expect(JSON.stringify(event)).not.toContain('zhang.wei@example.cn');
      expect((await s.call('GET', `/v1/audit?subject=${id}&limit=1000`, { key: s.admin })).text).not.toContain('张伟');
      expect((await s.call('GET', '/v1/audit/verify', { key: s.admin })).json.ok).toBe(true);
    } finally {
      await hook.close();
    }
  });

  it('step 8: a breach: the affected people are found from the audit log, notices drafted in their language, a regulator report produced', async () => {
    const s = get();
    const started = new Date(Date.now() - 60_000).toISOString();
    const crm = await s.key('crm-sync', 'service', { purposes: ['trial', 'inquiry'] });
    const people: string[] = [];
    for (const [name, email] of [['李娜', 'li.na@example.cn'], ['王芳', 'wang.fang@example.cn']]) {
      const pid = (await s.call('POST', '/v1/subjects', { key: web, body: { role: 'customer', regimes: ['pipl'], language: 'zh-Hans' } })).json.id;
      await s.call('PUT', `/v1/subjects/${pid}/data`, { key: web, body: { values: [{ category: 'name', value: name }, { category: 'email', value: email }] } });
      expect((await s.call('POST', `/v1/subjects/${pid}/data/read`, { key: crm, body: { purpose: 'trial', categories: ['name', 'email'] } })).json.decision.effect).toBe('allow-full');
      people.push(pid);
    }
    const keyId = /^cus_([a-z0-9]{12})_/.exec(crm)![1];
    const incident = await s.call('POST', '/v1/incidents', { key: s.admin, body: {
      id: 'INC-001-2026-11', title: { 'zh-Hans': 'CRM 同步账号泄露', en: 'CRM sync key leaked' }, description: { 'zh-Hans': '同步服务的密钥被外部获取并用于读取数据', en: 'The sync service key was obtained from outside and used to read data' },
      startedAt: started, discoveredAt: new Date().toISOString(), categories: ['name', 'email'], vector: 'external-intrusion', affectedCount: 0, regimes: ['pipl'],
      measures: { 'zh-Hans': '已吊销该密钥并轮换所有同步凭据', en: 'The key was revoked and every sync credential rotated' }, contact: { email: 'privacy@cybozu.example' },
      scope: { actors: [`service:${keyId}`] },
    } });
    expect(incident.status, incident.text).toBe(201);
    const scoped = await s.call('POST', '/v1/incidents/INC-001-2026-11/scope', { key: s.admin, body: { actors: [`service:${keyId}`] } });
    expect(scoped.status, scoped.text).toBe(200);
    expect(scoped.json.audit).toBe(2);
    const view = (await s.call('GET', '/v1/incidents/INC-001-2026-11', { key: s.admin })).json;
    expect(view.affected).toMatchObject({ total: 2, byLanguage: { 'zh-Hans': 2 } });
    expect(view.clocks.find((c: { regime: string; audience: string }) => c.regime === 'pipl' && c.audience === 'regulator')).toMatchObject({ required: true, immediate: true });
    const drafts = (await s.call('GET', '/v1/incidents/INC-001-2026-11/drafts?lang=zh-Hans', { key: s.admin })).json.drafts;
    expect(drafts.map((d: { channel: string }) => d.channel).sort()).toEqual(['email', 'letter', 'phone', 'push']);
    expect(drafts.every((d: { lang: string }) => d.lang === 'zh-Hans')).toBe(true);
    expect(JSON.stringify(drafts)).not.toContain('li.na@example.cn');
    const report = await s.call('GET', '/v1/incidents/INC-001-2026-11/regulator-report?regime=pipl', { key: s.admin });
    expect(report.status).toBe(200);
    expect(report.json).toMatchObject({ regime: 'pipl', required: true, immediate: true });
    const notify = await s.call('POST', '/v1/incidents/INC-001-2026-11/notify', { key: s.admin, body: { channels: ['email'] } });
    expect(notify.json).toMatchObject({ queued: 2 });
    expect((await s.call('GET', '/v1/incidents', { key: web })).status).toBe(403);
    expect((await s.call('GET', '/v1/incidents/INC-nope', { key: s.admin })).status).toBe(404);
  });
});
