// Section: sensitive categories, why each is needed and how it affects the person (PIPL 30, PIPA 23-24, GDPR 9).
import type { Block, Rich } from '../notice.model.ts';
import { sensitivityWords } from './collection.section.ts';
import type { SectionTemplate } from './section.model.ts';

/** Sensitive categories with necessity and impact; left out when there are none. */
export const sensitiveSection: SectionTemplate = (ctx) => {
  const { m, registry: r } = ctx;
  const f = m.fields;
  const sensitive = r.categories.filter((c) => sensitivityWords(ctx, c).length > 0);
  if (sensitive.length === 0) return undefined;
  const blocks: Block[] = [{ kind: 'p', text: [m.sensitiveIntro] }];
  for (const c of sensitive) {
    const rows: { label: string; value: Rich }[] = [{ label: f.sensitive, value: [sensitivityWords(ctx, c).join(m.listSeparator)] }];
    if (c.necessity) rows.push({ label: f.necessity, value: ctx.text(c.necessity) });
    if (c.impact) rows.push({ label: f.impact, value: ctx.text(c.impact) });
    if (c.statute) rows.push({ label: f.statute, value: ctx.text(c.statute) });
    const used = r.purposes.filter((p) => p.categories.includes(c.id)).map((p) => p.id);
    if (used.length > 0) rows.push({ label: f.purposes, value: ctx.purposeNames(used) });
    blocks.push({ kind: 'record', caption: ctx.text(c.labels), rows });
  }
  return blocks;
};
