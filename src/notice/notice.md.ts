// Prints a notice document as Markdown: records as lists, grids as tables, registry text escaped.
import type { Block, Inline, NoticeDocument, Rich } from './notice.model.ts';

/** Escapes text so Markdown shows it literally (no emphasis, links, HTML or table breaks). */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\\`*_{}[\]<>|#~&]/g, '\\$&').replace(/\r?\n/g, ' ');
}

// Text at the start of a line must not read as a list marker ("1. ", "- ").
const guardStart = (s: string) => s.replace(/^([-+]|\d+[.)])(?=\s|$)/, (m) => `${m.slice(0, -1)}\\${m.slice(-1)}`);

const SAFE_HREF = /^(https?:\/\/|mailto:|tel:)/i;

function inline(t: Inline): string {
  if (typeof t === 'string') return escapeMarkdown(t);
  let out = escapeMarkdown(t.text);
  if (t.href && SAFE_HREF.test(t.href)) out = `[${out}](${t.href.replace(/[\s()<>|]/g, (c) => encodeURIComponent(c))})`;
  if (t.strong) out = `**${out}**`;
  return out;
}

const rich = (r: Rich) => r.map(inline).join('');
const cell = (r: Rich) => rich(r) || ' ';

function block(b: Block, sep: string): string {
  switch (b.kind) {
    case 'p':
      return b.note ? `_${rich(b.text)}_` : guardStart(rich(b.text));
    case 'list':
      return b.items.map((i) => `- ${guardStart(rich(i))}`).join('\n');
    case 'h3':
      return `### ${rich(b.text)}`;
    case 'record':
      return `**${rich(b.caption)}**\n\n${b.rows.map((r) => `- **${escapeMarkdown(r.label)}**${sep}${rich(r.value)}`).join('\n')}`;
    case 'grid': {
      const head = `| ${b.columns.map(escapeMarkdown).join(' | ')} |`;
      const rule = `|${b.columns.map(() => ' --- ').join('|')}|`;
      return [head, rule, ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
    }
  }
}

/** Prints the notice as a Markdown document. */
export function writeMarkdown(doc: NoticeDocument): string {
  const out: string[] = [
    `# ${escapeMarkdown(doc.title)}`,
    `**${rich(doc.controller)}**`,
    doc.meta.map((m) => `${escapeMarkdown(m.label)}${doc.labelSeparator}${escapeMarkdown(m.value)}`).join('  \n'),
    rich(doc.intro),
    `## ${escapeMarkdown(doc.contentsLabel)}`,
    doc.sections.map((s, i) => `${i + 1}. ${escapeMarkdown(s.title)}`).join('\n'),
  ];
  doc.sections.forEach((s, i) => {
    out.push(`## ${i + 1}. ${escapeMarkdown(s.title)}`);
    for (const b of s.blocks) out.push(block(b, doc.labelSeparator));
  });
  return `${out.join('\n\n')}\n`;
}
