import { describe, expect, it } from 'vitest';
import { buildRopa } from './lifecycle.ropa.ts';
import { example } from './lifecycle.testing.ts';

const LIVE = ['000-broker', '001-cybozu-shanghai', '002-wework-labs', '003-online-shop', '004-kr-marketplace'];

describe('buildRopa', () => {
  it.each(LIVE)('the record of %s.live has no issues and one activity per purpose', (name) => {
    const reg = example(`${name}.live`);
    const ropa = buildRopa(reg);
    expect(ropa.issues).toEqual([]);
    expect(ropa.activities.map((a) => a.id)).toEqual(reg.purposes.map((p) => p.id));
    expect(ropa.keepYears).toBe(3);
  });

  it('000: controller with DPO, transfers with safeguards, security and retention on each activity', () => {
    const ropa = buildRopa(example('000-broker.live'));
    expect(ropa.controller.privacyOfficer?.email).toBe('dpo@broker.example');
    const webinar = ropa.activities.find((a) => a.id === 'webinar')!;
    expect(webinar.transfers.map((t) => [t.id, t.country, t.mechanism?.type])).toEqual([['webinar-platform', 'US', 'scc']]);
    expect(webinar.roles.map((r) => r.id)).toEqual(['customer', 'subscriber']);
    const kyc = ropa.activities.find((a) => a.id === 'kyc')!;
    expect(kyc.transfers).toEqual([]);
    expect(kyc.security.length).toBe(4);
    expect(kyc.retention).toMatchObject({ until: 'account-closed', grace: 'P5Y' });
  });

  it('reports each missing field of each purpose, citing GDPR-30-1', () => {
    const reg = example('000-broker.live');
    reg.security = [];
    const webinar = reg.purposes.find((p) => p.id === 'webinar')!;
    webinar.roles = undefined;
    webinar.retention = undefined;
    reg.recipients.find((r) => r.id === 'webinar-platform')!.mechanism = undefined;
    reg.organization.contact = {};
    const ropa = buildRopa(reg);
    expect(ropa.issues.every((i) => i.rule === 'GDPR-30-1')).toBe(true);
    expect(ropa.issues.filter((i) => i.purpose === 'webinar').map((i) => i.field)).toEqual(['roles', 'retention', 'security', 'safeguard']);
    expect(ropa.issues.filter((i) => i.field === 'security')).toHaveLength(reg.purposes.length);
    expect(ropa.issues[0]).toMatchObject({ purpose: null, field: 'controller-contact' });
  });

  it('a transfer to an adequate country needs no mechanism under the GDPR; under the PIPL it does', () => {
    const reg = example('000-broker.live');
    const rec = reg.recipients.find((r) => r.id === 'webinar-platform')!;
    Object.assign(rec, { country: 'JP', mechanism: undefined });
    expect(buildRopa(reg).issues).toEqual([]);
    const cn = example('001-cybozu-shanghai.live');
    cn.recipients.find((r) => r.id === 'parent-company-jp')!.mechanism = undefined;
    expect(buildRopa(cn).issues.map((i) => [i.purpose, i.field, i.subject])).toEqual([['parent-company-sharing', 'safeguard', 'parent-company-jp']]);
  });
});
