import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from './registry.loader.ts';
import { diffRegistries } from './registry.diff.ts';
import { contentHash } from './registry.hash.ts';

const text = readFileSync(new URL('../../test/fixtures/minimal.yaml', import.meta.url), 'utf8');
const load = (t: string) => {
  const r = loadRegistry(t);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.registry;
};

describe('diffRegistries', () => {
  it('finds nothing between equal versions, and hashes them the same', () => {
    expect(diffRegistries(load(text), load(text))).toEqual([]);
    expect(contentHash(load(text))).toBe(contentHash(load(text)));
  });

  it('names changes by item id, including list additions and new items', () => {
    const next = load(
      text
        .replace('categories: [name, phone]', 'categories: [name, phone, face]')
        .replace('country: JP', 'country: KR')
        .replace('recipients:', 'recipients:\n  - id: courier\n    names: { en: Courier, zh-Hans: 快递 }\n    kind: processor\n    country: CN\n    purposes: [account]\n    categories: [phone]'),
    );
    const changes = diffRegistries(load(text), next);
    expect(changes).toContainEqual({ path: 'purposes[account].categories', section: 'purposes', itemId: 'account', op: 'added', after: 'face' });
    expect(changes).toContainEqual({ path: 'recipients[parent].country', section: 'recipients', itemId: 'parent', op: 'changed', before: 'JP', after: 'KR' });
    expect(changes.find((c) => c.path === 'recipients[courier]')?.op).toBe('added');
    expect(contentHash(next)).not.toBe(contentHash(load(text)));
  });
});
