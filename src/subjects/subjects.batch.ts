// Subjects looked up by many concurrent requests: the lookups of one turn of the event loop share one query.
import type DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import { perTurnLoader, type Database } from '../store/index.ts';
import { SUBJECT_COLUMNS, subjectFromRow, type Subject } from './subjects.service.ts';

/** Loads subjects by id in batches; undefined for an unknown id. Nothing is cached between batches. */
export class SubjectBatcher {
  private readonly loader: DataLoader<string, Subject | undefined>;

  constructor(db: Kysely<Database>, opts: { maxBatch?: number } = {}) {
    this.loader = perTurnLoader(async (ids) => {
      const rows = await db.selectFrom('subjects').select(SUBJECT_COLUMNS).where('id', 'in', [...new Set(ids)]).execute();
      const byId = new Map(rows.map((r) => [r.id, subjectFromRow(r)]));
      return ids.map((id) => byId.get(id));
    }, opts.maxBatch);
  }

  load(id: string): Promise<Subject | undefined> {
    return this.loader.load(id);
  }
}
