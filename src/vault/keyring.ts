// Data keys per subject and retention class: created on first use, cached unwrapped, destroyed for erasure.
import { randomBytes } from 'node:crypto';
import { AppError } from '../errors.ts';
import type { MasterKey } from './vault.crypto.ts';
import type { KeyStore } from './keystore.ts';

/** Hands out data keys; one per (subject, retention class). */
export class KeyRing {
  // subject -> class -> unwrapped key; per subject so destroying one subject's keys touches only its entry
  private readonly cache = new Map<string, Map<string, Buffer>>();
  // in-flight loads and creations, so two concurrent first uses agree on one key
  private readonly pending = new Map<string, Promise<Buffer>>();
  private size = 0;

  constructor(private readonly store: KeyStore, private master: MasterKey, private readonly maxCached = 50_000) {}

  private label(subjectId: string, cls: string): string {
    return `datakey:${subjectId}:${cls}`;
  }

  /** The data key of a subject and class, creating it if asked and absent. */
  async key(subjectId: string, cls: string, create: boolean): Promise<Buffer> {
    const hit = this.cache.get(subjectId)?.get(cls);
    if (hit) return hit;
    const k = `${subjectId}\u0000${cls}\u0000${create}`;
    let p = this.pending.get(k);
    if (!p) {
      p = this.load(subjectId, cls, create).finally(() => this.pending.delete(k));
      this.pending.set(k, p);
    }
    return p;
  }

  private async load(subjectId: string, cls: string, create: boolean): Promise<Buffer> {
    let wrapped = (await this.store.get(subjectId))[cls];
    if (!wrapped) {
      if (!create) throw new AppError('VAULT_KEY_UNAVAILABLE', 'the data key of this value was destroyed (erased) or is missing');
      // a creation running for the other `create` flag, or in another process, may have won: read again after writing
      const again = (await this.store.get(subjectId))[cls];
      if (!again) await this.store.put(subjectId, cls, this.master.wrap(randomBytes(32), this.label(subjectId, cls)));
      wrapped = (await this.store.get(subjectId))[cls];
    }
    const key = this.master.unwrap(wrapped, this.label(subjectId, cls));
    if (this.size >= this.maxCached) {
      this.cache.clear();
      this.size = 0;
    }
    let classes = this.cache.get(subjectId);
    if (!classes) this.cache.set(subjectId, (classes = new Map()));
    if (!classes.has(cls)) this.size++;
    classes.set(cls, key);
    return key;
  }

  /** Destroys keys (crypto-shredding): every copy of the values they protect becomes unreadable. */
  async destroy(subjectId: string, classes?: string[]): Promise<void> {
    await this.store.destroy(subjectId, classes);
    const cached = this.cache.get(subjectId);
    if (!cached) return;
    for (const cls of classes ?? [...cached.keys()]) if (cached.delete(cls)) this.size--;
    if (cached.size === 0) this.cache.delete(subjectId);
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
