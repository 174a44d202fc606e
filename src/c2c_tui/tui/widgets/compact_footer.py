"""Textual's compact footer (``Footer(compact=True)``), whose keys are made compact before they are mounted.

Textual's footer makes each key compact after it is mounted (a watcher on the key's bound ``compact``
adds the ``-compact`` class), and each of those restyles the key: about 30 restyles in a row while the
first frame is drawn. Here every key already has the class when it is composed, so the watcher changes
nothing. The keys, their classes and the look are Textual's own (the snapshots are unchanged).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class CompactFooter(Footer):
    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, compact=True)

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.add_class("-compact", update=False)
            yield widget
