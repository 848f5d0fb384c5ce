// The record of processing activities as a format-neutral document (the notice's blocks, so it prints like the notice).
import type { Language, Registry } from '../registry/index.ts';
import { dateWords } from '../notice/notice.format.ts';
import { plain, type Block, type NoticeDocument, type NoticeSection, type Rich } from '../notice/notice.model.ts';
import type { Ropa, RopaActivity } from './lifecycle.ropa.ts';
import { createReportContext, type ReportContext } from './report.context.ts';

type Row = { label: string; value: Rich };

function activityRows(rc: ReportContext, a: RopaActivity): Row[] {
  const { ctx, r } = rc;
  const f = ctx.m.fields;
  const rows: Row[] = [];
  if (a.description) rows.push({ label: f.description, value: ctx.text(a.description) });
  const basis: Rich = [ctx.m.legalBases[a.legalBasis]];
  if (a.legitimateInterest) basis.push(ctx.m.clauseSeparator, ...ctx.text(a.legitimateInterest));
  rows.push({ label: f.legalBasis, value: basis });
  rows.push({ label: r.fields.roles, value: rc.listOrNone(a.roles.map((x) => ctx.text(x.labels))) });
  rows.push({ label: r.fields.categories, value: rc.listOrNone(a.categories.map(rc.category)) });
  rows.push({ label: r.fields.recipients, value: rc.listOrNone(a.recipients.map(rc.recipient)) });
  rows.push({ label: r.fields.transfers, value: rc.listOrNone(a.transfers.map((t) => [...rc.recipient(t), ctx.m.labelSeparator, ...rc.safeguard(t)])) });
  rows.push({ label: f.retention, value: a.retention ? ctx.retention(a.retention) : [r.notStated] });
  rows.push({ label: r.fields.security, value: [a.security.length > 0 ? r.allSecurity : r.none] });
  if (a.assessment) rows.push({ label: r.fields.assessment, value: [r.onFile(a.assessment.id, a.assessment.date)] });
  return rows;
}

function issueBlocks(rc: ReportContext, ropa: Ropa): Block[] {
  const { ctx, r } = rc;
  const name = (id: string | null) => (id === null ? plain(ctx.text(ctx.registry.organization.names)) : plain(ctx.text(ctx.purpose(id)?.labels)) || id);
  const subject = (id: string | undefined) => (id ? plain(ctx.text(ctx.recipient(id)?.names)) || id : '');
  return [{ kind: 'list', items: ropa.issues.map((i) => [{ text: `${r.issueHeading(name(i.purpose))}${ctx.m.labelSeparator}`, strong: true }, r.issue[i.field](subject(i.subject))]) }];
}

/** Builds the record of processing activities document in one language. */
export function ropaDocument(registry: Registry, ropa: Ropa, lang: Language): NoticeDocument {
  const rc = createReportContext(registry, lang);
  const { ctx, r } = rc;
  const sections: NoticeSection[] = [{ id: 'sec-controller', title: r.sections.controller, blocks: rc.controllerBlocks() }];
  if (ropa.issues.length > 0) sections.push({ id: 'sec-issues', title: r.sections.issues, blocks: issueBlocks(rc, ropa) });
  const security: Block = registry.security.length > 0 ? { kind: 'list', items: registry.security.map((s) => ctx.text(s.labels)) } : { kind: 'p', text: [r.none] };
  sections.push({ id: 'sec-security', title: r.sections.security, blocks: [security] });
  for (const a of ropa.activities) {
    const blocks: Block[] = [{ kind: 'record', caption: [r.articleCaption], rows: activityRows(rc, a) }];
    if (a.issues.length > 0) blocks.push({ kind: 'list', items: a.issues.map((i) => [{ text: r.attention, strong: true }, ctx.m.labelSeparator, r.issue[i.field](i.subject ? plain(ctx.text(ctx.recipient(i.subject)?.names)) || i.subject : '')]) });
    sections.push({ id: `sec-p-${a.id}`, title: plain(ctx.text(a.labels)), blocks });
  }
  const controller = ctx.text(registry.organization.names);
  return {
    lang,
    title: r.ropaTitle,
    controller,
    meta: [
      { label: ctx.m.versionLabel, value: ropa.version },
      { label: ctx.m.effectiveLabel, value: dateWords(ctx.m, ropa.effectiveDate) },
    ],
    intro: [r.ropaIntro(plain(controller)), ctx.m.sentenceGap, r.keepNote],
    contentsLabel: ctx.m.contents,
    skipLink: r.skipLink,
    labelSeparator: ctx.m.labelSeparator,
    sections,
  };
}
