import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeStore } from '../../test/db-harness.ts';
import { AuditWriter, searchAudit, verifyAuditChain } from '../audit/index.ts';
import { getVersion, listVersions, publishRegistry } from './index.ts';

const text = readFileSync(new URL('../../test/fixtures/minimal.yaml', import.meta.url), 'utf8');

describeStore('registry publication', (store) => {
  it('publishes versions with a content hash and a diff; refuses invalid or identical ones and changes nothing', async () => {
    const { db } = store();
    await expect(getVersion(db, 'current')).rejects.toMatchObject({ code: 'REGISTRY_NOT_PUBLISHED' });
    const v1 = await publishRegistry(db, text, 'admin');
    expect(v1).toMatchObject({ versionNo: 1, label: '1.0.0', changes: [] });
    await expect(publishRegistry(db, text, 'admin')).rejects.toMatchObject({ code: 'REGISTRY_VERSION_EXISTS' });
    const bad = publishRegistry(db, text.replace('legalBasis: contract', 'legalBasis: whatever'), 'admin');
    await expect(bad).rejects.toMatchObject({ code: 'REGISTRY_INVALID', details: [expect.objectContaining({ path: 'purposes[0].legalBasis' })] });
    const v2 = await publishRegistry(db, text.replace('version: "1.0.0"', 'version: "1.1.0"').replace('categories: [name, phone]', 'categories: [name, phone, face]'), 'admin');
    expect(v2.versionNo).toBe(2);
    expect(v2.changes).toContainEqual(expect.objectContaining({ path: 'purposes[account].categories', op: 'added', after: 'face' }));
    expect((await listVersions(db)).map((v) => v.versionNo)).toEqual([2, 1]);
    expect((await getVersion(db, 'current')).registry.organization.version).toBe('1.1.0');
    expect((await getVersion(db, 1)).contentHash).toBe(v1.contentHash);
    await expect(getVersion(db, 7)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses lint errors unless overridden with a reason, which is audited', async () => {
    const { db } = store();
    const hooks = { lint: () => [{ ruleId: 'PIPL-19-1', severity: 'error' as const, path: 'purposes[0].retention', message: 'no retention' }] };
    const next = text.replace('version: "1.0.0"', 'version: "2.0.0"');
    await expect(publishRegistry(db, next, 'po', { hooks })).rejects.toMatchObject({ code: 'REGISTRY_LINT_ERRORS', details: [expect.objectContaining({ code: 'PIPL-19-1' })] });
    await expect(publishRegistry(db, next, 'po', { hooks, overrideReason: '   ' })).rejects.toMatchObject({ code: 'REGISTRY_LINT_ERRORS' });
    const v = await publishRegistry(db, next, 'po', { hooks, overrideReason: 'retention set by the 2026 board decision, text follows' });
    expect(v.overrideReason).toMatch(/board decision/);
    await new AuditWriter(db).flush();
    const entry = (await searchAudit(db, { action: 'registry.publish' }))[0];
    expect(entry.details).toMatchObject({ override: expect.stringMatching(/board/), overriddenRules: ['PIPL-19-1'] });
    expect((await verifyAuditChain(db)).ok).toBe(true);
    expect(await db.selectFrom('outbox_events').select('topic').where('topic', '=', 'registry.published').execute()).toHaveLength(3);
  });
});
