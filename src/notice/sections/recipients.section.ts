// Sections: sharing with other handlers, entrusted processors, and cross-border transfers, one table per recipient.
import type { Recipient } from '../../registry/index.ts';
import type { NoticeContext } from '../notice.context.ts';
import { countryName } from '../notice.format.ts';
import { joinRich, type Block, type Rich } from '../notice.model.ts';
import type { SectionTemplate } from './section.model.ts';

type Row = { label: string; value: Rich };

function contact(ctx: NoticeContext, r: Recipient): Rich {
  return joinRich(ctx.contactRows(r.contact).map((row) => row.value), ctx.m.clauseSeparator);
}

// PIPL 23 / PIPA 17: name, contact, purpose, method, categories (and, for PIPA, the recipient's retention).
function baseRows(ctx: NoticeContext, r: Recipient, abroad = false): Row[] {
  const f = ctx.m.fields;
  const rows: Row[] = [
    { label: f.kind, value: [ctx.m.recipientKinds[r.kind]] },
    { label: abroad ? f.destination : f.country, value: [countryName(ctx.lang, r.country)] },
  ];
  const c = contact(ctx, r);
  if (c.length > 0) rows.push({ label: f.contact, value: c });
  rows.push({ label: f.purposes, value: ctx.purposeNames(r.purposes) });
  if (r.method) rows.push({ label: f.method, value: ctx.text(r.method) });
  rows.push({ label: f.categories, value: ctx.categoryNames(r.categories) });
  if (r.retention) rows.push({ label: f.retention, value: ctx.text(r.retention) });
  return rows;
}

/** Provision to other handlers and public disclosure (PIPL 23 and 25, PIPA 17, GDPR 13(1)(e)). */
export const sharingSection: SectionTemplate = (ctx) => {
  const { m } = ctx;
  const shared = ctx.registry.recipients.filter((r) => r.kind !== 'processor');
  if (shared.length === 0) return [{ kind: 'p', text: [m.noSharing] }];
  const blocks: Block[] = [{ kind: 'p', text: [m.sharingIntro] }];
  if (shared.some((r) => r.kind === 'public')) blocks.push({ kind: 'p', text: [m.publicIntro] });
  for (const r of shared) {
    const rows = baseRows(ctx, r);
    if (ctx.has('pipa')) rows.push({ label: m.fields.howToRefuse, value: [m.refuseSharing] });
    blocks.push({ kind: 'record', caption: ctx.text(r.names), rows });
  }
  return blocks;
};

/** Entrusted processing (PIPL 21, PIPA 26, GDPR 28); always stated for PIPA, else left out when empty. */
export const processorsSection: SectionTemplate = (ctx) => {
  const { m } = ctx;
  const f = m.fields;
  const processors = ctx.registry.recipients.filter((r) => r.kind === 'processor');
  if (processors.length === 0) return ctx.has('pipa') ? [{ kind: 'p', text: [m.noProcessors] }] : undefined;
  const rows = processors.map((r) => [ctx.text(r.names), ctx.purposeNames(r.purposes), ctx.categoryNames(r.categories), [countryName(ctx.lang, r.country)]]);
  return [
    { kind: 'p', text: [m.processorsIntro] },
    { kind: 'grid', caption: m.sections.processors, columns: [f.recipient, f.purposes, f.categories, f.country], rows, captionHidden: true },
  ];
};

/** Cross-border transfers (PIPL 38-39, PIPA 28-8, GDPR 13(1)(f)); left out when there are none. */
export const crossBorderSection: SectionTemplate = (ctx) => {
  const { m } = ctx;
  const f = m.fields;
  const abroad = ctx.registry.recipients.filter((r) => ctx.crossBorder(r));
  if (abroad.length === 0) return undefined;
  const blocks: Block[] = [{ kind: 'p', text: [m.crossBorderIntro] }];
  for (const r of abroad) {
    const rows = baseRows(ctx, r, true);
    if (r.transferTime) rows.push({ label: f.transferTime, value: ctx.text(r.transferTime) });
    if (r.mechanism) {
      const safeguard: Rich = [m.transferMechanisms[r.mechanism.type]];
      if (r.mechanism.note) safeguard.push(m.clauseSeparator, ...ctx.text(r.mechanism.note));
      rows.push({ label: f.safeguard, value: safeguard });
    }
    // PIPL 39: how to exercise rights against the foreign recipient must always be stated.
    rows.push({ label: f.rightsAgainst, value: r.rightsChannel ? ctx.text(r.rightsChannel) : [m.rightsAgainstDefault] });
    if (ctx.has('pipa')) rows.push({ label: f.howToRefuse, value: [m.refuseTransfer] });
    blocks.push({ kind: 'record', caption: ctx.text(r.names), rows });
  }
  return blocks;
};
