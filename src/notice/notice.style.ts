// The notice page's stylesheet: readable type per script, accessible contrast, phone layout and print.

const LATIN = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial';

/** CSS embedded in every HTML notice; no external fonts or files. */
export const NOTICE_CSS = `
:root { color-scheme: light; --fg: #1a1d21; --muted: #47505c; --line: #d3d9e0; --band: #f2f5f8; --accent: #0a58a6; --focus: #c75d00; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: var(--fg); font: 1rem/1.7 ${LATIN}, sans-serif; overflow-wrap: break-word; }
:lang(zh-Hans) { font-family: ${LATIN}, "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; }
:lang(zh-Hant) { font-family: ${LATIN}, "PingFang TC", "Noto Sans CJK TC", "Source Han Sans TC", "Microsoft JhengHei", sans-serif; }
:lang(ko) { font-family: ${LATIN}, "Apple SD Gothic Neo", "Noto Sans CJK KR", "Source Han Sans K", "Malgun Gothic", sans-serif; word-break: keep-all; }
:lang(zh-Hans), :lang(zh-Hant) { line-break: strict; }
:lang(en) { font-family: ${LATIN}, sans-serif; }
.wrap { max-width: 50rem; margin: 0 auto; padding: 0 1.25rem; }
.skip { position: absolute; left: 0.5rem; top: -4rem; padding: 0.5rem 1rem; background: var(--accent); color: #fff; border-radius: 0 0 0.375rem 0.375rem; z-index: 10; }
.skip:focus { top: 0; }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
main:focus { outline: none; }
.masthead { background: var(--band); border-bottom: 1px solid var(--line); }
.masthead .org { margin: 0; padding-top: 2.25rem; color: var(--muted); font-weight: 600; }
h1 { font-size: 2.125rem; line-height: 1.25; margin: 0.25rem 0 0.75rem; }
.meta { display: flex; flex-wrap: wrap; gap: 0.25rem 2rem; margin: 0; padding: 0 0 1.25rem; color: var(--muted); }
.meta div { display: flex; gap: 0.5rem; }
.meta dt { font-weight: 600; }
.meta dd { margin: 0; }
.lead { font-size: 1.0625rem; margin: 0; padding: 0 0 1.75rem; max-width: 42rem; }
.toc { margin: 2rem 0 0; padding: 1rem 1.5rem 1.25rem; border: 1px solid var(--line); border-radius: 0.5rem; }
.toc h2 { font-size: 1rem; margin: 0 0 0.5rem; padding: 0; border: 0; }
.toc ol { margin: 0; padding-left: 1.5rem; columns: 2 17rem; column-gap: 2.5rem; }
.toc li { break-inside: avoid; margin: 0; padding: 0.15rem 0; }
h2 { font-size: 1.4rem; line-height: 1.35; margin: 3rem 0 1rem; padding-top: 1.25rem; border-top: 2px solid var(--line); scroll-margin-top: 1rem; }
h2 .num { color: var(--accent); }
h3 { font-size: 1.125rem; margin: 1.75rem 0 0.5rem; }
ul { padding-left: 1.4rem; }
li { margin: 0.3rem 0; }
table { border-collapse: collapse; width: 100%; margin: 0.75rem 0 1.75rem; font-size: 0.9375rem; line-height: 1.6; }
caption { text-align: left; font-weight: 700; font-size: 1rem; padding: 0 0 0.5rem; }
th, td { border: 1px solid var(--line); padding: 0.55rem 0.75rem; text-align: left; vertical-align: top; }
.record th { width: 28%; background: var(--band); font-weight: 600; }
.grid thead th { background: var(--band); white-space: nowrap; }
.grid tbody th { font-weight: 600; min-width: 9rem; }
.scroll { overflow-x: auto; margin: 0.75rem 0 1.75rem; }
.scroll table { margin: 0; }
.note { color: var(--muted); }
.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
footer { margin: 3rem 0 0; padding: 1.25rem 0 2.5rem; border-top: 1px solid var(--line); color: var(--muted); font-size: 0.875rem; }
@media (max-width: 40rem) {
  .wrap { padding: 0 1rem; }
  h1 { font-size: 1.625rem; }
  h2 { font-size: 1.2rem; margin-top: 2.25rem; }
  .masthead .org { padding-top: 1.5rem; }
  .toc { padding: 0.75rem 1rem; }
  /* Label above value: two columns are too narrow for CJK text at phone width. */
  .record, .record caption, .record tbody, .record tr, .record th, .record td { display: block; width: auto; }
  .record tbody { border: 1px solid var(--line); border-radius: 0.375rem; }
  .record tr + tr { border-top: 1px solid var(--line); }
  .record th, .record td { border: 0; }
  .record th { background: none; color: var(--muted); font-size: 0.875rem; padding: 0.5rem 0.75rem 0; }
  .record td { padding: 0.125rem 0.75rem 0.55rem; }
  .grid thead th { white-space: normal; }
}
@media print {
  .skip, .toc { display: none; }
  body { font-size: 10.5pt; line-height: 1.5; color: #000; }
  .wrap { max-width: none; padding: 0; }
  .masthead { background: none; border-bottom: 2px solid #000; }
  a { color: #000; text-decoration: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; }
  h2 { break-after: avoid; margin-top: 1.5rem; border-top-color: #000; }
  h2 .num { color: #000; }
  h3, caption { break-after: avoid; }
  tr, li { break-inside: avoid; }
  th, td { border-color: #777; }
  .record th, .grid thead th { background: none; }
  .scroll { overflow: visible; }
  .grid thead th { white-space: normal; }
}
`;
