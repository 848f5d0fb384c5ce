// Impact assessments as a format-neutral document: one PIA as numbered sections, several as one section per purpose.
import type { Language, Registry } from '../registry/index.ts';
import { countryName, dateWords } from '../notice/notice.format.ts';
import { plain, type Block, type NoticeDocument, type NoticeSection, type Rich } from '../notice/notice.model.ts';
import type { Pia, PiaPoint } from './lifecycle.pia.ts';
import { createReportContext, type ReportContext } from './report.context.ts';

// Checks whose subjects are categories or recipients worth naming (the others concern the purpose itself).
const LISTED: ReadonlySet<PiaPoint['code']> = new Set(['necessity', 'impact-stated', 'encryption', 'safeguards', 'contracts']);

type Part = { key: string; title: string; blocks: Block[] };

function names(rc: ReportContext, ids: string[]): string {
  const { ctx } = rc;
  const label = (id: string) => plain(ctx.text(ctx.category(id)?.labels ?? ctx.recipient(id)?.names ?? ctx.registry.roles.find((x) => x.id === id)?.labels ?? ctx.purpose(id)?.labels)) || id;
  return ids.map(label).join(ctx.m.listSeparator);
}

function status(rc: ReportContext, pia: Pia): Rich {
  if (!pia.needed) return [rc.r.notNeeded];
  if (pia.onFile && pia.assessment) return [rc.r.onFile(pia.assessment.id, pia.assessment.date ? dateWords(rc.ctx.m, pia.assessment.date) : undefined)];
  return [{ text: rc.r.notOnFile, strong: true }];
}

function points(rc: ReportContext, list: PiaPoint[]): Block {
  const { r, ctx } = rc;
  return {
    kind: 'list',
    items: list.map((p) => (p.ok
      ? [`${r.ok}${ctx.m.labelSeparator}${r.pointOk[p.code]}`]
      : [{ text: `${r.attention}${ctx.m.labelSeparator}`, strong: true }, r.pointBad[p.code], LISTED.has(p.code) ? ` ${names(rc, p.subjects)}` : ''])),
  };
}

function parts(rc: ReportContext, pia: Pia): Part[] {
  const { ctx, r } = rc;
  const { m } = ctx;
  const f = m.fields;
  const overview: Block[] = [{
    kind: 'record', caption: [`${r.fields.purpose}${m.labelSeparator}`, ...ctx.text(pia.purpose.labels)], rows: [
      { label: r.fields.controller, value: ctx.text(pia.controller.names) },
      { label: r.fields.triggers, value: pia.triggers.length > 0 ? ctx.list(pia.triggers.map((t) => [r.triggers[t.kind]])) : [r.notNeeded] },
      { label: r.fields.assessment, value: status(rc, pia) },
      { label: r.fields.riskLevel, value: [r.levels[pia.riskLevel]] },
    ],
  }];
  const rows = [
    ...(pia.purpose.description ? [{ label: f.description, value: ctx.text(pia.purpose.description) }] : []),
    ...(pia.purpose.method ? [{ label: f.method, value: ctx.text(pia.purpose.method) }] : []),
    { label: f.legalBasis, value: [m.legalBases[pia.legalBasis]] },
    { label: f.required, value: [pia.required ? m.requiredText : m.optionalText] },
    { label: r.fields.roles, value: rc.listOrNone(pia.roles.map((x) => ctx.text(x.labels))) },
    { label: f.retention, value: pia.retention ? ctx.retention(pia.retention) : [r.notStated] },
  ];
  if (pia.adm) {
    rows.push({ label: r.fields.adm, value: [...ctx.text(pia.adm.logic), pia.adm.significantEffect ? m.paren(r.admSignificant) : '', pia.adm.humanReview ? m.paren(r.admHumanReview) : ''] });
  }
  const processing: Block[] = [
    { kind: 'record', caption: [r.processingCaption], rows },
    {
      kind: 'grid', caption: r.fields.categories, columns: [f.item, r.fields.sensitivity, f.necessity, f.impact, r.fields.encrypted],
      rows: pia.categories.map((c) => [ctx.text(c.labels), [c.sensitiveUnder.length > 0 ? m.yes : m.no], ctx.text(c.necessity), ctx.text(c.impact), [c.encryptedAtRest ? m.yes : m.no]]),
    },
  ];
  if (pia.recipients.length > 0) {
    processing.push({
      kind: 'grid', caption: r.fields.recipients, columns: [f.recipient, f.kind, f.country, r.fields.items, f.safeguard],
      rows: pia.recipients.map((x) => [ctx.text(x.names), [m.recipientKinds[x.kind]], [countryName(ctx.lang, x.country)], ctx.categoryNames(x.categories), x.abroadUnder.length > 0 ? rc.safeguard(x) : ['—']]),
    });
  }
  const impact: Block[] = pia.risks.length > 0
    ? [{ kind: 'grid', caption: r.sections.impact, captionHidden: true, columns: [r.fields.risk, r.fields.level, r.fields.concerned], rows: pia.risks.map((x) => [[r.risks[x.kind]], [r.levels[x.level]], [names(rc, x.subjects)]]) }]
    : [{ kind: 'p', text: [r.none] }];
  const measures: Block = { kind: 'list', items: pia.measures.map((x) => [`${r.measures[x.source]}${m.labelSeparator}`, ...(x.labels ? ctx.text(x.labels) : [names(rc, [x.subject])])]) };
  const allOk = [...pia.sections.lawfulness, ...pia.sections.adequacy].every((p) => p.ok);
  const keep: Rich = [r.keepNote];
  if (pia.keepUntil) keep.push(m.sentenceGap, r.keepUntil(dateWords(m, pia.keepUntil)));
  return [
    { key: 'overview', title: r.sections.overview, blocks: overview },
    { key: 'processing', title: r.sections.processing, blocks: processing },
    { key: 'lawfulness', title: r.sections.lawfulness, blocks: [points(rc, pia.sections.lawfulness)] },
    { key: 'impact', title: r.sections.impact, blocks: impact },
    { key: 'adequacy', title: r.sections.adequacy, blocks: [points(rc, pia.sections.adequacy), { kind: 'h3', text: [r.fields.measures] }, measures] },
    { key: 'conclusion', title: r.sections.conclusion, blocks: [{ kind: 'p', text: [allOk ? r.verdictOk : { text: r.verdictAttention, strong: true }] }, { kind: 'p', text: keep, note: true }] },
  ];
}

/** Builds the impact assessment document for one or more purposes in one language. */
export function piaDocument(registry: Registry, pias: Pia[], lang: Language): NoticeDocument {
  const rc = createReportContext(registry, lang);
  const { ctx, r } = rc;
  let sections: NoticeSection[];
  if (pias.length === 1) {
    sections = parts(rc, pias[0]).map((p) => ({ id: `sec-${p.key}`, title: p.title, blocks: p.blocks }));
  } else {
    const summary: Block = pias.length > 0
      ? { kind: 'grid', caption: r.sections.needs, captionHidden: true, columns: [r.fields.purpose, r.fields.triggers, r.fields.status], rows: pias.map((p) => [ctx.text(p.purpose.labels), ctx.list(p.triggers.map((t) => [r.triggers[t.kind]])), status(rc, p)]) }
      : { kind: 'p', text: [r.notNeeded] };
    sections = [{ id: 'sec-needs', title: r.sections.needs, blocks: [summary] }];
    for (const pia of pias) {
      const blocks = parts(rc, pia).flatMap((p, i) => (i === 0 ? p.blocks : [{ kind: 'h3', text: [p.title] } as Block, ...p.blocks]));
      sections.push({ id: `sec-p-${pia.purpose.id}`, title: plain(ctx.text(pia.purpose.labels)), blocks });
    }
  }
  const controller = ctx.text(registry.organization.names);
  return {
    lang,
    title: pias.length === 1 ? r.piaTitle : r.piasTitle,
    controller,
    meta: [
      { label: ctx.m.versionLabel, value: registry.organization.version },
      { label: ctx.m.effectiveLabel, value: dateWords(ctx.m, registry.organization.effectiveDate) },
    ],
    intro: [r.piaIntro(plain(controller)), ctx.m.sentenceGap, r.keepNote],
    contentsLabel: ctx.m.contents,
    skipLink: r.skipLink,
    labelSeparator: ctx.m.labelSeparator,
    sections,
  };
}
