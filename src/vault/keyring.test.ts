import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeyRing, MasterKey, MemoryKeyStore, open, seal } from './index.ts';

describe('KeyRing', () => {
  it('gives concurrent first uses of one subject and class the same key', async () => {
    const ring = new KeyRing(new MemoryKeyStore(), new MasterKey(randomBytes(32)));
    const keys = await Promise.all(Array.from({ length: 20 }, () => ring.key('sub_a', 'standard', true)));
    expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(1);
  });

  it('destroys one subject and class without touching others, and re-wraps under a new master key', async () => {
    const store = new MemoryKeyStore();
    const ring = new KeyRing(store, new MasterKey(randomBytes(32)));
    const a = await ring.key('sub_a', 'standard', true);
    const held = await ring.key('sub_a', 'legal-hold', true);
    const b = await ring.key('sub_b', 'standard', true);
    const sealed = seal(held, Buffer.from('kept'), 'row');
    await ring.destroy('sub_a', ['standard']);
    await expect(ring.key('sub_a', 'standard', false)).rejects.toMatchObject({ code: 'VAULT_KEY_UNAVAILABLE' });
    expect((await ring.key('sub_b', 'standard', false)).equals(b)).toBe(true);
    expect(a.equals(b)).toBe(false);
    expect(await ring.rotateMaster(new MasterKey(randomBytes(32)))).toBe(2);
    const fresh = new KeyRing(store, (ring as unknown as { master: MasterKey }).master);
    expect(open(await fresh.key('sub_a', 'legal-hold', false), sealed, 'row').toString()).toBe('kept');
  });
});
