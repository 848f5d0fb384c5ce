// Section: what is collected in which scenario, and the full list of items with their sensitivity and origin.
import type { Category } from '../../registry/index.ts';
import type { NoticeContext } from '../notice.context.ts';
import type { Block, Rich } from '../notice.model.ts';
import type { SectionTemplate } from './section.model.ts';

/** The sensitivity kinds of a category under the registry's regimes, in words. */
export function sensitivityWords(ctx: NoticeContext, c: Category): string[] {
  const s = c.sensitivity;
  const k = ctx.m.sensitivityKinds;
  if (!s) return [];
  const out: string[] = [];
  if (s.pipl && ctx.has('pipl')) out.push(k.pipl);
  if (s.pipa && ctx.has('pipa')) out.push(s.pipa === 'rrn' ? k.pipaRrn : s.pipa === 'unique-id' ? k.pipaUniqueId : k.pipaSensitive);
  if (s.gdpr && ctx.has('gdpr')) out.push(s.gdpr === 'criminal' ? k.gdprCriminal : k.gdprSpecial);
  return [...new Set(out)];
}

/** Collection scenarios and items (PIPL 17, PIPA 30 item list, GDPR 14 sources). */
export const collectionSection: SectionTemplate = (ctx) => {
  const { registry: r, m } = ctx;
  const f = m.fields;
  const blocks: Block[] = [];
  if (r.scenarios.length > 0) {
    blocks.push({ kind: 'p', text: [m.collectionIntro] });
    for (const s of r.scenarios) {
      const categories = s.categories ?? [...new Set(s.purposes.flatMap((id) => ctx.purpose(id)?.categories ?? []))];
      const source: Rich = [m.sourceKinds[s.source]];
      if (s.sourceDetail) source.push(m.clauseSeparator, ...ctx.text(s.sourceDetail));
      const rows = [
        { label: f.categories, value: ctx.categoryNames(categories) },
        { label: f.purposes, value: ctx.purposeNames(s.purposes) },
        { label: f.source, value: source },
      ];
      if (s.publicPlace) rows.push({ label: f.description, value: [m.publicPlaceText] });
      blocks.push({ kind: 'record', caption: ctx.text(s.labels), rows });
    }
  } else {
    blocks.push({ kind: 'p', text: [m.noScenarios] });
  }
  const rows = r.categories.map((c): Rich[] => {
    const sensitive = sensitivityWords(ctx, c);
    const origin: Rich = [m.origins[c.origin]];
    if (c.source) origin.push(m.clauseSeparator, ...ctx.text(c.source));
    return [ctx.text(c.labels), [sensitive.length > 0 ? sensitive.join(m.listSeparator) : m.no], origin];
  });
  blocks.push({ kind: 'grid', caption: f.categories, columns: [f.item, f.sensitive, f.origin], rows });
  return blocks;
};
