// Drafts of breach notices to people per language and channel, with the items PIPL 57, PIPA 34 and GDPR 34 require.
import type { Language, Regime, Registry } from '../registry/index.ts';
import { BREACH_CHANNELS, type BreachChannel, type BreachDraft, type Incident } from './breach.model.ts';
import { incidentCategories } from './breach.severity.ts';
import { breachText, contactLines, defaultOffset, harmKinds, officerLines, type BreachText } from './breach.text.ts';

/** Which languages and channels to draft, and the UTC offset for times (default: Korea, Beijing or UTC by regime). */
export interface DraftOptions {
  languages?: Language[];
  channels?: BreachChannel[];
  utcOffsetMinutes?: number;
}

const RULES: Record<Regime, string> = { pipl: 'PIPL-57-1', pipa: 'PIPA-34-1', gdpr: 'GDPR-34-1' };
const PUSH_ITEMS = 3;

interface Content {
  t: BreachText;
  items: string[];
  when: string;
  cause: string;
  description: string;
  harms: string[];
  measures: string;
  advice: string[];
  help: string[];
  officer: string[];
  report: string[];
  remedies: string[];
}

function content(registry: Registry, incident: Incident, lang: Language, offset: number): Content {
  const t = breachText(registry, lang, offset);
  const { m } = t;
  const cats = incidentCategories(registry, incident);
  const harms = harmKinds(cats);
  const authority = registry.organization.supervisoryAuthority ? t.text(registry.organization.supervisoryAuthority) : undefined;
  const extra = t.text(incident.advice);
  return {
    t,
    items: cats.map((c) => t.text(c.labels)),
    when: m.when(t.at(incident.startedAt), t.at(incident.discoveredAt)),
    cause: m.cause(m.vectors[incident.vector]),
    description: t.text(incident.description),
    harms: harms.map((h) => m.harms[h]),
    measures: t.text(incident.measures),
    advice: [...harms.map((h) => m.advice[h]), ...(extra ? [extra] : [])],
    help: contactLines(t, incident.contact),
    officer: officerLines(t, registry),
    // PIPA 34(1) 5: where to report damage; PIPL 65 complaints; GDPR 77 complaint to a supervisory authority.
    report: incident.regimes.map((r) => (r === 'gdpr' ? m.reportTo.gdpr(authority) : m.reportTo[r])),
    remedies: incident.regimes.map((r) => m.remedies[r]),
  };
}

function sections(c: Content): string[] {
  const { m } = c.t;
  const h = (title: string, lines: string[]) => (lines.length > 0 ? [`${m.headingMark}${title}\n${lines.join('\n')}`] : []);
  const bullets = (lines: string[]) => lines.map((l) => `- ${l}`);
  return [
    ...h(m.headings.items, [c.items.join(m.listSeparator)]),
    ...h(m.headings.when, [c.when, c.cause, c.description].filter(Boolean)),
    ...h(m.headings.harm, bullets(c.harms)),
    ...h(m.headings.measures, [c.measures]),
    ...h(m.headings.advice, bullets(c.advice)),
    ...h(m.headings.help, c.help),
    ...h(m.headings.dpo, c.officer),
    ...h(m.headings.report, bullets(c.report)),
    ...h(m.headings.remedies, bullets(c.remedies)),
  ];
}

function draft(c: Content, incident: Incident, channel: BreachChannel, rules: string[]): BreachDraft {
  const { t } = c;
  const { m } = t;
  const possible = incident.possible === true;
  const title = t.text(incident.title);
  const subject = (possible ? m.subjectPossible : m.subject)(t.org, title);
  const opening = (possible ? m.openingPossible : m.opening)(t.org);
  const tail = [m.followUp, m.closing].join(m.sentenceGap);
  const base = { lang: t.lang, channel, rules };
  switch (channel) {
    case 'email':
      return { ...base, subject, body: [m.greeting, opening, ...sections(c), tail, t.org].join('\n\n'), placeholders: ['name'] };
    case 'letter':
      return { ...base, subject, body: [m.letterHead, subject, m.greeting, opening, ...sections(c), tail, t.org].join('\n\n'), placeholders: ['name', 'postalAddress', 'date'] };
    case 'phone': {
      const p = m.phone;
      const callback = (c.help.length > 0 ? c.help : c.officer).join(m.listSeparator);
      const lines = [p.intro(t.org), p.noSecrets, p.items(c.items.join(m.listSeparator)), [c.when, c.cause].join(m.sentenceGap), p.measures, c.measures, p.advice, ...c.advice, p.callback(callback), p.end];
      return { ...base, body: lines.join('\n'), placeholders: ['name'] };
    }
    case 'push': {
      const shown = c.items.slice(0, PUSH_ITEMS).join(m.listSeparator) + (c.items.length > PUSH_ITEMS ? m.more(PUSH_ITEMS, c.items.length) : '');
      return { ...base, subject: m.push.title(t.org), body: (possible ? m.push.bodyPossible : m.push.body)(shown), placeholders: [] };
    }
  }
}

/** Drafts the notices to people for every language and channel; values stay out, `{{name}}`-style placeholders are filled per person. */
export function draftBreachNotices(registry: Registry, incident: Incident, options: DraftOptions = {}): BreachDraft[] {
  const languages = options.languages ?? registry.organization.languages;
  const channels = options.channels ?? [...BREACH_CHANNELS];
  const offset = options.utcOffsetMinutes ?? defaultOffset(incident.regimes);
  const rules = [...new Set(incident.regimes)].map((r) => RULES[r]);
  return [...new Set(languages)].flatMap((lang) => {
    const c = content(registry, incident, lang, offset);
    return channels.map((channel) => draft(c, incident, channel, rules));
  });
}
