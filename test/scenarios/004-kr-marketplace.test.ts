// Seed 004, a Korean marketplace under PIPA: registration without resident numbers, lint of the as-written policy,
// refusable recommendations, a 10-day access request, and a breach affecting 1,000 or more people. The app, the
// recommender and staff work over the public API (staff also read the queue in the admin console); the member's own
// steps (seeing the data, refusing recommendations, asking for access) go through the privacy center in Korean.
import { readFileSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { centerBrowser, type Person } from './center-browser.ts';
import { NOTICE_HASH, scenario } from './scenario-harness.ts';

const browser = centerBrowser();

scenario('004 KR marketplace', 'examples/004-kr-marketplace.live.yaml', (get) => {
  let app: string;
  let recs: string;
  let id: string;
  let minjun: Person;
  let staff: Person | undefined;
  let registry: any;
  const ko = (list: string, id: string) => registry[list].find((x: { id: string }) => x.id === id).labels.ko as string;
  afterAll(async () => Promise.all([minjun?.close(), staff?.close()]));
  const read = (key: string, purpose: string, categories: string[]) => get().call('POST', `/v1/subjects/${id}/data/read`, { key, body: { purpose, categories } });

  it('step 1: registration collects name, gender, birth date, phone and email; resident numbers are refused', async () => {
    const s = get();
    app = await s.key('market-app', 'service', { purposes: ['registration', 'customer-support'] });
    recs = await s.key('recommender', 'service', { purposes: ['recommendation'] });
    id = (await s.call('POST', '/v1/subjects', { key: app, body: { role: 'user', regimes: ['pipa'], language: 'ko', externalRef: 'kr-user-1' } })).json.id;
    const put = await s.call('PUT', `/v1/subjects/${id}/data`, { key: app, body: { values: [
      { category: 'name', value: '김민준' }, { category: 'gender', value: 'M' }, { category: 'birth-date', value: '1990-05-17' },
      { category: 'phone', value: '010-1234-5678' }, { category: 'email', value: 'minjun@example.kr' },
    ] } });
    expect(put.status, put.text).toBe(200);
    // PIPA 24-2: no statute declared, so the registry has no resident-number category and none can be stored
    const rrn = await s.call('PUT', `/v1/subjects/${id}/data`, { key: app, body: { values: [{ category: 'rrn', value: '900517-1234567' }] } });
    expect(rrn.json).toMatchObject({ status: 422, code: 'VAULT_CATEGORY_UNKNOWN' });
    expect(rrn.text).not.toContain('900517-1234567');
    registry = (await s.call('GET', '/v1/registry', { key: s.admin })).json.registry;
    expect(registry.categories.some((c: { kind: string }) => c.kind === 'kr-rrn')).toBe(false);
    const bad = await s.call('PUT', `/v1/subjects/${id}/data`, { key: app, body: { values: [{ category: 'phone', value: '010-12' }] } });
    expect(bad.json.code).toBe('VAULT_VALUE_INVALID');
    // the member signs in to the privacy center (Korean) with the phone number and sees the five items, masked
    minjun = await browser.person(s, 'ko', { phone: true });
    await minjun.signIn('010-1234-5678');
    expect(await minjun.page.locator('html').getAttribute('lang')).toBe('ko');
    expect(await minjun.shownValue('phone')).not.toBe('010-1234-5678');
    expect((await minjun.page.locator('tr[data-category] th').allTextContents()).sort()).toEqual(['name', 'gender', 'birth-date', 'phone', 'email'].map((c) => ko('categories', c)).sort());
    expect((await minjun.shownValues()).join(' ')).not.toMatch(/김민준|minjun@example\.kr|1990-05-17/);
    await minjun.fitsWidth();
    await minjun.shot('004-data-ko-phone');
  });

  it('step 2: lint of the as-written policy finds deemed consent, missing retention and officer, and undisclosed transfers abroad', async () => {
    const s = get();
    const before = (await s.call('GET', '/v1/registry/versions', { key: s.admin })).json.versions;
    const asWritten = readFileSync('examples/004-kr-marketplace.yaml', 'utf8');
    const r = await s.call('POST', '/v1/registry/versions', { key: s.admin, body: { source: asWritten } });
    expect(r.status).toBe(422);
    expect(r.json.code).toBe('REGISTRY_LINT_ERRORS');
    const rules = new Set(r.json.errors.map((e: { code: string }) => e.code));
    for (const rule of ['PIPA-ED17-1', 'PIPA-21-1', 'PIPA-31-1', 'PIPA-28.8-1', 'PIPA-28.8-2']) expect(rules.has(rule), rule).toBe(true);
    expect(r.json.errors.find((e: { code: string }) => e.code === 'PIPA-31-1').path).toBe('organization.privacyOfficer');
    expect((await s.call('GET', '/v1/registry/versions', { key: s.admin })).json.versions).toEqual(before);
    // staff see the same findings of the current (live) registry: none are errors
    const live = await s.call('GET', '/v1/registry/lint', { key: s.admin });
    expect(live.status).toBe(200);
    expect(JSON.stringify(live.json)).not.toContain('"severity":"error"');
  });

  it('step 3: personalised recommendations can be refused without losing the service', async () => {
    const s = get();
    expect((await read(recs, 'recommendation', ['service-usage'])).json.decision).toMatchObject({ effect: 'deny', rule: 'CONSENT_ABSENT' });
    expect((await read(app, 'registration', ['name', 'phone'])).json.decision.effect).toBe('allow-full');
    const version = await s.version();
    expect((await s.call('POST', `/v1/subjects/${id}/consents`, { key: recs, body: { purposes: [{ purpose: 'recommendation' }], kind: 'general', action: 'continued-use', registryVersion: version, noticeHash: NOTICE_HASH, channel: 'app' } })).json)
      .toMatchObject({ code: 'CONSENT_INVALID_ACTION', rule: 'PIPA-ED17-1' });
    // the member switches recommendations on in the privacy center (an act of its own), then refuses them again
    await minjun.nav('center.nav.choices');
    const name = ko('purposes', 'recommendation');
    await minjun.flip(name, true);
    expect((await read(recs, 'recommendation', ['service-usage'])).json.decision.effect).toBe('allow-full');
    await minjun.flip(name, false);
    expect(await minjun.page.getByRole('status').filter({ hasText: name }).textContent()).toBe(minjun.t('center.choices.savedOff', { name }));
    expect((await read(recs, 'recommendation', ['service-usage'])).json.decision.effect).toBe('deny');
    const history = (await s.call('GET', `/v1/subjects/${id}/consents?history=true`, { key: recs })).json.history.filter((e: { target: string }) => e.target === 'recommendation');
    expect(history.map((e: { event: string; action: string; channel: string }) => [e.event, e.action, e.channel])).toEqual([['grant', 'toggle', 'web'], ['withdraw', 'toggle', 'web']]);
    await minjun.fitsWidth();
    await minjun.shot('004-choices-ko-phone');
    // the service goes on: registration data is still used, and the member still gets in
    expect((await read(app, 'registration', ['name', 'phone'])).json.values.map((v: { value: string }) => v.value)).toEqual(['김민준', '010-1234-5678']);
    await minjun.nav('center.nav.data');
    expect(await minjun.shownValue('name')).toBeTruthy();
  });

  it('step 4: an access request is due within 10 days and the deadline is visible to staff', async () => {
    const s = get();
    // the member asks for access in the privacy center and sees the date it is due by
    const access = await minjun.fileRequest('access');
    const filed = { json: (await s.call('GET', `/v1/requests/${access}`, { key: s.admin })).json };
    expect(filed.json).toMatchObject({ type: 'access', channel: 'web', language: 'ko' });
    const received = new Date(filed.json.receivedAt);
    const due = new Date(filed.json.dueAt);
    const koDate = (iso: string) => new Intl.DateTimeFormat('ko', { dateStyle: 'medium' }).format(new Date(iso));
    await minjun.goto(`/requests/${access}`);
    expect(await minjun.page.getByText(minjun.t('center.requests.due', { date: koDate(filed.json.dueAt) })).count()).toBe(1);
    await minjun.waitForRequest(access, 'completed');
    const days = (due.getTime() - received.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(9);
    expect(days).toBeLessThanOrEqual(11);
    expect(filed.json.deadline.regime).toBe('pipa');
    const officer = await s.key('privacy-officer', 'privacy-officer');
    const queue = (await s.call('GET', '/v1/requests?all=true', { key: officer })).json;
    expect(queue.requests.find((r: { id: string }) => r.id === filed.json.id)).toMatchObject({ dueAt: filed.json.dueAt, overdue: false });
    expect((await s.call('GET', '/v1/requests', { key: app })).status).toBe(403);
    // an agent's request waits for staff review; a second open one of the same kind is refused
    const byAgent = { subjectId: id, type: 'erase', requester: 'agent', proofRef: 'poa-2026-0042' };
    const agentFiled = await s.call('POST', '/v1/requests', { key: app, body: byAgent });
    expect(agentFiled.status).toBe(201);
    expect((await s.call('POST', '/v1/requests', { key: app, body: byAgent })).status).toBe(409);
    // staff see the open request and its deadline in the admin console's queue
    staff = await browser.person(s, 'ko');
    await staff.page.goto(`${s.url}/admin/requests`);
    await staff.page.getByLabel(staff.t('admin.signIn.key')).fill(officer);
    await staff.page.getByRole('button', { name: staff.t('admin.signIn.submit') }).click();
    const queued = staff.page.getByTestId('request-queue').getByRole('row').filter({ hasText: agentFiled.json.id });
    await queued.waitFor();
    expect(await queued.textContent()).toContain(koDate(agentFiled.json.dueAt));
    expect(await queued.textContent()).toContain(staff.t('status.awaiting-review'));
    await staff.shot('004-admin-queue-ko');
    expect((await s.call('POST', '/v1/requests', { key: app, body: { subjectId: id, type: 'teleport' } })).status).toBe(422);
  });

  it('step 5: a breach affecting 1,000 or more people produces a regulator report due within 72 hours', async () => {
    const s = get();
    const discovered = new Date();
    const incident = await s.call('POST', '/v1/incidents', { key: s.admin, body: {
      id: 'INC-004-2026-11', title: { ko: '회원 정보 유출', en: 'Member data leak' }, description: { ko: '외부 공격으로 회원 데이터베이스 일부가 유출되었습니다', en: 'An outside attack exposed part of the member database' },
      startedAt: new Date(discovered.getTime() - 3_600_000).toISOString(), discoveredAt: discovered.toISOString(), categories: ['name', 'phone', 'email'],
      vector: 'external-intrusion', affectedCount: 1200, regimes: ['pipa'], measures: { ko: '침입 경로를 차단하고 비밀번호를 초기화했습니다', en: 'The intrusion path was closed and passwords reset' },
      contact: { email: 'privacy@market.example', phone: '02-1234-5678' },
    } });
    expect(incident.status, incident.text).toBe(201);
    const report = await s.call('GET', '/v1/incidents/INC-004-2026-11/regulator-report?regime=pipa&lang=ko', { key: s.admin });
    expect(report.status).toBe(200);
    expect(report.json.required).toBe(true);
    expect(report.json.rule).toBe('PIPA-34-2');
    const hours = (new Date(report.json.due).getTime() - discovered.getTime()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72.01);
    expect(report.json.text).toMatch(/[가-힣]/);
    const view = (await s.call('GET', '/v1/incidents/INC-004-2026-11', { key: s.admin })).json;
    expect(view.severity.kr1000).toBe(true);
    expect(view.clocks.filter((c: { regime: string; required: boolean }) => c.regime === 'pipa' && c.required).map((c: { audience: string }) => c.audience).sort()).toEqual(['individuals', 'regulator']);
    // below the thresholds (few people, no intrusion, no sensitive data) no regulator report is due
    const small = await s.call('POST', '/v1/incidents', { key: s.admin, body: {
      id: 'INC-004-small', title: { ko: '오발송', en: 'Misdelivery' }, description: { ko: '이메일 한 통이 잘못 발송되었습니다', en: 'One email went to the wrong person' },
      startedAt: discovered.toISOString(), discoveredAt: discovered.toISOString(), categories: ['email'], vector: 'misdelivery', affectedCount: 3, regimes: ['pipa'],
      measures: { ko: '수신자에게 삭제를 요청했습니다', en: 'The recipient was asked to delete it' }, contact: { email: 'privacy@market.example' },
    } });
    expect(small.status).toBe(201);
    expect((await s.call('GET', '/v1/incidents/INC-004-small/regulator-report?regime=pipa', { key: s.admin })).json.required).toBe(false);
  });
});
