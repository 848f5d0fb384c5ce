// Section: automated decisions, their logic and effect, and how to ask for an explanation or refuse them.
import type { Block, Rich } from '../notice.model.ts';
import type { SectionTemplate } from './section.model.ts';

/** Automated decision-making (PIPL 24, PIPA 37-2, GDPR 13(2)(f) and 22); left out when there is none. */
export const automatedSection: SectionTemplate = (ctx) => {
  const { m, registry: r } = ctx;
  const f = m.fields;
  const adm = r.purposes.filter((p) => p.adm);
  if (adm.length === 0) return undefined;
  const blocks: Block[] = [{ kind: 'p', text: [m.automatedIntro] }];
  for (const p of adm) {
    const a = p.adm!;
    const rows: { label: string; value: Rich }[] = [];
    if (a.logic) rows.push({ label: f.logic, value: ctx.text(a.logic) });
    if (a.criteria) rows.push({ label: f.criteria, value: ctx.text(a.criteria) });
    rows.push({ label: f.categories, value: ctx.categoryNames(p.categories) });
    rows.push({ label: f.effect, value: [a.significantEffect ? m.admSignificant : m.admNotSignificant] });
    if (a.humanReview !== undefined) rows.push({ label: f.humanReview, value: [a.humanReview ? m.yes : m.no] });
    blocks.push({ kind: 'record', caption: ctx.text(p.labels), rows });
  }
  blocks.push({ kind: 'p', text: [m.admObject] });
  if (ctx.has('gdpr')) blocks.push({ kind: 'p', text: [m.admGdpr] });
  return blocks;
};
