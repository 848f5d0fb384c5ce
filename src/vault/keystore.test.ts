import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileKeyStore, MemoryKeyStore, type KeyStore } from './keystore.ts';

const stores: [string, () => KeyStore][] = [
  ['file', () => new FileKeyStore(mkdtempSync(join(tmpdir(), 'custodia-keys-')))],
  ['memory', () => new MemoryKeyStore()],
];

describe.each(stores)('%s key store', (_name, make) => {
  it('destroys some classes or all, and lists only people who still have a key', async () => {
    const ks = make();
    await ks.put('sub_a', 'default', 'w1');
    await ks.put('sub_a', 'legal-hold', 'w2');
    await ks.put('sub_b', 'default', 'w3');
    await ks.destroy('sub_a', ['default']);
    expect(await ks.get('sub_a')).toEqual({ 'legal-hold': 'w2' });
    await ks.destroy('sub_a', ['legal-hold']);
    await ks.destroy('sub_nobody', ['default']);
    expect(await ks.get('sub_a')).toEqual({});
    expect((await ks.subjects()).sort()).toEqual(['sub_b']);
    await ks.destroy('sub_b');
    expect(await ks.subjects()).toEqual([]);
  });
});
