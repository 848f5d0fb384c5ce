import { expect, it } from 'vitest';
import { describeStore } from '../../test/db-harness.ts';
import { AuditWriter, searchAudit } from '../audit/index.ts';
import { createKey, KeyAuthenticator, listKeys, revokeKey, rotateKey } from './index.ts';

describeStore('API keys', (store) => {
  it('authenticates a key, refuses forged, malformed, revoked and rotated-away keys, and audits each change', async () => {
    const { db } = store();
    const auth = new KeyAuthenticator(db, 0);
    const svc = await createKey(db, { name: 'orders', role: 'service', purposes: ['order'] }, 'test');
    expect(svc.key).toMatch(/^cus_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(await auth.authenticate(svc.key)).toMatchObject({ id: svc.id, kind: 'service', role: 'service', purposes: ['order'] });
    const forged = svc.key.slice(0, -4) + (svc.key.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(await auth.authenticate(forged)).toBeNull();
    expect(await auth.authenticate('not-a-key')).toBeNull();
    expect(await auth.authenticate('')).toBeNull();
    const rotated = await rotateKey(db, svc.id, 'admin');
    expect(await auth.authenticate(svc.key)).toBeNull();
    expect(await auth.authenticate(rotated.key)).toMatchObject({ purposes: ['order'] });
    await revokeKey(db, rotated.id, 'admin');
    expect(await auth.authenticate(rotated.key)).toBeNull();
    await expect(revokeKey(db, rotated.id, 'admin')).rejects.toMatchObject({ code: 'KEY_NOT_FOUND' });
    const keys = await listKeys(db);
    expect(keys.find((k) => k.id === svc.id)).toMatchObject({ rotatedTo: rotated.id });
    expect(JSON.stringify(keys)).not.toContain(svc.key.split('_')[2]);
    const writer = new AuditWriter(db);
    await writer.flush();
    const actions = (await searchAudit(db, {})).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['key.create', 'key.rotate', 'key.revoke']));
  });
});
