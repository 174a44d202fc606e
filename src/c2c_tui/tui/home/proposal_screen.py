"""p on the home screen: the highlighted session's proposal for the approvers, read-only, in the summary
viewer (``core.summary.proposal``: the same markdown as ``c2c proposal``). Escape goes back.

The screen is handed the markdown and the file it came from; it reads nothing itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static

from c2c_tui.core.text.neutral import shown
from c2c_tui.tui.home.summary_viewer import SummaryViewer


class ProposalScreen(Screen[None]):
    DEFAULT_CSS = """
    ProposalScreen #proposal-heading {
        height: 1; padding: 0 1; background: $panel; text-style: bold; text-wrap: nowrap; text-overflow: ellipsis;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "back", "Back")]

    def __init__(self, path: Path, markdown: str) -> None:
        super().__init__()
        self.path = path
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        heading = f"Proposal for the approvers · {self.path.name}"
        yield Static(Text(shown(heading), no_wrap=True, overflow="ellipsis"), id="proposal-heading")
        yield SummaryViewer(id="proposal")
        yield Footer()

    async def on_mount(self) -> None:
        viewer = self.query_one(SummaryViewer)
        await viewer.show(self.markdown)
        viewer.focus()

    def action_back(self) -> None:
        self.dismiss()
