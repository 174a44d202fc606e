"""The capture line's text box: an ``Input`` whose Enter and paste act on exactly what was typed.

Textual's ``Input`` runs Enter as a binding once the key has bubbled up to the app, while the input goes
on inserting the keys that followed it: when Enter and the next keys arrive in one read (a fast typist,
ssh, a paste, a clicker macro) those keys end up in the submitted value, and clearing the line then cuts
the next one. Here Enter is handled in the input's own key handler, in the order the keys came: the line
as it is at that key is handed to ``accept`` and, if taken, cleared in the same step; whatever follows
starts the next line.

A paste is inserted literally (an ESC byte included). A paste with line breaks makes every non-empty line
of the capture line an entry, each parsed on its own; a line ``accept`` refuses stays in the line, so
nothing is lost. Control characters are shown as their visible pictures (ESC as U+241B, through the one
neutralising function, ``core.text.neutral.shown``) and kept as typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rich.text import Text
from textual import events
from textual.widgets import Input

from c2c_tui.core.text.neutral import shown

LINE_BREAK = re.compile(r"\r\n|\r|\n")


class CaptureInput(Input):
    """``accept(line)`` adds one line and says whether it was taken (False: the line stays)."""

    def __init__(self, accept: Callable[[str], bool], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._accept = accept

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()  # neither Input's handler nor its "submit" binding runs
            self.submit_line()

    def submit_line(self) -> None:
        """Hand the line as it is now to ``accept``; clear it if taken. Lines kept from a paste go one by one."""
        if LINE_BREAK.search(self.value):
            self.submit_lines()
        elif self._accept(self.value):
            self.value = ""

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()  # not Input's paste, which keeps only the first line
        if not event.text:
            return
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(event.text)
        else:
            self.replace(event.text, *selection)
        if LINE_BREAK.search(self.value):
            self.submit_lines()

    def submit_lines(self) -> None:
        """Every non-empty line of the capture line in turn; the refused ones stay, one per line break."""
        kept = [line for line in LINE_BREAK.split(self.value) if line.strip() and not self._accept(line)]
        self.value = "\n".join(kept)
        self.cursor_position = len(self.value)

    @property
    def _value(self) -> Text:
        text = Text(shown(self.value), no_wrap=True, overflow="ignore", end="")
        return self.highlighter(text) if self.highlighter is not None else text
