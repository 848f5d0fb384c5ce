// Data keys per subject and retention class: created on first use, cached unwrapped, destroyed for erasure.
import { randomBytes } from 'node:crypto';
import { AppError } from '../errors.ts';
import type { MasterKey } from './vault.crypto.ts';
import type { KeyStore } from './keystore.ts';

/** Hands out data keys; one per (subject, retention class). */
export class KeyRing {
  private readonly cache = new Map<string, Buffer>();

  constructor(private readonly store: KeyStore, private master: MasterKey, private readonly maxCached = 50_000) {}

  private label(subjectId: string, cls: string): string {
    return `datakey:${subjectId}:${cls}`;
  }

  /** The data key of a subject and class, creating it if asked and absent. */
  async key(subjectId: string, cls: string, create: boolean): Promise<Buffer> {
    const k = `${subjectId}\u0000${cls}`;
    const hit = this.cache.get(k);
    if (hit) return hit;
    const wrapped = (await this.store.get(subjectId))[cls];
    let key: Buffer;
    if (wrapped) key = this.master.unwrap(wrapped, this.label(subjectId, cls));
    else if (create) {
      key = randomBytes(32);
      await this.store.put(subjectId, cls, this.master.wrap(key, this.label(subjectId, cls)));
    } else throw new AppError('VAULT_KEY_UNAVAILABLE', 'the data key of this value was destroyed (erased) or is missing');
    if (this.cache.size >= this.maxCached) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(k, key);
    return key;
  }

  /** Destroys keys (crypto-shredding): every copy of the values they protect becomes unreadable. */
  async destroy(subjectId: string, classes?: string[]): Promise<void> {
    await this.store.destroy(subjectId, classes);
    for (const k of [...this.cache.keys()]) if (k.startsWith(`${subjectId}\u0000`) && (!classes || classes.includes(k.split('\u0000')[1]))) this.cache.delete(k);
  }

  /** Re-wraps every data key under a new master key; values are not touched. Returns how many keys. */
  async rotateMaster(next: MasterKey): Promise<number> {
    let n = 0;
    for (const subjectId of await this.store.subjects()) {
      const keys = await this.store.get(subjectId);
      for (const [cls, wrapped] of Object.entries(keys)) {
        const plain = this.master.unwrap(wrapped, this.label(subjectId, cls));
        await this.store.put(subjectId, cls, next.wrap(plain, this.label(subjectId, cls)));
        n++;
      }
    }
    this.master = next;
    return n;
  }
}
