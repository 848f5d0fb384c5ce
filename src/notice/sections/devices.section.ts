// Sections: cookies and trackers by class, and device permissions.
import { durationWords } from '../notice.format.ts';
import type { Block, Rich } from '../notice.model.ts';
import type { SectionTemplate } from './section.model.ts';

const CLASSES = ['necessary', 'functional', 'analytics', 'advertising'] as const;

/** Trackers grouped by class with how to refuse them (PIPA 30(1)8, ePrivacy 5(3)); stated for PIPA even when empty. */
export const trackersSection: SectionTemplate = (ctx) => {
  const { m, registry: r } = ctx;
  const f = m.fields;
  if (r.trackers.length === 0) return ctx.has('pipa') ? [{ kind: 'p', text: [m.noTrackers] }] : undefined;
  const blocks: Block[] = [{ kind: 'p', text: [m.trackersIntro] }];
  for (const cls of CLASSES) {
    const trackers = r.trackers.filter((t) => t.class === cls);
    if (trackers.length === 0) continue;
    blocks.push({ kind: 'h3', text: [m.trackerClasses[cls]] }, { kind: 'p', text: [m.trackerClassNotes[cls]] });
    const rows = trackers.map((t): Rich[] => [
      ctx.text(t.labels),
      t.recipient ? ctx.text(ctx.recipient(t.recipient)?.names) : ctx.text(r.organization.names),
      ctx.purposeNames(t.purposes ?? []),
      [(t.cookies ?? []).join(', ')],
      t.retention ? [durationWords(m, t.retention)] : [],
    ]);
    blocks.push({ kind: 'grid', caption: m.trackerClasses[cls], columns: [f.tracker, f.provider, f.purposes, f.storedItems, f.duration], rows, captionHidden: true });
  }
  blocks.push({ kind: 'p', text: [m.trackersRefuse] });
  return blocks;
};

/** Device permissions and the purposes that use them; left out when the registry declares none. */
export const permissionsSection: SectionTemplate = (ctx) => {
  const { m, registry: r } = ctx;
  if (r.permissions.length === 0) return undefined;
  const rows = r.permissions.map((p): Rich[] => [[m.permissions[p.permission]], ctx.text(p.labels), ctx.purposeNames(p.purposes)]);
  return [
    { kind: 'p', text: [m.permissionsIntro] },
    { kind: 'grid', caption: m.sections.permissions, columns: [m.fields.permission, m.fields.description, m.fields.purposes], rows, captionHidden: true },
  ];
};
