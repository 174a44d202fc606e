"""Quick capture: the one-line grammar (``line``), the edits it turns into (``ops``) and the editor with
undo (``editor``). The front re-exports the parser's names (``from c2c_tui.core.capture import parse``).
"""

from .line import KIND_PREFIXES, PREFIX_KINDS, Capture, CaptureError, kind_for, on_turn, parse, split_prefix

__all__ = [
    "KIND_PREFIXES",
    "PREFIX_KINDS",
    "Capture",
    "CaptureError",
    "kind_for",
    "on_turn",
    "parse",
    "split_prefix",
]
