// Identity verification before anything is disclosed or changed: one-time codes to the contact on file, person sessions.
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import { AppError } from '../errors.ts';
import type { Registry } from '../registry/index.ts';
import type { Database } from '../store/index.ts';
import { getSubject } from '../subjects/index.ts';
import { LOOKUP_KINDS, type VaultValues } from '../vault/index.ts';
import type { CodeSenders } from './rights.mail.ts';
import type { Clock } from './rights.model.ts';
import { countCodes, insertCode, insertSession, latestCode, markCode, sessionValid } from './rights.store.ts';
import { codeMessage } from './rights.texts.ts';

/** Limits of verification; defaults: 5 attempts, 10-minute codes, 30-minute sessions, 5 codes per contact per hour. */
export interface VerifyOptions {
  maxAttempts?: number;
  codeTtlMs?: number;
  sessionTtlMs?: number;
  maxCodesPerHour?: number;
}

/** A verified person's session. */
export interface PersonSession {
  session: string;
  subjectId: string;
  expiresAt: string;
}

const SESSION_RE = /^cps_([a-f0-9]{32})_([A-Za-z0-9_-]{43})$/;

/** Normalises a contact the one way codes are keyed: lower case, no spaces or punctuation in phone numbers. */
export function normalizeContact(contact: string): { kind: 'email' | 'phone'; value: string } {
  const c = contact.trim().toLowerCase();
  return c.includes('@') ? { kind: 'email', value: c } : { kind: 'phone', value: c.replace(/[\s().-]/g, '') };
}

/** Issues and checks one-time codes and person sessions. */
export class RightsVerifier {
  private readonly opts: Required<VerifyOptions>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: VaultValues,
    private readonly key: Buffer,
    private readonly senders: CodeSenders,
    private readonly clock: Clock,
    opts: VerifyOptions = {},
    private readonly onError: (e: unknown) => void = () => {},
  ) {
    this.opts = { maxAttempts: opts.maxAttempts ?? 5, codeTtlMs: opts.codeTtlMs ?? 600_000, sessionTtlMs: opts.sessionTtlMs ?? 1_800_000, maxCodesPerHour: opts.maxCodesPerHour ?? 5 };
  }

  private digest(value: string): string {
    return createHmac('sha256', this.key).update(`contact|${value}`).digest('hex');
  }

  private codeHash(id: string, code: string): string {
    return createHmac('sha256', this.key).update(`code|${id}|${code}`).digest('hex');
  }

  /**
   * Starts verification. Known and unknown contacts get the same answer and do the same database work; the code is
   * delivered after the answer, so the time of the answer does not tell whether the contact is on file.
   */
  async start(registry: Registry, contact: string): Promise<{ expiresInSeconds: number }> {
    const now = this.clock();
    const c = normalizeContact(contact);
    const digest = this.digest(c.value);
    let subjectId = await this.vault.find(registry, c.kind, c.value);
    // the same queries run for an unknown contact (a lookup of an id that cannot exist), so timing does not tell them apart
    const s = await getSubject(this.db, subjectId ?? 'sub_unknown').catch(() => null);
    if (!s || s.status === 'closed' || s.status === 'erased') subjectId = null;
    const answer = { expiresInSeconds: Math.round(this.opts.codeTtlMs / 1000) };
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const id = randomBytes(12).toString('hex');
    const issued = await this.db.transaction().execute(async (trx) => {
      if ((await countCodes(trx, digest, new Date(now.getTime() - 3_600_000))) >= this.opts.maxCodesPerHour) return false;
      await insertCode(trx, { contact_digest: digest, id, subject_id: subjectId, code_hash: this.codeHash(id, code), expires_at: new Date(now.getTime() + this.opts.codeTtlMs), created_at: now });
      await recordAudit(trx, subjectId ? { actor: `person:${subjectId}`, action: 'rights.verify.start', subject: subjectId, details: { kind: c.kind } } : { actor: 'person:unverified', action: 'rights.verify.start', details: { kind: c.kind } });
      return true;
    });
    if (issued && subjectId) void this.deliver(registry, subjectId, c, code).catch(this.onError);
    return answer;
  }

  // The code goes to the value on file (decrypted here), not to whatever spelling the caller typed.
  private async deliver(registry: Registry, subjectId: string, c: { kind: 'email' | 'phone'; value: string }, code: string): Promise<void> {
    const subject = await getSubject(this.db, subjectId);
    const kinds = new Set(LOOKUP_KINDS[c.kind]);
    const cats = new Set(registry.categories.filter((x) => kinds.has(x.kind)).map((x) => x.id));
    const values = (await this.vault.decryptAll(subjectId)).filter((v) => cats.has(v.category) && v.value !== null);
    const onFile = values.find((v) => normalizeContact(v.value!).value === c.value) ?? values[0];
    if (!onFile?.value) return;
    const msg = codeMessage(subject.language, code, Math.round(this.opts.codeTtlMs / 60_000));
    if (c.kind === 'email') await this.senders.email.send({ to: onFile.value, subject: msg.subject, text: msg.text });
    else await this.senders.sms.send({ to: onFile.value, text: msg.text });
  }

  /** Checks a code: wrong ones count towards the limit, used and expired ones are refused; a match opens a session. */
  async confirm(contact: string, code: string): Promise<PersonSession> {
    const now = this.clock();
    const digest = this.digest(normalizeContact(contact).value);
    const outcome = await this.db.transaction().execute(async (trx) => {
      const row = await latestCode(trx, digest);
      if (!row) return { error: 'RIGHTS_CODE_INVALID' as const };
      if (row.used_at) return { error: 'RIGHTS_CODE_USED' as const };
      if (row.attempts >= this.opts.maxAttempts) return { error: 'RIGHTS_CODE_LOCKED' as const };
      if (new Date(row.expires_at).getTime() <= now.getTime()) return { error: 'RIGHTS_CODE_EXPIRED' as const };
      const expected = Buffer.from(row.code_hash, 'hex');
      const given = Buffer.from(this.codeHash(row.id, code), 'hex');
      const match = row.subject_id !== null && timingSafeEqual(expected, given);
      const attempts = row.attempts + 1;
      await markCode(trx, digest, row.id, attempts, match ? now : null);
      if (!match) return { error: attempts >= this.opts.maxAttempts ? ('RIGHTS_CODE_LOCKED' as const) : ('RIGHTS_CODE_INVALID' as const), left: this.opts.maxAttempts - attempts };
      const subjectId = row.subject_id!;
      const session = `cps_${subjectId.slice(4)}_${randomBytes(32).toString('base64url')}`;
      const expiresAt = new Date(now.getTime() + this.opts.sessionTtlMs);
      await insertSession(trx, subjectId, sha256(session), expiresAt, now);
      await recordAudit(trx, { actor: `person:${subjectId}`, action: 'rights.verify.confirm', subject: subjectId });
      return { session: { session, subjectId, expiresAt: expiresAt.toISOString() } };
    });
    if ('session' in outcome && outcome.session) return outcome.session;
    const left = 'left' in outcome && outcome.left !== undefined && outcome.left > 0 ? `; ${outcome.left} attempt(s) left` : '';
    throw new AppError(outcome.error!, `${ERROR_TEXT[outcome.error!]}${left}`);
  }

  /** The subject of a valid session token, or undefined. */
  async authenticate(token: string): Promise<string | undefined> {
    const m = SESSION_RE.exec(token);
    if (!m) return undefined;
    const subjectId = `sub_${m[1]}`;
    return (await sessionValid(this.db, subjectId, sha256(token), this.clock())) ? subjectId : undefined;
  }
}

const ERROR_TEXT = {
  RIGHTS_CODE_INVALID: 'the code is not valid for this contact',
  RIGHTS_CODE_USED: 'this code was already used; ask for a new one',
  RIGHTS_CODE_LOCKED: 'too many wrong codes; ask for a new one',
  RIGHTS_CODE_EXPIRED: 'the code has expired; ask for a new one',
} as const;

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}
