// The copy and portability archive (GDPR 15(3), 20; PIPL 45): JSON and CSV in a zip with a README in the person's language.
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { AccessAnswer } from './rights.answer.ts';
import { exportReadme } from './rights.texts.ts';

/** One CSV field, quoted when needed; a leading formula character is neutralised so spreadsheets do not run it. */
export function csvField(v: unknown): string {
  let s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows of objects as CSV with a header of every key seen. */
export function toCsv(rows: Record<string, unknown>[]): string {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const lines = [keys.map(csvField).join(',')];
  for (const r of rows) lines.push(keys.map((k) => csvField(r[k])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

const safeName = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100) || 'source';

/** Builds the archive: README, data.json, data.csv, processing.json and connected/ sources. */
export function buildExportZip(answer: AccessAnswer, lang: string, organization: string, at: Date): Uint8Array {
  const { connected, ...rest } = answer;
  const json = (v: unknown) => strToU8(`${JSON.stringify(v, null, 2)}\n`);
  const files: Zippable = {
    'README.md': strToU8(exportReadme(lang, organization, at.toISOString())),
    'data.json': json({ generatedAt: at.toISOString(), subject: rest.subject, processed: rest.processed, data: rest.data, connected }),
    'data.csv': strToU8(toCsv(answer.data.map((d) => ({ category: d.category, label: d.label, value: d.value, retentionClass: d.retentionClass, collectedAt: d.collectedAt })))),
    'processing.json': json({ purposes: answer.purposes, sources: answer.sources, recipients: answer.recipients, declaredRecipients: answer.declaredRecipients, rights: answer.rights, complaint: answer.complaint, accessReport: answer.accessReport }),
  };
  for (const [name, rows] of Object.entries(connected)) {
    files[`connected/${safeName(name)}.json`] = json(rows);
    if (rows.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) files[`connected/${safeName(name)}.csv`] = strToU8(toCsv(rows as Record<string, unknown>[]));
  }
  // level 1: the archive is built while the person waits; deflate beyond it costs far more time than it saves bytes
  return zipSync(files, { level: 1, mtime: at });
}
