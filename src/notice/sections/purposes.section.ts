// Section: each purpose with its categories, legal basis, whether it is required, method and retention.
import type { Purpose } from '../../registry/index.ts';
import type { NoticeContext } from '../notice.context.ts';
import type { Block, Rich } from '../notice.model.ts';
import type { SectionTemplate } from './section.model.ts';

const VALID_CONSENT = new Set(['general', 'separate', 'written', 'explicit'] as const);

function purposeRecord(ctx: NoticeContext, p: Purpose): Block {
  const { m } = ctx;
  const f = m.fields;
  const rows: { label: string; value: Rich }[] = [];
  if (p.description) rows.push({ label: f.description, value: ctx.text(p.description) });
  rows.push({ label: f.categories, value: ctx.categoryNames(p.categories) });
  rows.push({ label: f.legalBasis, value: [m.legalBases[p.legalBasis]] });
  if (p.legitimateInterest) rows.push({ label: f.legitimateInterest, value: ctx.text(p.legitimateInterest) });
  // Only consent can be refused; an optional purpose on another basis is simply not needed for the service.
  const required: Rich = [p.required ? m.requiredText : p.legalBasis === 'consent' ? m.optionalText : m.notRequiredText];
  if (p.necessity) required.push(m.sentenceGap, ...ctx.text(p.necessity));
  if (p.marketing) required.push(m.sentenceGap, m.marketingText);
  if (p.profiling) required.push(m.sentenceGap, m.profilingText);
  rows.push({ label: f.required, value: required });
  // Invalid mechanisms (pre-ticked, continued use...) are lint findings, never something the notice may promise.
  const mech = p.consentMechanism;
  if (p.legalBasis === 'consent' && mech && VALID_CONSENT.has(mech as never)) {
    rows.push({ label: f.consent, value: [m.consentKinds[mech as 'general' | 'separate' | 'written' | 'explicit']] });
  }
  if (p.method) rows.push({ label: f.method, value: ctx.text(p.method) });
  if (p.retention) rows.push({ label: f.retention, value: ctx.retention(p.retention) });
  if (p.roles && p.roles.length > 0) {
    const roles = new Map(ctx.registry.roles.map((r) => [r.id, r]));
    rows.push({ label: f.appliesTo, value: ctx.list(p.roles.map((id) => ctx.text(roles.get(id)?.labels))) });
  }
  return { kind: 'record', caption: ctx.text(p.labels), rows };
}

/** Purposes (PIPL 17, PIPA 15(2) and 30, GDPR 13(1)(c)-(d), 13(2)(e)). */
export const purposesSection: SectionTemplate = (ctx) => [
  { kind: 'p', text: [ctx.m.purposesIntro] },
  ...ctx.registry.purposes.map((p) => purposeRecord(ctx, p)),
];
