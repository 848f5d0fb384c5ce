// What every section template gets: the registry, the language, its messages and shared phrasing helpers.
import type { Category, Contact, Labels, Language, Purpose, Recipient, Regime, Registry, Retention } from '../registry/index.ts';
import { MESSAGES } from './messages/messages.catalogue.ts';
import type { NoticeMessages } from './messages/messages.model.ts';
import { durationWords } from './notice.format.ts';
import { createLocalizer, type Localize } from './notice.labels.ts';
import { joinRich, plain as plainText, type Rich } from './notice.model.ts';
import { isCrossBorder } from './notice.territory.ts';

type Person = NonNullable<Registry['organization']['privacyOfficer']>;

/** Shared state and helpers for the section templates of one rendering. */
export interface NoticeContext {
  registry: Registry;
  lang: Language;
  m: NoticeMessages;
  /** Registry text in the notice language, as rich text (empty when absent). */
  text: (labels: Labels | undefined) => Rich;
  has: (regime: Regime) => boolean;
  category: (id: string) => Category | undefined;
  purpose: (id: string) => Purpose | undefined;
  recipient: (id: string) => Recipient | undefined;
  list: (parts: Rich[]) => Rich;
  categoryNames: (ids: string[]) => Rich;
  purposeNames: (ids: string[]) => Rich;
  retention: (r: Retention | undefined) => Rich;
  crossBorder: (r: Recipient) => boolean;
  contactRows: (c: Contact | Person | undefined) => { label: string; value: Rich }[];
}

/** Builds the context for rendering `registry` in `lang`. */
export function createContext(registry: Registry, lang: Language): NoticeContext {
  const m = MESSAGES[lang];
  const localize: Localize = createLocalizer(registry, lang);
  const text = (labels: Labels | undefined): Rich => {
    const t = localize(labels);
    return t === undefined ? [] : [t];
  };
  const byId = <T extends { id: string }>(items: T[]) => {
    const map = new Map(items.map((i) => [i.id, i]));
    return (id: string) => map.get(id);
  };
  const category = byId(registry.categories);
  const purpose = byId(registry.purposes);
  const list = (parts: Rich[]) => joinRich(parts.filter((p) => p.length > 0), m.listSeparator);
  const has = (regime: Regime) => registry.organization.regimes.includes(regime);

  const retention = (r: Retention | undefined): Rich => {
    if (!r) return [];
    const parts: Rich[] = [];
    if (r.until) parts.push([m.retentionUntil(r.until, r.grace ? durationWords(m, r.grace) : undefined)]);
    if (r.duration) parts.push([m.retentionFor(durationWords(m, r.duration), r.from)]);
    if (r.rule) parts.push(text(r.rule));
    return joinRich(parts, m.clauseSeparator);
  };

  const contactRows = (c: Contact | Person | undefined) => {
    if (!c) return [];
    const rows: { label: string; value: Rich }[] = [];
    const f = m.fields;
    if ('name' in c && c.name) rows.push({ label: f.personName, value: 'title' in c && c.title ? [...text(c.name), m.paren(plainText(text(c.title)))] : text(c.name) });
    if (c.email) rows.push({ label: f.email, value: [{ text: c.email, href: `mailto:${c.email}` }] });
    if (c.phone) rows.push({ label: f.phone, value: [{ text: c.phone, href: `tel:${c.phone.replace(/[^\d+]/g, '')}` }] });
    if ('url' in c && c.url) rows.push({ label: f.website, value: [/^https?:\/\//i.test(c.url) ? { text: c.url, href: c.url } : c.url] });
    if (c.address) rows.push({ label: f.address, value: text(c.address) });
    return rows;
  };

  return {
    registry,
    lang,
    m,
    text,
    has,
    category,
    purpose,
    recipient: byId(registry.recipients),
    list,
    categoryNames: (ids) => list(ids.map((id) => text(category(id)?.labels))),
    purposeNames: (ids) => list(ids.map((id) => text(purpose(id)?.labels))),
    retention,
    crossBorder: (r) => isCrossBorder(registry, r),
    contactRows,
  };
}
