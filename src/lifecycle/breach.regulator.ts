// Drafts the report to the regulator of one regime (CAC, PIPC or KISA, the EU supervisory authority) with its deadline.
import { breachDeadlines, type BreachClock } from '../law/index.ts';
import type { Language, Regime, Registry } from '../registry/index.ts';
import type { Incident } from './breach.model.ts';
import { classifyBreachSeverity, incidentCategories, type BreachSeverity } from './breach.severity.ts';
import { breachText, contactLines, defaultOffset, harmKinds, officerLines } from './breach.text.ts';
import type { ReportFields } from './breach/messages/breach.messages.model.ts';

/** Language of the report, when the report is late (for GDPR 33(1) reasons), people's languages and the UTC offset for times. */
export interface RegulatorOptions {
  lang?: Language;
  now?: Date | string;
  languages?: Language[];
  utcOffsetMinutes?: number;
}

/** A drafted report to one regulator; `due` is the earliest required regulator clock, null when none applies. */
export interface RegulatorReport {
  regime: Regime;
  lang: Language;
  authority: string;
  required: boolean;
  immediate: boolean;
  due: string | null;
  rule: string | null;
  clocks: BreachClock[];
  severity: BreachSeverity;
  title: string;
  fields: { key: keyof ReportFields; label: string; value: string }[];
  text: string;
  placeholders: string[];
}

const REPORT_LANG: Record<Regime, Language> = { pipl: 'zh-Hans', pipa: 'ko', gdpr: 'en' };

/** The clocks of one regime for an incident, as `breachDeadlines` in the law pillar computes them. */
export function incidentClocks(incident: Incident, regime: Regime, severity: BreachSeverity): BreachClock[] {
  return breachDeadlines({
    awareAt: incident.discoveredAt, regimes: [regime], affected: incident.affectedCount, sensitive: severity.sensitive, uniqueId: severity.uniqueIds,
    vector: incident.vector, highRisk: severity.severity === 'high' || severity.severity === 'critical', recovered: incident.recovered,
    harmAvoided: incident.harmAvoided, grade: incident.grade, ciio: incident.ciio,
  });
}

/** Drafts the report to the regulator of `regime`, with the deadline from the law pillar's breach clocks. */
export function draftRegulatorReport(registry: Registry, incident: Incident, regime: Regime, options: RegulatorOptions = {}): RegulatorReport {
  const lang = options.lang ?? REPORT_LANG[regime];
  const t = breachText(registry, lang, options.utcOffsetMinutes ?? defaultOffset([regime]));
  const { m } = t;
  const r = m.report;
  const severity = classifyBreachSeverity(registry, incident);
  const clocks = incidentClocks(incident, regime, severity);
  const duties = clocks.filter((c) => c.audience === 'regulator' && c.required).sort((a, b) => (a.due ?? '9').localeCompare(b.due ?? '9'));
  const first = duties[0];
  const individuals = clocks.find((c) => c.audience === 'individuals');
  const cats = incidentCategories(registry, incident);
  const names = new Intl.DisplayNames([lang], { type: 'language' });
  const peopleLangs = (options.languages ?? registry.organization.languages).map((l) => names.of(l) ?? l).join(m.listSeparator);
  const due = first ? (first.immediate ? `${r.immediately}${m.listSeparator}${t.at(first.due!)}` : first.due ? t.at(first.due) : r.noHourLimit) : r.notRequired;
  const late = first?.due && options.now !== undefined && new Date(options.now).getTime() > Date.parse(first.due);
  const officer = officerLines(t, registry);
  const rows: [keyof ReportFields, string][] = [
    ['reporter', t.org],
    ['incident', incident.id],
    ['title', t.text(incident.title)],
    ['nature', t.text(incident.description)],
    ['categories', cats.map((c) => t.text(c.labels)).join(m.listSeparator)],
    ['sensitive', severity.sensitive || severity.uniqueIds ? r.yes : r.no],
    ['affected', r.count(incident.affectedCount)],
    ...(incident.records !== undefined ? [['records', incident.records.toLocaleString(lang)] as [keyof ReportFields, string]] : []),
    ['started', t.at(incident.startedAt)],
    ['discovered', t.at(incident.discoveredAt)],
    ['cause', m.vectors[incident.vector]],
    ['harm', harmKinds(cats).map((h) => m.harms[h]).join(m.sentenceGap)],
    ['measures', t.text(incident.measures)],
    ['advice', [...harmKinds(cats).map((h) => m.advice[h]), t.text(incident.advice)].filter(Boolean).join(m.sentenceGap)],
    ['individuals', individuals && !individuals.required && regime === 'pipl' ? r.individualsSkipped : r.individualsPlan(peopleLangs)],
    ['contact', contactLines(t, incident.contact).join(m.listSeparator)],
    ...(officer.length > 0 ? [['dpo', officer.join(m.listSeparator)] as [keyof ReportFields, string]] : []),
    ['severity', r.severities[severity.severity]],
    ['due', due],
    // GDPR 33(1): a report after 72 hours gives the reasons for the delay.
    ...(late ? [['delay', '{{delayReason}}'] as [keyof ReportFields, string]] : []),
    ['followUp', r.followUp],
  ];
  const fields = rows.map(([key, value]) => ({ key, label: r.fields[key], value }));
  const authority = r.authorities[regime];
  const title = r.title;
  return {
    regime, lang, authority, required: duties.length > 0, immediate: first?.immediate ?? false, due: first?.due ?? null, rule: first?.rule ?? null,
    clocks, severity, title, fields, text: [title, authority, '', ...fields.map((f) => `${f.label}${m.labelSeparator}${f.value}`)].join('\n'),
    placeholders: late ? ['delayReason'] : [],
  };
}
