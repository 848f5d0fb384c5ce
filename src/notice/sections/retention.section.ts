// Section: how long each purpose keeps its data, and how data is destroyed afterwards.
import type { SectionTemplate } from './section.model.ts';

/** Retention per purpose and the destruction procedure (PIPL 17 and 19, PIPA 21 and 30, GDPR 13(2)(a)). */
export const retentionSection: SectionTemplate = (ctx) => {
  const { m, registry: r } = ctx;
  const rows = r.purposes.map((p) => [ctx.text(p.labels), ctx.retention(p.retention)]);
  return [
    { kind: 'p', text: [m.retentionIntro] },
    { kind: 'grid', caption: m.sections.retention, columns: [m.fields.purpose, m.fields.retention], rows, captionHidden: true },
    { kind: 'p', text: [m.destruction] },
  ];
};
