// Loads synthetic people into a running server's services: subjects, vault values and some optional consents.
import { createHash } from 'node:crypto';
import type { AppContext } from '../http/context.ts';
import { createSubject } from '../subjects/index.ts';
import { demoPeople } from './demo.people.ts';

/** Seeds `count` people unless subjects exist already; returns how many were created and a few ids to try. */
export async function seedDemo(ctx: AppContext, count: number): Promise<{ created: number; sample: { id: string; email?: string; phone?: string }[] }> {
  const existing = await ctx.store.db.selectFrom('subjects').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return { created: 0, sample: [] };
  const { registry, versionNo } = await ctx.registry.load();
  const regimes = registry.organization.regimes;
  const sample: { id: string; email?: string; phone?: string }[] = [];
  const notice = createHash('sha256').update(`demo notice v${versionNo}`).digest('hex');
  const optional = registry.purposes.filter((p) => p.legalBasis === 'consent' && !p.required);
  let i = 0;
  for (const person of demoPeople(registry, count)) {
    const subject = await ctx.store.db.transaction().execute((trx) => createSubject(trx, registry, { role: person.role, regimes, language: person.language, birthDate: person.birthDate }, 'system:demo'));
    if (person.values.length > 0) await ctx.vault.put(registry, subject.id, person.values, 'system:demo');
    // every other person grants the first optional purpose their role may use, with the kind the law requires
    const p = optional.find((x) => !x.roles || x.roles.includes(person.role));
    if (p && i % 2 === 0) {
      const kind = p.consentMechanism === 'separate' || p.consentMechanism === 'written' || p.consentMechanism === 'explicit' ? p.consentMechanism : 'general';
      await ctx.consent.grant(subject.id, { purposes: [{ purpose: p.id }], kind, action: 'checkbox', registryVersion: versionNo, noticeHash: notice, channel: 'web', actor: 'subject' }).catch(() => undefined);
    }
    if (sample.length < 5) {
      const email = person.values.find((v) => registry.categories.find((c) => c.id === v.category)?.kind === 'email')?.value;
      const phone = person.values.find((v) => /phone|mobile/.test(registry.categories.find((c) => c.id === v.category)?.kind ?? ''))?.value;
      sample.push({ id: subject.id, email, phone });
    }
    i++;
  }
  await ctx.audit.flush();
  return { created: i, sample };
}
