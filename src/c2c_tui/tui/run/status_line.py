"""One line at the bottom: the workshop title, whether everything is saved, the bell.

When saving fails the line turns into a banner (``-error``) that stays until a save works again.
All user text (the title, error messages naming paths) is shown literally.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

from c2c_tui.core.text.neutral import shown


class StatusLine(Widget):
    DEFAULT_CSS = """
    StatusLine { height: 1; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.title = ""
        self.saved = ""
        self.problem = ""
        self.bell = True

    def show(self, *, title: str, saved: str, problem: str, bell: bool) -> None:
        if (title, saved, problem, bell) == (self.title, self.saved, self.problem, self.bell):
            return
        self.title, self.saved, self.problem, self.bell = title, saved, problem, bell
        self.set_class(bool(problem), "-error")
        self.refresh()

    def render(self) -> Text:
        width = self.content_size.width
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        if self.problem:
            line.append(" NOT SAVED ", style="bold reverse")
            line.append(" " + shown(self.problem), style="bold")
            return line
        right = f"{self.saved} · bell {'on' if self.bell else 'OFF'}"
        title = Text(shown(self.title), style="bold", no_wrap=True)
        title.truncate(max(width - cell_len(right) - 3, 1), overflow="ellipsis")
        line.append_text(title)
        line.append(" " * max(width - title.cell_len - cell_len(right), 1))
        line.append(right)
        return line
