// The yearly notice of use and provision history (PIPA 20-2): pure, from audit entries and sharing records.
import type { Labels, Language, Registry } from '../registry/index.ts';
import type { Provision, ProvisionRecord, PurposeUse, UsageHistoryNotice, UseRecord } from './history.model.ts';
import { USE_ACTIONS } from './history.model.ts';
import { HISTORY_TEXTS } from './history.texts.ts';

const LOCALE: Record<Language, string> = { 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW', ko: 'ko-KR', en: 'en-GB' };
const SEOUL = 'Asia/Seoul';

/** The notice year as an instant range: 1 January to 1 January in Korean time (UTC+9, no daylight saving). */
export function yearWindow(year: number): { from: Date; to: Date } {
  return { from: new Date(Date.UTC(year, 0, 1) - 9 * 3600_000), to: new Date(Date.UTC(year + 1, 0, 1) - 9 * 3600_000) };
}

function pick(labels: Labels | undefined, lang: Language): string | undefined {
  if (!labels) return undefined;
  return labels[lang] ?? labels.ko ?? labels.en ?? Object.values(labels).find((v) => v !== undefined);
}

function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

function day(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeZone: SEOUL }).format(new Date(iso));
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Builds the notice for one subject and year in one language (Korean unless asked otherwise). */
export function usageHistoryNotice(registry: Registry, subject: { language?: string }, input: { audit: UseRecord[]; shares: ProvisionRecord[]; year: number; language?: Language }): UsageHistoryNotice {
  const lang: Language = input.language ?? (subject.language && subject.language in HISTORY_TEXTS ? (subject.language as Language) : 'ko');
  const t = HISTORY_TEXTS[lang];
  const { from, to } = yearWindow(input.year);
  const inYear = (iso: string) => {
    const ms = Date.parse(iso);
    return ms >= from.getTime() && ms < to.getTime();
  };
  const catLabel = (id: string) => pick(registry.categories.find((c) => c.id === id)?.labels, lang) ?? id;
  const purposeLabel = (id: string) => pick(registry.purposes.find((p) => p.id === id)?.labels, lang) ?? id;
  const items = (ids: Iterable<string>) => [...new Set(ids)].map((c) => ({ category: c, label: catLabel(c) }));

  const byPurpose = new Map<string, { cats: Set<string>; count: number; first: string; last: string }>();
  for (const u of input.audit) {
    if (!u.purpose || !(USE_ACTIONS as readonly string[]).includes(u.action) || u.decision === 'deny' || !inYear(u.at)) continue;
    const e = byPurpose.get(u.purpose) ?? { cats: new Set<string>(), count: 0, first: u.at, last: u.at };
    for (const c of u.categories) e.cats.add(c);
    e.count++;
    if (u.at < e.first) e.first = u.at;
    if (u.at > e.last) e.last = u.at;
    byPurpose.set(u.purpose, e);
  }
  const uses: PurposeUse[] = [...byPurpose].map(([purpose, e]) => ({ purpose, label: purposeLabel(purpose), items: items(e.cats), count: e.count, first: e.first, last: e.last })).sort((a, b) => a.first.localeCompare(b.first) || a.purpose.localeCompare(b.purpose));
  const provisions: Provision[] = input.shares
    .filter((s) => inYear(s.sharedAt))
    .sort((a, b) => a.sharedAt.localeCompare(b.sharedAt))
    .map((s) => {
      const r = registry.recipients.find((x) => x.id === s.recipient);
      return { recipient: s.recipient, name: pick(r?.names, lang) ?? s.recipient, country: s.country ?? r?.country ?? null, purpose: s.purpose, purposeLabel: purposeLabel(s.purpose), items: items(s.categories), date: s.sharedAt };
    });

  const org = pick(registry.organization.names, lang) ?? registry.organization.id;
  const contact = [registry.organization.privacyOfficer?.email, registry.organization.contact.email, registry.organization.contact.phone].find((x) => x) ?? '';
  const region = new Intl.DisplayNames([LOCALE[lang]], { type: 'region' });
  const last = new Date(to.getTime() - 1).toISOString();
  const intro = fill(t.intro, { org, from: day(from.toISOString(), lang), to: day(last, lang) });
  const useLines = uses.map((u) => fill(t.use, { purpose: u.label, items: u.items.map((i) => i.label).join(t.list), count: u.count, first: day(u.first, lang), last: day(u.last, lang) }));
  const provLines = provisions.map((p) => fill(t.provision, { recipient: p.name, country: p.country ? ` (${region.of(p.country) ?? p.country})` : '', purpose: p.purposeLabel, items: p.items.map((i) => i.label).join(t.list), date: day(p.date, lang) }));
  const title = fill(t.title, { year: input.year });
  const footer = [t.rights, ...(contact ? [fill(t.contact, { contact })] : [])];
  const text = [title, '', intro, '', t.uses, ...(useLines.length ? useLines.map((l) => `- ${l}`) : [t.noUses]), '', t.provisions, ...(provLines.length ? provLines.map((l) => `- ${l}`) : [t.noProvisions]), '', ...footer].join('\n');
  const list = (lines: string[], none: string) => (lines.length ? `<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : `<p>${escapeHtml(none)}</p>`);
  const html = `<section lang="${lang}" class="usage-history"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(intro)}</p><h2>${escapeHtml(t.uses)}</h2>${list(useLines, t.noUses)}<h2>${escapeHtml(t.provisions)}</h2>${list(provLines, t.noProvisions)}${footer.map((f) => `<p>${escapeHtml(f)}</p>`).join('')}</section>`;
  return { year: input.year, language: lang, period: { from: from.toISOString(), to: to.toISOString() }, uses, provisions, law: ['PIPA-20-1'], text, html };
}
