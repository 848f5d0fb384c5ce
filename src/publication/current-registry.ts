// The current registry version held in memory; refreshed after a publication here and polled for other processes.
import type { Kysely } from 'kysely';
import type { Registry } from '../registry/index.ts';
import type { Database } from '../store/index.ts';
import { getVersion } from './publication.service.ts';

/** One loaded version. */
export interface LoadedVersion {
  versionNo: number;
  registry: Registry;
  contentHash: string;
}

type Listener = (v: LoadedVersion, previous: LoadedVersion | undefined) => void;

/** Holds the newest published version; `get()` is synchronous for hot paths once loaded. */
export class CurrentRegistry {
  private value: LoadedVersion | undefined;
  private checkedAt = 0;
  private readonly listeners: Listener[] = [];

  constructor(private readonly db: Kysely<Database>, private readonly maxAgeMs = 2000) {}

  /** Calls `fn` whenever a newer version is loaded (derived caches rebuild there). */
  onChange(fn: Listener): void {
    this.listeners.push(fn);
    if (this.value) fn(this.value, undefined);
  }

  /** The loaded version; throws REGISTRY_NOT_PUBLISHED before one exists. */
  async load(): Promise<LoadedVersion> {
    if (this.value && Date.now() - this.checkedAt < this.maxAgeMs) return this.value;
    return this.refresh();
  }

  /** The loaded version without I/O, or undefined if none was loaded yet. */
  peek(): LoadedVersion | undefined {
    return this.value;
  }

  /** Reloads if the database has a newer version. */
  async refresh(): Promise<LoadedVersion> {
    const head = await this.db.selectFrom('registry_versions').select(['version_no']).orderBy('version_no', 'desc').limit(1).executeTakeFirst();
    this.checkedAt = Date.now();
    if (this.value && head && head.version_no === this.value.versionNo) return this.value;
    const v = await getVersion(this.db, 'current');
    const previous = this.value;
    this.value = { versionNo: v.versionNo, registry: v.registry, contentHash: v.contentHash };
    for (const fn of this.listeners) fn(this.value, previous);
    return this.value;
  }
}
