// Seed 000, an online broker (GDPR-style, zh-Hant): KYC and a credit-check processor, marketing on legitimate
// interest until objection, automated credit decisions, aggregate survey reports, CCTV, fees and rectification.
import { expect, it } from 'vitest';
import { NOTICE_HASH, scenario } from './scenario-harness.ts';

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

  it('keeps the audit chain whole', async () => {
    const s = get();
    expect((await s.call('GET', '/v1/audit/verify', { key: s.admin })).json.ok).toBe(true);
  });
});
