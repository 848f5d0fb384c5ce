// Purpose-bound reads coalesced: the reads that arrive in one turn of the event loop share one query for their
// subjects and values, so a busy vault makes one round trip per batch instead of one per read.
import type DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import { perTurnLoader, type Database } from '../store/index.ts';
import { SUBJECT_COLUMNS, subjectFromRow, type Subject } from '../subjects/index.ts';

/** A subject and its stored rows of the asked categories; undefined subject when there is none. */
export interface SubjectRows {
  subject?: Subject;
  rows: Map<string, { retention_class: string; ciphertext: Uint8Array }>;
}

interface Key {
  subjectId: string;
  categories: string[];
}

export class ReadBatcher {
  private readonly loader: DataLoader<Key, SubjectRows>;

  constructor(private readonly db: Kysely<Database>, opts: { maxBatch?: number } = {}) {
    this.loader = perTurnLoader((keys) => this.fetch(keys), opts.maxBatch);
  }

  load(subjectId: string, categories: string[]): Promise<SubjectRows> {
    return this.loader.load({ subjectId, categories });
  }

  private async fetch(keys: readonly Key[]): Promise<SubjectRows[]> {
    const ids = [...new Set(keys.map((k) => k.subjectId))];
    const categories = [...new Set(keys.flatMap((k) => k.categories))];
    const joined = await this.db
      .selectFrom('subjects as s')
      .leftJoin('vault_values as v', (j) => j.onRef('v.subject_id', '=', 's.id').on('v.category', 'in', categories.length ? categories : ['']))
      .select(SUBJECT_COLUMNS.map((c) => `s.${c}` as const))
      .select(['v.category', 'v.retention_class', 'v.ciphertext'])
      .where('s.id', 'in', ids)
      .execute();
    const bySubject = new Map<string, SubjectRows>();
    for (const r of joined) {
      let e = bySubject.get(r.id);
      if (!e) bySubject.set(r.id, (e = { subject: subjectFromRow(r), rows: new Map() }));
      if (r.category !== null) e.rows.set(r.category, { retention_class: r.retention_class!, ciphertext: r.ciphertext! });
    }
    // each read gets only the categories it asked for
    return keys.map((k) => {
      const e = bySubject.get(k.subjectId);
      if (!e) return { rows: new Map() };
      const rows = new Map<string, { retention_class: string; ciphertext: Uint8Array }>();
      for (const c of k.categories) {
        const row = e.rows.get(c);
        if (row) rows.set(c, row);
      }
      return { subject: e.subject, rows };
    });
  }
}
