// Prints a notice document as one self-contained, accessible HTML page with escaped registry text.
import type { Block, Inline, NoticeDocument, Rich } from './notice.model.ts';
import { NOTICE_CSS } from './notice.style.ts';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]);
}

// Registry links are limited to schemes that cannot run script.
const SAFE_HREF = /^(https?:\/\/|mailto:|tel:)/i;

function inline(t: Inline): string {
  if (typeof t === 'string') return escapeHtml(t);
  let out = escapeHtml(t.text);
  if (t.href && SAFE_HREF.test(t.href)) out = `<a href="${escapeHtml(t.href)}">${out}</a>`;
  if (t.strong) out = `<strong>${out}</strong>`;
  if (t.lang) out = `<span lang="${t.lang}">${out}</span>`;
  return out;
}

const rich = (r: Rich) => r.map(inline).join('');

function block(b: Block, ids: { next: number }): string {
  switch (b.kind) {
    case 'p':
      return b.note ? `<p class="note">${rich(b.text)}</p>` : `<p>${rich(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${rich(i)}</li>`).join('')}</ul>`;
    case 'h3':
      return `<h3>${rich(b.text)}</h3>`;
    case 'record': {
      const rows = b.rows.map((r) => `<tr><th scope="row">${escapeHtml(r.label)}</th><td>${rich(r.value)}</td></tr>`).join('');
      return `<table class="record"><caption>${rich(b.caption)}</caption><tbody>${rows}</tbody></table>`;
    }
    case 'grid': {
      const id = `t${++ids.next}`;
      const head = b.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
      const rows = b.rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${rich(c)}</th>` : `<td>${rich(c)}</td>`)).join('')}</tr>`).join('');
      // A focusable, labelled region lets keyboard users scroll a wide table on a narrow screen.
      return `<div class="scroll" role="region" tabindex="0" aria-labelledby="${id}"><table class="grid"><caption id="${id}"${b.captionHidden ? ' class="vh"' : ''}>${escapeHtml(b.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
    }
  }
}

/** Prints the notice as a complete HTML document. */
export function writeHtml(doc: NoticeDocument): string {
  const ids = { next: 0 };
  const toc = doc.sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`).join('');
  const sections = doc.sections
    .map((s, i) => `<section id="${s.id}" aria-labelledby="${s.id}-h"><h2 id="${s.id}-h"><span class="num">${i + 1}.</span> ${escapeHtml(s.title)}</h2>\n${s.blocks.map((b) => block(b, ids)).join('\n')}\n</section>`)
    .join('\n');
  const meta = doc.meta.map((m) => `<div><dt>${escapeHtml(m.label)}</dt><dd>${escapeHtml(m.value)}</dd></div>`).join('');
  const controller = rich(doc.controller);
  return `<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)} · ${escapeHtml(doc.controller.map((t) => (typeof t === 'string' ? t : t.text)).join(''))}</title>
<style>${NOTICE_CSS}</style>
</head>
<body>
<a class="skip" href="#main">${escapeHtml(doc.skipLink)}</a>
<header class="masthead"><div class="wrap">
<p class="org">${controller}</p>
<h1>${escapeHtml(doc.title)}</h1>
<dl class="meta">${meta}</dl>
<p class="lead">${rich(doc.intro)}</p>
</div></header>
<div class="wrap">
<nav class="toc" aria-labelledby="toc-h"><h2 id="toc-h">${escapeHtml(doc.contentsLabel)}</h2><ol>${toc}</ol></nav>
<main id="main" tabindex="-1">
${sections}
</main>
<footer><p>${controller} · ${meta.length > 0 ? doc.meta.map((m) => `${escapeHtml(m.label)} ${escapeHtml(m.value)}`).join(' · ') : ''}</p></footer>
</div>
</body>
</html>
`;
}
