// Seed 001, Cybozu Shanghai under PIPL: sign-ups per purpose, call recordings, the Japanese parent, the notice's
// recipient tables, the cookie banner and a material registry change.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { eventually, NOTICE_HASH, scenario, settled, webhookReceiver } from './scenario-harness.ts';

scenario('001 Cybozu Shanghai', 'examples/001-cybozu-shanghai.live.yaml', (get) => {
  let web: string;
  let support: string;
  let id: string;
  const read = (key: string, purpose: string, categories: string[]) => get().call('POST', `/v1/subjects/${id}/data/read`, { key, body: { purpose, categories } });
  const grant = async (purposes: { purpose: string; recipient?: string }[], kind: string) =>
    get().call('POST', `/v1/subjects/${id}/consents`, { key: web, body: { purposes, kind, action: 'checkbox', registryVersion: await get().version(), noticeHash: NOTICE_HASH, channel: 'web' } });

  it('step 1: trial, seminar and survey sign-ups collect company, title, name, phone and email under their own purposes', async () => {
    const s = get();
    web = await s.key('website', 'service', { purposes: ['trial', 'seminar', 'survey', 'parent-company-sharing', 'web-analytics'] });
    support = await s.key('support-desk', 'service', { purposes: ['inquiry'] });
    id = (await s.call('POST', '/v1/subjects', { key: web, body: { role: 'customer', regimes: ['pipl'], language: 'zh-Hans' } })).json.id;
    const values = [
      { category: 'company-name', value: '上海示例科技有限公司' }, { category: 'job-title', value: '信息部经理' },
      { category: 'name', value: '张伟' }, { category: 'phone', value: '+86 138 0013 8000' }, { category: 'email', value: 'zhang.wei@example.cn' },
    ];
    expect((await s.call('PUT', `/v1/subjects/${id}/data`, { key: web, body: { values } })).status).toBe(200);
    for (const purpose of ['trial', 'seminar']) expect((await read(web, purpose, ['company-name', 'name', 'email'])).json.decision.effect).toBe('allow-full');
    // the survey rests on consent: no answer is read before it is given
    expect((await read(web, 'survey', ['email'])).json.decision).toMatchObject({ effect: 'deny', rule: 'CONSENT_ABSENT' });
    expect((await grant([{ purpose: 'survey' }], 'general')).status).toBe(201);
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
    expect((await grant([{ purpose: 'parent-company-sharing' }], 'general')).json).toMatchObject({ code: 'CONSENT_KIND_INSUFFICIENT' });
    expect((await grant([{ purpose: 'parent-company-sharing' }], 'separate')).status).toBe(201);
    const noRecipient = await share();
    expect(noRecipient.json).toMatchObject({ status: 409, code: 'SHARE_NEEDS_CONSENT' });
    expect(['PIPL-23-1', 'PIPL-39-1']).toContain(noRecipient.json.rule);
    expect((await grant([{ purpose: 'parent-company-sharing', recipient: 'parent-company-jp' }], 'separate')).status).toBe(201);
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
    const registry = (await s.call('GET', '/v1/registry', { key: s.admin })).json.registry;
    const parent = registry.recipients.find((r: { id: string }) => r.id === 'parent-company-jp');
    expect(html).toContain(parent.names['zh-Hans']);
    if (parent.contact?.email) expect(html).toContain(parent.contact.email);
    expect(html).toContain(parent.method['zh-Hans']);
    expect(html.match(/<table/g)!.length).toBeGreaterThanOrEqual(2);
    expect((await s.call('GET', '/v1/notice?lang=ko&format=md')).text).toContain('#');
  });

  it('step 5: the cookie banner loads the third-party analytics only after opt-in', async () => {
    const s = get();
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
  });

  it('step 7: a deletion request erases the data, tells the parent company, and closes within the deadline', async () => {
    const s = get();
    const hook = await webhookReceiver();
    try {
      expect((await s.call('POST', '/v1/webhooks', { key: s.admin, body: { url: hook.url, topics: ['rights.erased'] } })).status).toBe(201);
      const filed = await s.call('POST', '/v1/requests', { key: web, body: { subjectId: id, type: 'erase', message: '我已不再使用贵司服务' } });
      expect(filed.status, filed.text).toBe(201);
      const officer = await s.key('dpo', 'privacy-officer');
      const done = await settled(s, officer, filed.json.id, 60_000);
      expect(done.status).toBe('completed');
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
