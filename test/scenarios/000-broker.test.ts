// Seed 000, an online broker (GDPR-style, zh-Hant): KYC and a credit-check processor, marketing on legitimate
// interest until objection, automated credit decisions, aggregate survey reports, CCTV, fees and rectification.
import { expect, it } from 'vitest';
import { eventually, NOTICE_HASH, scenario, settled, settledMine, signIn, webhookReceiver } from './scenario-harness.ts';

scenario('000 broker', 'examples/000-broker.live.yaml', (get) => {
  let onboarding: string;
  let marketing: string;
  let research: string;
  let id: string;
  const read = (key: string, purpose: string, categories: string[]) => get().call('POST', `/v1/subjects/${id}/data/read`, { key, body: { purpose, categories } });

  it('step 1: a prospect opens an account; the credit-check processor receives only the categories listed for it', async () => {
    const s = get();
    onboarding = await s.key('onboarding', 'service', { purposes: ['account', 'kyc', 'credit-check', 'credit-decision'] });
    marketing = await s.key('marketing', 'service', { purposes: ['newsletter', 'marketing-email', 'webinar'] });
    research = await s.key('research', 'service', { purposes: ['survey'] });
    id = (await s.call('POST', '/v1/subjects', { key: onboarding, body: { role: 'prospect', regimes: ['gdpr'], language: 'zh-Hant' } })).json.id;
    const put = await s.call('PUT', `/v1/subjects/${id}/data`, { key: onboarding, body: { values: [
      { category: 'name', value: '林志明' }, { category: 'birth-date', value: '1985-03-02' }, { category: 'address', value: '臺北市信義區市府路1號' },
      { category: 'id-number', value: 'A123456789' }, { category: 'email', value: 'lin@example.tw' },
    ] } });
    expect(put.status, put.text).toBe(200);
    const share = (categories: string[]) => s.call('POST', `/v1/subjects/${id}/shares`, { key: onboarding, body: { recipient: 'credit-bureau', purpose: 'credit-check', categories } });
    expect((await share(['name', 'birth-date', 'address', 'id-number', 'email'])).json).toMatchObject({ status: 422, code: 'SHARE_NOT_DECLARED' });
    const ok = await share(['name', 'birth-date', 'address', 'id-number']);
    expect(ok.status, ok.text).toBe(201);
    expect(ok.json.crossBorder).toBe(false); // CY is inside the EEA
  });

  it('step 2: newsletter and webinar; marketing email on legitimate interest until the customer objects', async () => {
    const s = get();
    const customer = (await s.call('POST', '/v1/subjects', { key: onboarding, body: { role: 'customer', regimes: ['gdpr'], language: 'zh-Hant' } })).json.id;
    id = customer;
    await s.call('PUT', `/v1/subjects/${id}/data`, { key: onboarding, body: { values: [{ category: 'name', value: '陳美玲' }, { category: 'email', value: 'chen@example.tw' }] } });
    expect((await read(marketing, 'newsletter', ['email'])).json.decision.rule).toBe('CONSENT_ABSENT');
    expect((await s.call('POST', `/v1/subjects/${id}/consents`, { key: marketing, body: { purposes: [{ purpose: 'newsletter' }], kind: 'general', action: 'checkbox', registryVersion: await s.version(), noticeHash: NOTICE_HASH, channel: 'web' } })).status).toBe(201);
    expect((await read(marketing, 'newsletter', ['email'])).json.decision.effect).toBe('allow-full');
    expect((await read(marketing, 'webinar', ['email'])).json.decision.effect).toBe('allow-full');
    expect((await read(marketing, 'marketing-email', ['email'])).json.decision.effect).toBe('allow-full');
    // GDPR 21(2): the objection to direct marketing is absolute and at once
    const objection = await s.call('POST', '/v1/requests', { key: onboarding, body: { subjectId: id, type: 'object', marketing: true } });
    expect(objection.status, objection.text).toBe(201);
    for (const purpose of ['marketing-email', 'newsletter']) {
      const r = await read(marketing, purpose, ['email']);
      expect(r.json.decision.effect, purpose).toBe('deny');
      expect(r.json.values[0].value).toBeUndefined();
    }
    expect((await read(marketing, 'webinar', ['email'])).json.decision.effect).toBe('allow-full');
  });

  it('step 3: an automated credit decision is recorded with its inputs; the customer can ask for an explanation and human review', async () => {
    const s = get();
    const rec = await s.call('POST', `/v1/subjects/${id}/automated-decisions`, { key: onboarding, body: {
      purpose: 'credit-decision', outcome: 'limit-lowered', modelVersion: 'credit-2026.3',
      inputs: { categories: ['credit-report', 'customer-profile'], summary: 'bureau score band and account tenure' },
      factors: [{ name: 'bureau score band', weight: 0.6, direction: 'negative', category: 'credit-report' }, { name: 'account tenure', weight: 0.4, direction: 'positive', category: 'customer-profile' }],
    } });
    expect(rec.status, rec.text).toBe(201);
    // identifiers never go into the stored inputs
    const leaky = await s.call('POST', `/v1/subjects/${id}/automated-decisions`, { key: onboarding, body: {
      purpose: 'credit-decision', outcome: 'declined', modelVersion: 'credit-2026.3', inputs: { categories: ['credit-report'], summary: 'applicant chen@example.tw' }, factors: [{ name: 'score', weight: 1, direction: 'negative' }],
    } });
    expect(leaky.json.code).toBe('ADM_INPUT_PERSONAL');
    expect((await s.call('POST', `/v1/subjects/${id}/automated-decisions`, { key: marketing, body: { purpose: 'credit-decision', outcome: 'x', modelVersion: 'v', inputs: { categories: ['credit-report'] }, factors: [{ name: 'f', weight: 1, direction: 'negative' }] } })).status).toBeGreaterThanOrEqual(403);
    const explanation = await s.call('GET', `/v1/subjects/${id}/automated-decisions/${rec.json.id}/explanation?lang=zh-Hant`, { key: onboarding });
    expect(explanation.status).toBe(200);
    expect(JSON.stringify(explanation.json)).toContain('bureau score band');
    const review = await s.call('POST', '/v1/requests', { key: onboarding, body: { subjectId: id, type: 'adm-human-review', decisionRef: rec.json.id } });
    expect(review.status, review.text).toBe(201);
    expect(review.json.type).toBe('adm-human-review');
  });

  it('step 4: a survey answer needs consent; a report shared outside must be k-anonymous and carry no identifiers', async () => {
    const s = get();
    await s.call('PUT', `/v1/subjects/${id}/data`, { key: research, body: { values: [{ category: 'survey-answers', value: '服務滿意' }] } });
    expect((await read(research, 'survey', ['survey-answers'])).json.decision.rule).toBe('CONSENT_ABSENT');
    expect((await s.call('POST', `/v1/subjects/${id}/consents`, { key: research, body: { purposes: [{ purpose: 'survey' }], kind: 'general', action: 'checkbox', registryVersion: await s.version(), noticeHash: NOTICE_HASH, channel: 'web' } })).status).toBe(201);
    expect((await read(research, 'survey', ['survey-answers'])).json.values[0].value).toBe('服務滿意');
    const analyst = await s.key('analyst', 'service', { purposes: ['survey'] });
    const rows = Array.from({ length: 30 }, (_, i) => ({ ageBand: ['20-29', '30-39', '40-49'][i % 3], region: i % 2 ? '臺北' : '新北', satisfied: i % 4 !== 0 }));
    const aggregate = (body: Record<string, unknown>) => s.call('POST', '/v1/aggregates', { key: analyst, body: { purpose: 'survey', recipient: 'industry-association', quasiIdentifiers: ['ageBand', 'region'], ...body } });
    expect((await aggregate({ rows })).status).toBe(201);
    const small = await aggregate({ rows: [...rows, { ageBand: '70-79', region: '花蓮', satisfied: true }] });
    expect(small.json).toMatchObject({ status: 422, code: 'AGGREGATE_NOT_ANONYMOUS' });
    const leaky = await aggregate({ rows: rows.map((r, i) => ({ ...r, contact: i === 3 ? 'chen@example.tw' : '' })) });
    expect(leaky.json).toMatchObject({ status: 422, code: 'AGGREGATE_HAS_IDENTIFIERS' });
    expect(leaky.text).not.toContain('chen@example.tw');
    expect((await aggregate({ rows, k: 2 })).status).toBe(400); // k below 5 is not accepted
  });

  it('step 5: visitor registration and CCTV exist; CCTV footage expires after its retention period', async () => {
    const s = get();
    const security = await s.key('office-security', 'service', { purposes: ['cctv', 'visitor-registration'] });
    const visitor = (await s.call('POST', '/v1/subjects', { key: security, body: { role: 'visitor', regimes: ['gdpr'], language: 'zh-Hant' } })).json.id;
    const put = await s.call('PUT', `/v1/subjects/${visitor}/data`, { key: security, body: { values: [{ category: 'name', value: '訪客甲' }, { category: 'visit-record', value: '2026-11-21 10:00 信義辦公室' }, { category: 'cctv-footage', value: 'cam-3/2026-11-21T10-00.mp4' }] } });
    expect(put.status, put.text).toBe(200);
    const registry = (await s.call('GET', '/v1/registry', { key: s.admin })).json.registry;
    const days = Number(/^P(\d+)D$/.exec(registry.purposes.find((p: { id: string }) => p.id === 'cctv').retention.duration)![1]);
    const at = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
    const plan = async (d: number) => (await s.call('GET', `/v1/retention/plan?at=${encodeURIComponent(at(d))}&items=1000`, { key: s.admin })).json;
    const footage = (p: { items: { subjectId: string; category: string }[] }) => p.items.filter((i) => i.subjectId === visitor && i.category === 'cctv-footage');
    expect(footage(await plan(days - 1))).toHaveLength(0);
    expect(footage(await plan(days + 1))).toHaveLength(1);
    // nothing of it goes today
    expect((await s.call('POST', '/v1/retention/sweep', { key: s.admin })).status).toBe(200);
    expect((await s.call('POST', `/v1/subjects/${visitor}/data/read`, { key: security, body: { purpose: 'cctv', categories: ['cctv-footage'] } })).json.values[0].value).toBe('cam-3/2026-11-21T10-00.mp4');
    expect((await s.call('GET', '/v1/retention/plan', { key: marketing })).status).toBe(403);
  });

  it('step 6: the first copy is free, a further copy in the same period carries the fee; the answer lists the recipients', async () => {
    const s = get();
    // a customer whose data went to the credit bureau asks through the privacy center
    const cust = (await s.call('POST', '/v1/subjects', { key: onboarding, body: { role: 'customer', regimes: ['gdpr'], language: 'zh-Hant' } })).json.id;
    await s.call('PUT', `/v1/subjects/${cust}/data`, { key: onboarding, body: { values: [{ category: 'name', value: '王大同' }, { category: 'email', value: 'wang.datong@example.tw' }, { category: 'address', value: '臺中市西屯區文化路5號' }, { category: 'birth-date', value: '1979-12-01' }] } });
    expect((await s.call('POST', `/v1/subjects/${cust}/shares`, { key: onboarding, body: { recipient: 'credit-bureau', purpose: 'credit-check', categories: ['name', 'address'] } })).status).toBe(201);
    const session = await signIn(s, 'wang.datong@example.tw');
    const access = await s.call('POST', '/v1/me/requests', { key: session, body: { type: 'access', language: 'zh-Hant' } });
    expect(access.status, access.text).toBe(201);
    const answered = await settledMine(s, session, access.json.id);
    expect(answered.status).toBe('completed');
    expect(answered.answer.recipients.map((r: { recipient: string }) => r.recipient)).toContain('credit-bureau');
    expect(JSON.stringify(answered.answer)).toContain('王大同');
    const first = await s.call('POST', '/v1/me/requests', { key: session, body: { type: 'copy', language: 'zh-Hant' } });
    expect(first.status).toBe(201);
    expect(first.json.fee?.amount ?? 0).toBe(0); // GDPR 15(3): the first copy is free
    const zip = await fetch(`${s.url}/v1/me/requests/${(await settledMine(s, session, first.json.id)).id}/export`, { headers: { authorization: `Bearer ${session}` } });
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const second = await s.call('POST', '/v1/me/requests', { key: session, body: { type: 'copy', language: 'zh-Hant' } });
    const registry = (await s.call('GET', '/v1/registry', { key: s.admin })).json.registry;
    expect(second.json.fee).toMatchObject({ amount: registry.fees.amount, currency: registry.fees.currency, copyNo: 2 });
    // another person's request answers like an unknown one, and the audit log holds none of the values
    expect((await s.call('GET', `/v1/me/requests/${access.json.id}`, { key: await signIn(s, 'chen@example.tw') })).status).toBe(404);
    expect((await s.call('GET', `/v1/audit?subject=${cust}&limit=1000`, { key: s.admin })).text).not.toContain('王大同');
  });

  it('step 7: a corrected address is propagated to every recipient that received it', async () => {
    const s = get();
    const hook = await webhookReceiver();
    try {
      expect((await s.call('POST', '/v1/webhooks', { key: s.admin, body: { url: hook.url, topics: ['rights.*'] } })).status).toBe(201);
      const cust = (await s.call('POST', '/v1/subjects', { key: onboarding, body: { role: 'customer', regimes: ['gdpr'], language: 'zh-Hant' } })).json.id;
      await s.call('PUT', `/v1/subjects/${cust}/data`, { key: onboarding, body: { values: [{ category: 'name', value: '黃小華' }, { category: 'address', value: '新北市板橋區中山路1號' }, { category: 'birth-date', value: '1990-01-01' }, { category: 'id-number', value: 'B123456789' }] } });
      for (const [recipient, purpose] of [['credit-bureau', 'credit-check'], ['identity-verification-provider', 'kyc']]) {
        expect((await s.call('POST', `/v1/subjects/${cust}/shares`, { key: onboarding, body: { recipient, purpose, categories: ['name', 'address'] } })).status).toBe(201);
      }
      const fix = await s.call('POST', '/v1/requests', { key: onboarding, body: { subjectId: cust, type: 'rectify', values: [{ category: 'address', value: '新北市板橋區中山路100號' }] } });
      expect(fix.status, fix.text).toBe(201);
      const officer = await s.key('dpo-7', 'privacy-officer');
      expect((await settled(s, officer, fix.json.id)).status).toBe('completed');
      expect((await s.call('POST', `/v1/subjects/${cust}/data/read`, { key: onboarding, body: { purpose: 'account', categories: ['address'] } })).json.values[0].value).toBe('新北市板橋區中山路100號');
      const events = await eventually(() => {
        const e = hook.events.filter((x) => x.topic === 'rights.rectified' && x.body.subject === cust);
        if (e.length === 0) throw new Error('no rectification event yet');
        return e;
      });
      const recipients = new Set(events.flatMap((e) => (e.body.data.recipients as { recipient: string }[]).map((r) => r.recipient)));
      expect(recipients).toEqual(new Set(['credit-bureau', 'identity-verification-provider']));
      expect(JSON.stringify(events)).not.toContain('中山路100號');
    } finally {
      await hook.close();
    }
  });

  it('keeps the audit chain whole', async () => {
    const s = get();
    expect((await s.call('GET', '/v1/audit/verify', { key: s.admin })).json.ok).toBe(true);
  });
});
