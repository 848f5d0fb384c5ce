// Subjects: the people whose data is held, with their role, regimes and language; no personal values here.
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import { AppError } from '../errors.ts';
import type { Regime, Registry } from '../registry/index.ts';
import type { Database, SubjectsTable } from '../store/index.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A subject as services see it. */
export interface Subject {
  id: string;
  externalRef: string | null;
  role: string;
  regimes: Regime[];
  language: string;
  adultFrom: Partial<Record<Regime, string>>;
  status: 'active' | 'restricted' | 'closed' | 'erased';
  createdAt: string;
}

/** What a service gives to create a subject. The birth date only sets when the person may consent alone. */
export interface NewSubject {
  externalRef?: string;
  role: string;
  regimes: Regime[];
  language: string;
  birthDate?: string;
}

/** Adds years to an ISO date, keeping 29 February as 1 March in common years. */
function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

/** Checks a new subject against the registry and stores it. */
export async function createSubject(db: Db, registry: Registry, input: NewSubject, actor: string): Promise<Subject> {
  const details = [];
  if (!registry.roles.some((r) => r.id === input.role)) details.push({ path: 'body.role', message: `role "${input.role}" is not declared in the registry` });
  for (const r of input.regimes) if (!registry.organization.regimes.includes(r)) details.push({ path: 'body.regimes', message: `regime "${r}" is not declared by the organization` });
  if (!registry.organization.languages.includes(input.language as never)) details.push({ path: 'body.language', message: `language "${input.language}" is not one the organization declares` });
  if (details.length > 0) throw new AppError('SUBJECT_INVALID', details.map((d) => d.message).join('; '), { details });
  const adultFrom: Partial<Record<Regime, string>> = {};
  if (input.birthDate) {
    // PIPL 31 and PIPA 22-2: under 14; GDPR 8: the configured age, 16 by default
    for (const r of input.regimes) adultFrom[r] = addYears(input.birthDate, r === 'gdpr' ? (registry.organization.childAge ?? 16) : 14);
  }
  const id = `sub_${randomUUID().replace(/-/g, '')}`;
  const row = await db
    .insertInto('subjects')
    .values({ id, external_ref: input.externalRef ?? null, role: input.role, regimes: JSON.stringify(input.regimes), language: input.language, adult_from: JSON.stringify(adultFrom) })
    .onConflict((oc) => oc.column('external_ref').doNothing())
    .returning(['created_at'])
    .executeTakeFirst();
  if (!row) throw new AppError('CONFLICT', 'a subject with this external reference exists already');
  await recordAudit(db, { actor, action: 'subject.create', subject: id, details: { role: input.role, regimes: input.regimes } });
  return { id, externalRef: input.externalRef ?? null, role: input.role, regimes: input.regimes, language: input.language, adultFrom, status: 'active', createdAt: new Date(row.created_at).toISOString() };
}

/** Reads one subject; unknown ids are NOT_FOUND, the same answer as ids the caller may not see. */
export async function getSubject(db: Db, id: string): Promise<Subject> {
  const r = await db.selectFrom('subjects').select(SUBJECT_COLUMNS).where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', 'no such subject');
  return subjectFromRow(r);
}

/** The columns a Subject is read from (hot paths join them with their own rows in one query). */
export const SUBJECT_COLUMNS = ['id', 'external_ref', 'role', 'regimes', 'language', 'adult_from', 'status', 'created_at'] as const;

/** A subjects row (SUBJECT_COLUMNS) as a Subject. */
export function subjectFromRow(r: Pick<Selectable<SubjectsTable>, (typeof SUBJECT_COLUMNS)[number]>): Subject {
  return { id: r.id, externalRef: r.external_ref, role: r.role, regimes: r.regimes as Regime[], language: r.language, adultFrom: r.adult_from, status: r.status, createdAt: new Date(r.created_at).toISOString() };
}

/** An age stand-in for the law's consent rules: below the threshold of the strictest regime the person is still under. */
export function consentAge(subject: Subject, registry: Registry, now = new Date()): number | undefined {
  const today = now.toISOString().slice(0, 10);
  const minor = (r: Regime) => subject.adultFrom[r] !== undefined && today < subject.adultFrom[r]!;
  if (minor('pipl') || minor('pipa')) return 13;
  if (minor('gdpr')) return (registry.organization.childAge ?? 16) - 1;
  return undefined;
}
