// The key store: wrapped data keys kept apart from the data database (default: files under ./data/keys).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { join } from 'node:path';

/** Where wrapped data keys live; a KMS-backed store implements the same interface. */
export interface KeyStore {
  /** The wrapped data keys of a subject by retention class. */
  get(subjectId: string): Promise<Record<string, string>>;
  /** Stores (or replaces) one wrapped data key. */
  put(subjectId: string, retentionClass: string, wrapped: string): Promise<void>;
  /** Destroys a subject's keys (all classes, or the given ones): crypto-shredding. */
  destroy(subjectId: string, classes?: string[]): Promise<void>;
  /** Every subject with keys, for master-key rotation. */
  subjects(): Promise<string[]>;
}

// One small JSON file per subject, written atomically (temp file, fsync, rename), so a crash never leaves half a key.
export class FileKeyStore implements KeyStore {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  private file(subjectId: string): string {
    if (!/^[A-Za-z0-9_-]+$/.test(subjectId)) throw new Error('invalid subject id for the key store');
    return join(this.dir, subjectId.slice(-2), `${subjectId}.json`);
  }

  async get(subjectId: string): Promise<Record<string, string>> {
    const f = this.file(subjectId);
    return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as Record<string, string>) : {};
  }

  async put(subjectId: string, retentionClass: string, wrapped: string): Promise<void> {
    const keys = { ...(await this.get(subjectId)), [retentionClass]: wrapped };
    this.write(subjectId, keys);
  }

  async destroy(subjectId: string, classes?: string[]): Promise<void> {
    const f = this.file(subjectId);
    if (!classes) {
      rmSync(f, { force: true });
      return;
    }
    const keys = await this.get(subjectId);
    for (const c of classes) delete keys[c];
    if (Object.keys(keys).length === 0) rmSync(f, { force: true });
    else this.write(subjectId, keys);
  }

  async subjects(): Promise<string[]> {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir).flatMap((d) => (/^[A-Za-z0-9_-]{1,2}$/.test(d) ? readdirSync(join(this.dir, d)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)) : []));
  }

  private write(subjectId: string, keys: Record<string, string>): void {
    const f = this.file(subjectId);
    mkdirSync(join(f, '..'), { recursive: true, mode: 0o700 });
    const tmp = `${f}.tmp`;
    writeFileSync(tmp, JSON.stringify(keys), { mode: 0o600 });
    const fd = openSync(tmp, 'r');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, f);
  }
}

/** A key store in memory, for tests. */
export class MemoryKeyStore implements KeyStore {
  private readonly map = new Map<string, Record<string, string>>();
  async get(subjectId: string) {
    return { ...(this.map.get(subjectId) ?? {}) };
  }
  async put(subjectId: string, retentionClass: string, wrapped: string) {
    this.map.set(subjectId, { ...(this.map.get(subjectId) ?? {}), [retentionClass]: wrapped });
  }
  async destroy(subjectId: string, classes?: string[]) {
    if (!classes) this.map.delete(subjectId);
    else {
      // like the file store: a person left with no key has no entry (subjects() lists only people with keys)
      const k = this.map.get(subjectId);
      if (!k) return;
      for (const c of classes) delete k[c];
      if (Object.keys(k).length === 0) this.map.delete(subjectId);
    }
  }
  async subjects() {
    return [...this.map.keys()];
  }
}
