// Prints the records of processing and impact assessments as HTML (the notice's page and style) or JSON.
import type { Language, Registry } from '../registry/index.ts';
import { writeHtml } from '../notice/notice.html.ts';
import { buildPia } from './lifecycle.pia.ts';
import { purposesNeedingAssessment } from './lifecycle.pia-triggers.ts';
import { buildRopa } from './lifecycle.ropa.ts';
import { piaDocument } from './report.pia-doc.ts';
import { ropaDocument } from './report.ropa-doc.ts';

/** Output formats of the reports. */
export type ReportFormat = 'html' | 'json';

/** Language and format of a report; English HTML by default. */
export interface ReportOptions {
  lang?: Language;
  format?: ReportFormat;
}

/** Renders the record of processing activities; JSON is the language-neutral record with labels in every language. */
export function renderRopa(registry: Registry, options: ReportOptions = {}): string {
  const ropa = buildRopa(registry);
  if (options.format === 'json') return `${JSON.stringify(ropa, null, 2)}\n`;
  return writeHtml(ropaDocument(registry, ropa, options.lang ?? 'en'));
}

/** Renders the impact assessments of the given purposes, or of every purpose that needs one when none are given. */
export function renderPia(registry: Registry, purposeIds?: string[], options: ReportOptions = {}): string {
  const ids = purposeIds ?? purposesNeedingAssessment(registry).map((n) => n.purpose);
  const pias = ids.map((id) => buildPia(registry, id));
  if (options.format === 'json') return `${JSON.stringify(purposeIds?.length === 1 ? pias[0] : pias, null, 2)}\n`;
  return writeHtml(piaDocument(registry, pias, options.lang ?? 'en'));
}
