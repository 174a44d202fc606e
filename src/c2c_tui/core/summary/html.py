"""The summary as one complete HTML5 page, readable on screen and on paper.

The markdown is rendered with markdown-it-py's ``js-default`` preset: tables and strikethrough on, raw HTML
off (``html=False``), so a ``<script>`` typed in a note arrives as ``&lt;script&gt;``. (The ``commonmark``
and ``gfm-like`` presets pass raw HTML through; they are not used here.)
"""

from __future__ import annotations

import html

from ..text.neutral import shown

CSS = """
:root { color-scheme: light; }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: #1f2328; background: #fff; max-width: 54rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 2px solid #d0d7de; }
h3 { font-size: 1.1rem; margin: 1.6rem 0 .4rem; }
p, ul, ol { margin: .5rem 0 .8rem; }
li { margin: .15rem 0; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .95rem; }
th, td { border: 1px solid #d0d7de; padding: .35rem .6rem; vertical-align: top; text-align: left; }
th { background: #f3f5f7; }
tr:nth-child(even) td { background: #fafbfc; }
td[style*="right"], th[style*="right"] { font-variant-numeric: tabular-nums; }
pre { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: .75rem 1rem;
  overflow-x: auto; line-height: 1.3; }
code { font: .9rem/1.3 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
hr { border: 0; border-top: 1px solid #d0d7de; margin: 2rem 0 .5rem; }
em { color: #57606a; }
@page { margin: 18mm 16mm; }
@media print {
  body { font-size: 11pt; max-width: none; margin: 0; padding: 0; color: #000; }
  *, th, td, pre, tr:nth-child(even) td { background: none !important; box-shadow: none !important; }
  em { color: #000; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  table, pre, li { break-inside: avoid; page-break-inside: avoid; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  pre { white-space: pre-wrap; border-color: #999; }
  th, td { border-color: #999; }
}
"""


def markdown_to_html(markdown: str) -> str:
    """The HTML fragment for summary markdown; raw HTML in the markdown is escaped, never passed."""
    from markdown_it import MarkdownIt  # here, not at import: every save writes markdown, few write HTML

    return MarkdownIt("js-default", {"html": False}).render(markdown)


def html_page(title: str, markdown: str) -> str:
    """A complete HTML5 page around the rendered markdown; control characters and bidi overrides in it
    (the title is user text) are shown inert (``neutral.shown``), as in the markdown."""
    return shown(
        (
            "<!doctype html>\n"
            '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="generator" content="c2c">\n'
            f"<title>{html.escape(title)}</title>\n"
            f"<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
            f"{markdown_to_html(markdown)}</main>\n</body>\n</html>\n"
        ),
        lines=True,
    )
