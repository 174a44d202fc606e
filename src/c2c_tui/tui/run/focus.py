"""Where focus goes between the capture line and the work area's lists: the container decides.

The capture bar posts ``CaptureBar.ToList`` and the work area ``WorkArea.ToCapture``; the run screen (and
the capture tests' small app) answers them with these two functions.
"""

from __future__ import annotations

from textual.dom import DOMNode

from .capture_bar import CaptureBar
from .work.area import WorkArea


def to_list(root: DOMNode, message: CaptureBar.ToList) -> None:
    """Focus the shown work area's main list; with none, the next focusable widget."""
    message.stop()
    for area in root.query(WorkArea):
        if area.display and area.focus_list():
            return
    root.screen.focus_next()


def to_capture(root: DOMNode, message: WorkArea.ToCapture) -> None:
    """Focus the capture line."""
    message.stop()
    bars = root.query(CaptureBar)
    if bars:
        bars.first().focus_input()
