// Shared phrasing for the two reports: the notice's context (labels, legal bases, durations) plus the report's own words.
import type { Language, Registry } from '../registry/index.ts';
import { createContext, type NoticeContext } from '../notice/notice.context.ts';
import { countryName } from '../notice/notice.format.ts';
import { joinRich, type Block, type Rich } from '../notice/notice.model.ts';
import type { CategoryRef, RecipientRef } from './lifecycle.refs.ts';
import { REPORT_MESSAGES } from './report/messages/report.messages.ts';
import type { ReportMessages } from './report/messages/report.messages.model.ts';

/** The notice context for the language and the report messages. */
export interface ReportContext {
  ctx: NoticeContext;
  r: ReportMessages;
  /** A category name with its sensitivity per regime in parentheses. */
  category: (c: CategoryRef) => Rich;
  /** A recipient's name with its kind and country. */
  recipient: (rec: RecipientRef) => Rich;
  /** The safeguard of a transfer, or "not stated". */
  safeguard: (rec: RecipientRef) => Rich;
  /** A list joined in the language, or "none". */
  listOrNone: (parts: Rich[]) => Rich;
  /** The controller's identity, officer and representative as record blocks. */
  controllerBlocks: () => Block[];
}

/** Builds the report context for one registry and language. */
export function createReportContext(registry: Registry, lang: Language): ReportContext {
  const ctx = createContext(registry, lang);
  const { m } = ctx;
  const r = REPORT_MESSAGES[lang];
  const listOrNone = (parts: Rich[]) => (parts.length === 0 ? [r.none] : ctx.list(parts));
  const sensitivity = (c: CategoryRef): string[] => {
    const s = c.sensitivity ?? {};
    const out: string[] = [];
    if (s.pipl) out.push(m.sensitivityKinds.pipl);
    if (s.pipa) out.push(s.pipa === 'rrn' ? m.sensitivityKinds.pipaRrn : s.pipa === 'unique-id' ? m.sensitivityKinds.pipaUniqueId : m.sensitivityKinds.pipaSensitive);
    if (s.gdpr) out.push(s.gdpr === 'criminal' ? m.sensitivityKinds.gdprCriminal : m.sensitivityKinds.gdprSpecial);
    return out;
  };
  return {
    ctx,
    r,
    listOrNone,
    category: (c) => {
      const s = sensitivity(c);
      return s.length > 0 ? [...ctx.text(c.labels), { text: m.paren(s.join(m.listSeparator)), strong: true }] : ctx.text(c.labels);
    },
    recipient: (rec) => [...ctx.text(rec.names), m.paren(`${m.recipientKinds[rec.kind]}${m.listSeparator}${countryName(lang, rec.country)}`)],
    safeguard: (rec) => {
      if (!rec.mechanism) return [r.notStated];
      const ref = rec.mechanism.reference ? m.paren(rec.mechanism.reference) : '';
      return [`${m.transferMechanisms[rec.mechanism.type]}${ref}`];
    },
    controllerBlocks: () => {
      const org = registry.organization;
      const rows = ctx.contactRows(org.contact);
      rows.push({ label: r.fields.regimes, value: [org.regimes.map((g) => r.regimes[g]).join(m.listSeparator)] });
      if (org.supervisoryAuthority) rows.push({ label: m.fields.supervisoryAuthority, value: ctx.text(org.supervisoryAuthority) });
      const blocks: Block[] = [{ kind: 'record', caption: ctx.text(org.names), rows }];
      const officer = ctx.contactRows(org.privacyOfficer);
      if (officer.length > 0) blocks.push({ kind: 'record', caption: [r.fields.dpo], rows: officer });
      const rep = ctx.contactRows(org.representative);
      if (rep.length > 0) blocks.push({ kind: 'record', caption: [r.fields.representative], rows: rep });
      return blocks;
    },
  };
}

/** Joins rich parts with the language's list separator. */
export function joinList(rc: ReportContext, parts: Rich[]): Rich {
  return joinRich(parts, rc.ctx.m.listSeparator);
}
