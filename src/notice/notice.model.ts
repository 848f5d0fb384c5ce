// A format-neutral notice document: sections build it, the HTML and Markdown writers print it.
import type { Language } from '../registry/index.ts';

/** A run of text; `lang` is set when registry text falls back to another language; `href` for links, `strong` for emphasis. */
export type Inline = string | { text: string; lang?: Language; href?: string; strong?: boolean };

/** Rich text: a sequence of runs. */
export type Rich = Inline[];

/** One block of a section. */
export type Block =
  | { kind: 'p'; text: Rich; note?: boolean }
  | { kind: 'list'; items: Rich[] }
  | { kind: 'h3'; text: Rich }
  /** A record shown as a two-column table: a header cell per row. */
  | { kind: 'record'; caption: Rich; rows: { label: string; value: Rich }[] }
  /** A grid with column headers; the first cell of each row heads the row; a caption repeating the heading above is hidden. */
  | { kind: 'grid'; caption: string; columns: string[]; rows: Rich[][]; captionHidden?: boolean };

/** One numbered section of the notice. */
export interface NoticeSection {
  id: string;
  title: string;
  blocks: Block[];
}

/** The whole notice, ready to print in any format. */
export interface NoticeDocument {
  lang: Language;
  title: string;
  controller: Rich;
  meta: { label: string; value: string }[];
  intro: Rich;
  contentsLabel: string;
  skipLink: string;
  /** Between a field name and its value in plain-text forms. */
  labelSeparator: string;
  sections: NoticeSection[];
}

/** Output formats of a rendered notice. */
export type NoticeFormat = 'html' | 'md';

/** Joins rich parts with a separator. */
export function joinRich(parts: Rich[], sep: string): Rich {
  const out: Rich = [];
  parts.forEach((p, i) => {
    if (i > 0) out.push(sep);
    out.push(...p);
  });
  return out;
}

/** Plain text of rich text, for captions and titles. */
export function plain(text: Rich): string {
  return text.map((t) => (typeof t === 'string' ? t : t.text)).join('');
}
