"""The screen's last guard against control characters in user text (issue 10 §3, PRODUCT.md Trust).

Widgets show user text through ``core.text.neutral.shown`` (control characters and bidi overrides made visible).
This line filter runs on every painted line of every widget (Textual's ``App.get_line_filters``) and removes
any such character a widget still holds: an Input's value being edited, text a widget did not pass through
``shown``. They take no cell in Textual's measure, so removing them keeps each line's width and layout.
Nearly every segment is plain printable text, and is passed over after one fast check.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from c2c_tui.core.text.neutral import unsafe, unseen


class Unseen(LineFilter):
    """Removes control characters and bidi overrides from the text of painted segments."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any(unsafe(segment.text) for segment in segments):
            return segments
        return [
            Segment(unseen(text), style, control) if unsafe(text) else Segment(text, style, control)
            for text, style, control in segments
        ]


UNSEEN = Unseen()


class NeutralScreen:
    """Mixed into each c2c App (before ``App``): adds ``Unseen`` to its line filters."""

    def get_line_filters(self) -> Sequence[LineFilter]:
        return [*super().get_line_filters(), UNSEEN]  # type: ignore[misc]
