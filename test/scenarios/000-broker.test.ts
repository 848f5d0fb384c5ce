// Seed 000, an online broker (GDPR-style, zh-Hant): KYC and a credit-check processor, marketing on legitimate
// interest until objection, automated credit decisions, aggregate survey reports, CCTV, fees and rectification.
// Onboarding, marketing, research and office security are services on the public API, staff answer over it too;
// what the customers do themselves (subscribe, object, ask about a decision, consent to a survey, ask for access
// and copies, correct an address) they do in the privacy center in Chromium, in Traditional Chinese.
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, expect, it } from 'vitest';
import { centerBrowser, type Person } from './center-browser.ts';
import { eventually, scenario, settled, webhookReceiver } from './scenario-harness.ts';

const browser = centerBrowser();

scenario('000 broker', 'examples/000-broker.live.yaml', (get) => {
  let onboarding: string;
  let marketing: string;
  let research: string;
  let id: string;
  let chen: Person;
  let decision: string;
  const people: Person[] = [];
  const person = async (contact: string, opts?: { phone?: boolean }) => {
    const p = await browser.person(get(), 'zh-Hant', opts);
    people.push(p);
    await p.signIn(contact);
    return p;
  };
  let zh: { purposes: Record<string, string>; categories: Record<string, string>; recipients: Record<string, string> };
  const read = (key: string, purpose: string, categories: string[]) => get().call('POST', `/v1/subjects/${id}/data/read`, { key, body: { purpose, categories } });
  const staffView = async (requestId: string) => (await get().call('GET', `/v1/requests/${requestId}`, { key: get().admin })).json;
  afterAll(async () => Promise.all(people.map((p) => p.close())));

  it('step 1: a prospect opens an account; the credit-check processor receives only the categories listed for it', async () => {
    const s = get();
    onboarding = await s.key('onboarding', 'service', { purposes: ['account', 'kyc', 'credit-check', 'credit-decision'] });
    marketing = await s.key('marketing', 'service', { purposes: ['newsletter', 'marketing-email', 'webinar'] });
    research = await s.key('research', 'service', { purposes: ['survey'] });
    const registry = (await s.call('GET', '/v1/registry', { key: s.admin })).json.registry;
    const hant = (xs: { id: string; labels?: Record<string, string>; names?: Record<string, string> }[]) => Object.fromEntries(xs.map((x) => [x.id, (x.labels ?? x.names)!['zh-Hant']]));
    zh = { purposes: hant(registry.purposes), categories: hant(registry.categories), recipients: hant(registry.recipients) };
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

  it('step 2: the customer subscribes to the newsletter; marketing email on legitimate interest until the customer objects', async () => {
    const s = get();
    const customer = (await s.call('POST', '/v1/subjects', { key: onboarding, body: { role: 'customer', regimes: ['gdpr'], language: 'zh-Hant' } })).json.id;
    id = customer;
    await s.call('PUT', `/v1/subjects/${id}/data`, { key: onboarding, body: { values: [{ category: 'name', value: '陳美玲' }, { category: 'email', value: 'chen@example.tw' }] } });
    expect((await read(marketing, 'newsletter', ['email'])).json.decision.rule).toBe('CONSENT_ABSENT');
    // the customer switches the newsletter on in the privacy center; the webinar sign-up is part of the contract
    chen = await person('chen@example.tw');
    expect(await chen.page.locator('html').getAttribute('lang')).toBe('zh-Hant');
    await chen.nav('center.nav.choices');
    expect(await chen.switch(zh.purposes.webinar).count()).toBe(0);
    await chen.flip(zh.purposes.newsletter, true);
    expect((await s.call('GET', `/v1/consents/check?subject=${id}&purpose=newsletter`, { key: marketing })).json.status).toBe('granted');
    expect((await read(marketing, 'newsletter', ['email'])).json.decision.effect).toBe('allow-full');
    expect((await read(marketing, 'webinar', ['email'])).json.decision.effect).toBe('allow-full');
    expect((await read(marketing, 'marketing-email', ['email'])).json.decision.effect).toBe('allow-full');
    await chen.shot('000-choices-zh-Hant');
    // GDPR 21(2): the objection to direct marketing is absolute and at once; the customer files it in the privacy center
    const objection = await chen.fileRequest('object', { object: '' });
    await chen.waitForRequest(objection, 'completed', 10_000);
    expect(await staffView(objection)).toMatchObject({ type: 'object', channel: 'web', requester: 'subject', status: 'completed' });
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
    decision = rec.json.id;
    // identifiers never go into the stored inputs
    const leaky = await s.call('POST', `/v1/subjects/${id}/automated-decisions`, { key: onboarding, body: {
      purpose: 'credit-decision', outcome: 'declined', modelVersion: 'credit-2026.3', inputs: { categories: ['credit-report'], summary: 'applicant chen@example.tw' }, factors: [{ name: 'score', weight: 1, direction: 'negative' }],
    } });
    expect(leaky.json.code).toBe('ADM_INPUT_PERSONAL');
    expect((await s.call('POST', `/v1/subjects/${id}/automated-decisions`, { key: marketing, body: { purpose: 'credit-decision', outcome: 'x', modelVersion: 'v', inputs: { categories: ['credit-report'] }, factors: [{ name: 'f', weight: 1, direction: 'negative' }] } })).status).toBeGreaterThanOrEqual(403);
    // the customer finds the decision in the privacy center, reads its explanation there, and asks for a person to review it
    await chen.nav('center.nav.data');
    const card = chen.page.getByTestId(`decision-${decision}`);
    await card.waitFor();
    expect(await chen.region('center.adm.title').getByRole('listitem').count()).toBe(1);
    expect(await card.textContent()).toContain(zh.purposes['credit-decision']);
    expect(await card.textContent()).toContain('limit-lowered');
    await card.getByRole('button', { name: chen.t('center.adm.explain') }).click();
    const explained = card.getByTestId('adm-explanation');
    await explained.waitFor();
    expect(await explained.textContent()).toContain('bureau score band');
    expect(await explained.textContent()).not.toContain('chen@example.tw');
    await card.getByRole('button', { name: chen.t('center.adm.review') }).click();
    const filed = card.getByRole('status');
    await filed.waitFor();
    const review = /req_[a-f0-9]{32}/.exec((await filed.textContent()) ?? '')![0];
    expect(await filed.textContent()).toBe(chen.t('center.adm.reviewFiled', { id: review }));
    expect(await staffView(review)).toMatchObject({ type: 'adm-human-review', status: 'open', channel: 'web', requester: 'subject', input: { decisionRef: decision } });
    await chen.shot('000-adm-decision-zh-Hant');
    const explains = (await s.call("GET", `/v1/audit?action=adm.explain&subject=${id}`, { key: s.admin })).json.entries as { actor: string }[];
    expect(explains.map((e) => e.actor)).toContain(`person:${id}`);
    // a second review of the same decision while one is open is refused, in the reader's words
    await chen.goto('/data');
    await card.getByRole('button', { name: chen.t('center.adm.review') }).click();
    await expect.poll(() => card.getByRole('alert').textContent()).toBe(chen.t('problem.RIGHTS_REQUEST_OPEN'));
    // asking staff for an explanation in writing is a request with the decision's reference; staff answer it
    const ask = await chen.fileRequest('adm-explanation', { decisionRef: decision, message: '為什麼調降額度？' });
    expect(await staffView(ask)).toMatchObject({ type: 'adm-explanation', status: 'open', channel: 'web', input: { decisionRef: decision } });
    const explanation = await s.call('GET', `/v1/subjects/${id}/automated-decisions/${decision}/explanation?lang=zh-Hant`, { key: onboarding });
    expect(explanation.status).toBe(200);
    const officer = await s.key('dpo-3', 'privacy-officer');
    expect((await s.call('POST', `/v1/requests/${ask}/complete`, { key: officer, body: { text: explanation.json.text } })).status).toBe(200);
    await chen.waitForRequest(ask, 'completed', 10_000);
    expect(await chen.page.getByTestId('request-outcome').textContent()).toContain('bureau score band');
    await chen.shot('000-adm-explanation-zh-Hant');
    // the review stays open for a person to do
    await chen.goto('/requests');
    const row = chen.page.getByTestId('my-requests').getByRole('listitem').filter({ hasText: chen.t('request.adm-human-review') });
    expect(await row.textContent()).toContain(chen.t('status.open'));
  });

  it('step 4: a survey answer needs consent; a report shared outside must be k-anonymous and carry no identifiers', async () => {
    const s = get();
    await s.call('PUT', `/v1/subjects/${id}/data`, { key: research, body: { values: [{ category: 'survey-answers', value: '服務滿意' }] } });
    expect((await read(research, 'survey', ['survey-answers'])).json.decision.rule).toBe('CONSENT_ABSENT');
    await chen.nav('center.nav.choices');
    await chen.flip(zh.purposes.survey, true);
    expect((await s.call('GET', `/v1/subjects/${id}/consents`, { key: research })).json.state).toContainEqual(expect.objectContaining({ target: 'survey', status: 'granted', kind: 'general' }));
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
    const wang = await person('wang.datong@example.tw', { phone: true });
    const access = await wang.fileRequest('access');
    await wang.waitForRequest(access, 'completed');
    expect(await staffView(access)).toMatchObject({ type: 'access', channel: 'web', status: 'completed' });
    // the answer: full values after a fresh code, and the recipients by name with what they received
    await wang.nav('center.nav.data');
    await wang.page.getByRole('button', { name: wang.t('center.data.reveal') }).click();
    await wang.enterCode('wang.datong@example.tw', wang.t('center.data.revealCode'), wang.t('center.data.reveal'));
    await expect.poll(() => wang.shownValue('name'), { timeout: 30_000, interval: 500 }).toBe('王大同');
    expect(await wang.shownValue('address')).toBe('臺中市西屯區文化路5號');
    const bureau = wang.region('center.data.recipients').getByRole('row').filter({ hasText: zh.recipients['credit-bureau'] });
    expect(await bureau.textContent()).toContain(zh.categories.address);
    await wang.fitsWidth();
    await wang.shot('000-access-answer-zh-Hant-phone');
    // GDPR 15(3): the first copy is free, and its export downloads from the request's page
    const first = await wang.fileRequest('copy');
    expect(await wang.page.getByTestId('request-fee').textContent()).toBe(wang.t('center.requests.feeFree'));
    await wang.waitForRequest(first, 'completed');
    const download = wang.page.waitForEvent('download');
    await wang.page.getByRole('button', { name: wang.t('center.requests.download') }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${first}.zip`);
    const zip = unzipSync(readFileSync((await file.path())!));
    expect(Object.keys(zip).length).toBeGreaterThan(0);
    expect(Object.values(zip).map((f) => strFromU8(f)).join('\n')).toContain('王大同');
    // a further copy in the same period carries the configured fee, shown before anything is prepared
    const registry = (await s.call('GET', '/v1/registry', { key: s.admin })).json.registry;
    const second = await wang.fileRequest('copy');
    const fee = new Intl.NumberFormat('zh-Hant', { style: 'currency', currency: registry.fees.currency }).format(registry.fees.amount);
    expect(await wang.page.getByTestId('request-fee').textContent()).toBe(wang.t('center.requests.fee', { amount: fee, n: 2 }));
    expect((await staffView(second)).fee).toMatchObject({ amount: registry.fees.amount, currency: registry.fees.currency, copyNo: 2 });
    // the list refreshes after the filing: wait for the badge before counting
    const withFee = wang.page.getByTestId('my-requests').getByRole('listitem').filter({ hasText: wang.t('center.requests.feeBadge', { amount: fee }) });
    await withFee.first().waitFor({ state: 'visible', timeout: 10_000 });
    expect(await withFee.count()).toBe(1);
    await wang.fitsWidth();
    await wang.shot('000-copy-fee-zh-Hant-phone');
    // another person's request answers like an unknown one, and the audit log holds none of the values
    await chen.goto(`/requests/${access}`);
    await chen.page.getByText(chen.t('center.requests.notFound')).waitFor();
    expect((await s.call('GET', `/v1/audit?subject=${cust}&limit=1000`, { key: s.admin })).text).not.toContain('王大同');
  });

  it('step 7: a corrected address is propagated to every recipient that received it', async () => {
    const s = get();
    const hook = await webhookReceiver();
    try {
      expect((await s.call('POST', '/v1/webhooks', { key: s.admin, body: { url: hook.url, topics: ['rights.*'] } })).status).toBe(201);
      const cust = (await s.call('POST', '/v1/subjects', { key: onboarding, body: { role: 'customer', regimes: ['gdpr'], language: 'zh-Hant' } })).json.id;
      await s.call('PUT', `/v1/subjects/${cust}/data`, { key: onboarding, body: { values: [{ category: 'name', value: '黃小華' }, { category: 'email', value: 'huang@example.tw' }, { category: 'address', value: '新北市板橋區中山路1號' }, { category: 'birth-date', value: '1990-01-01' }, { category: 'id-number', value: 'B123456789' }] } });
      for (const [recipient, purpose] of [['credit-bureau', 'credit-check'], ['identity-verification-provider', 'kyc']]) {
        expect((await s.call('POST', `/v1/subjects/${cust}/shares`, { key: onboarding, body: { recipient, purpose, categories: ['name', 'address'] } })).status).toBe(201);
      }
      // the customer corrects the address in the privacy center; an invalid value is refused there first
      const huang = await person('huang@example.tw');
      await huang.goto('/requests');
      await huang.page.getByLabel(huang.t('center.requests.type')).selectOption('rectify');
      await huang.page.getByLabel(huang.t('center.requests.correctCategory')).selectOption('birth-date');
      await huang.page.getByLabel(huang.t('center.requests.correctValue')).fill('1990-13-45');
      await huang.page.getByRole('button', { name: huang.t('center.requests.submit'), exact: true }).click();
      await expect.poll(() => huang.page.getByRole('alert').textContent()).toBe(huang.t('center.requests.invalidValue'));
      expect((await s.call('GET', '/v1/requests?all=true', { key: s.admin })).json.requests.filter((q: { subjectId: string }) => q.subjectId === cust)).toHaveLength(0);
      const fix = await huang.fileRequest('rectify', { correct: { category: 'address', value: '新北市板橋區中山路100號' } });
      const officer = await s.key('dpo-7', 'privacy-officer');
      expect((await settled(s, officer, fix)).status).toBe('completed');
      expect(await staffView(fix)).toMatchObject({ type: 'rectify', channel: 'web', input: { categories: ['address'] } });
      expect(JSON.stringify(await staffView(fix))).not.toContain('中山路100號');
      await huang.waitForRequest(fix, 'completed');
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
