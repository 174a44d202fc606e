"""The summary page's stylesheet: on screen, and on paper at A4 or Letter (whichever the reader's printer has).

On paper (checked in headless Chromium by ``bench/print_pages.py``; the page images are in ``docs/print/``):

* no ``@page`` size: one set of margins fits A4 (210 mm) and Letter (215.9 mm), so the reader's paper wins;
* the digest ("In brief") has the first page to itself and Part 4 (the actions) starts a new page; every
  other section flows on, its headings kept with what follows, and a table that fits on a page is not
  split (so Part 3's heading moves over with the options table rather than ending a page);
* tables keep to the margins: ``table-layout: fixed`` with set column widths for the known tables, and
  long words (a URL, a name with no spaces) wrap anywhere rather than widen the page (Chromium would shrink
  every page to fit it); a row is never split over two pages and the header row repeats on each page;
* dates (``span.date``, put around every ISO date by ``html``) never wrap;
* each page after the first names the workshop and its date at the top and numbers the pages at the bottom
  (``@page`` margin boxes: Chromium 131 and later; other browsers leave them out and print the rest the same).
"""

from __future__ import annotations

TITLE_CHARS = 90  # a longer title is cut in the running header (the first page shows it whole)

SCREEN = """
:root { color-scheme: light; }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: #1f2328; background: #fff; max-width: 54rem; margin: 2rem auto; padding: 0 1.25rem;
  overflow-wrap: anywhere; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 2px solid #d0d7de; }
h3 { font-size: 1.1rem; margin: 1.6rem 0 .4rem; }
p, ul, ol { margin: .5rem 0 .8rem; }
li { margin: .15rem 0; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .95rem; }
th, td { border: 1px solid #d0d7de; padding: .35rem .6rem; vertical-align: top; text-align: left; }
th { background: #f3f5f7; overflow-wrap: normal; }
tr:nth-child(even) td { background: #fafbfc; }
td[style*="right"], th[style*="right"] { font-variant-numeric: tabular-nums; }
pre { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: .75rem 1rem;
  overflow-x: auto; line-height: 1.3; }
code { font: .9rem/1.3 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
hr { border: 0; border-top: 1px solid #d0d7de; margin: 2rem 0 .5rem; }
em { color: #57606a; }
.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
section.digest { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: 0 1.1rem .3rem;
  margin: 1.4rem 0 0; }
section.digest h2 { margin-top: 1rem; border-bottom: 0; }
table.actions, table.options { table-layout: fixed; }
table.actions th:nth-child(2), table.actions th:nth-child(5) { width: 16%; }
table.actions th:nth-child(3) { width: 6.9em; }
table.actions th:nth-child(4) { width: 5.4em; }
table.actions td:nth-child(3), table.actions td:nth-child(4) { white-space: nowrap; }
table.options th:nth-child(1) { width: 2.4em; }
table.options th:nth-child(3) { width: 18%; }
table.options th:nth-child(4) { width: 5.8em; }
table.options th:nth-child(5) { width: 5.2em; }
table.options th:nth-child(6) { width: 4em; }
"""

PRINT = """
@page { margin: 17mm 15mm 15mm; }
@media print {
  body { font-size: 10.5pt; line-height: 1.45; max-width: none; margin: 0; padding: 0; color: #000; }
  *, th, td, pre, tr:nth-child(even) td { background: none !important; box-shadow: none !important; }
  em { color: #000; }
  h1 { font-size: 19pt; }
  h2 { font-size: 14pt; margin: 1.3rem 0 .5rem; }
  h3 { font-size: 11.5pt; margin: 1rem 0 .3rem; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  p:has(+ table) { break-after: avoid; page-break-after: avoid; }  /* a table's lead-in stays with it */
  pre, li, p { break-inside: avoid; page-break-inside: avoid; }
  tr, td, th { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  table { font-size: 9.5pt; width: calc(100% - 2px); }  /* the collapsed outer border sits half outside */
  th, td { border-color: #999; padding: .25rem .45rem; }
  pre { white-space: pre-wrap; border-color: #999; font-size: 8.5pt; }
  section.digest { border: 0; padding: 0; margin: .8rem 0 0; break-after: page; page-break-after: always; }
  section.digest h2 { border-bottom: 2px solid #999; }
  section.digest li { margin: .1rem 0; }
  table { break-inside: avoid; page-break-inside: avoid; }
  section.agree { break-before: page; page-break-before: always; }
  section h2:first-child { margin-top: 0; }
  footer { break-before: avoid; page-break-before: avoid; font-size: 8.5pt; }
  footer hr { margin: .8rem 0 .2rem; }
}
"""


def css_string(text: str) -> str:
    """``text`` as a CSS string literal that nothing can break out of: every character but letters, digits
    and spaces is a hex escape, so ``"``, ``\\``, ``</style>`` and line breaks stay text."""
    out = []
    for char in text:
        out.append(char if char.isascii() and (char.isalnum() or char == " ") else f"\\{ord(char):x} ")
    return '"' + "".join(out) + '"'


def running_head(title: str, when: str) -> str:
    """The ``@page`` rules that put the title and date atop each page after the first, and page numbers."""
    line = " ".join(title.split())
    if len(line) > TITLE_CHARS:
        line = line[: TITLE_CHARS - 1].rstrip() + "…"
    box = "font: 8.5pt system-ui, sans-serif; color: #555; vertical-align: bottom; padding-bottom: 3mm;"
    right = f"@top-right {{ content: {css_string(when)}; {box} white-space: nowrap; }}" if when else ""
    return (
        f"@page {{ @top-left {{ content: {css_string(line)}; {box} }} {right}\n"
        '  @bottom-right { content: "page " counter(page) " of " counter(pages); '
        "font: 8.5pt system-ui, sans-serif; color: #555; } }\n"
        "@page :first { @top-left { content: none; } @top-right { content: none; } }\n"
    )
