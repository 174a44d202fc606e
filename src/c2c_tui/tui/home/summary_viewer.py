"""A session's summary in Textual's Markdown viewer.

The markdown comes from ``core.summary.render_markdown``, which escapes everything users typed, so their
text shows literally. Links never navigate (the stock viewer would load a file named by the link): an
in-page anchor scrolls, anything else only says where it points.
"""

from __future__ import annotations

from textual.widgets import Markdown, MarkdownViewer

from c2c_tui.core.text.neutral import shown


class SummaryViewer(MarkdownViewer):
    DEFAULT_CSS = """
    SummaryViewer { height: 1fr; }
    SummaryViewer > MarkdownTableOfContents { max-width: 45%; }
    """

    def __init__(self, markdown: str = "", *, id: str | None = None) -> None:
        super().__init__(markdown, show_table_of_contents=False, open_links=False, id=id)

    async def _on_markdown_link_clicked(self, message: Markdown.LinkClicked) -> None:
        message.stop()
        if message.href.startswith("#"):
            self.document.goto_anchor(message.href[1:])
        else:
            self.notify(shown(f"Link: {message.href}"), markup=False)

    async def show(self, markdown: str) -> None:
        await self.document.update(markdown)
