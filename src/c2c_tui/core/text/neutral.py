"""Neutralising user text before it reaches a human: a terminal, a screen, a browser, a spreadsheet.

Text from a session file (or typed by a user) is stored exactly as typed. Wherever it leaves c2c to be
shown, it goes through ``shown``, so no control sequence in it is ever acted on and no bidi override can
reorder what a reader sees. What is unsafe, and what it becomes (one visible character of width one, so a
table that measured the shown text stays aligned):

* C0 controls U+0000-U+001F -> their Control Pictures U+2400-U+241F (ESC -> "␛", BEL -> "␇", NUL -> "␀");
  newline and tab are kept where the place shows multi-line text (``lines=True``);
* DEL U+007F -> "␡" (U+2421);
* C1 controls U+0080-U+009F (U+009B is a one-character CSI) -> U+FFFD "�";
* bidi embeddings, overrides and isolates U+202A-U+202E, U+2066-U+2069 (the "Trojan Source" set) -> U+FFFD.

Everything else is kept exactly: any script, emoji and ZWJ sequences, combining marks, variation selectors,
the bidi marks LRM/RLM/ALM (ordinary right-to-left text needs them), and markup-like brackets (each place
escapes its own markup: Rich ``Text``, markdown, HTML).

``unseen`` removes the same characters instead (they take no cell in Textual's measure, so removing them
keeps a painted line's width): the screen's last guard, see ``tui/neutral_filter.py``.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

REPLACEMENT = "\ufffd"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

_SHOWN: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
_SHOWN[0x7F] = "\u2421"
_SHOWN.update({code: REPLACEMENT for code in range(0x80, 0xA0)})
_SHOWN.update({ord(char): REPLACEMENT for char in BIDI})
_SHOWN_LINES = {code: value for code, value in _SHOWN.items() if code not in (0x09, 0x0A)}
_UNSEEN: dict[int, None] = dict.fromkeys(_SHOWN)
CHANGED: frozenset[int] = frozenset(_SHOWN)  # the code points ``shown`` changes (for tables built on it)

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f" + BIDI + "]")
_UNSAFE_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + BIDI + "]")


def shown(text: str, *, lines: bool = False) -> str:
    """``text`` safe to show: control characters and bidi overrides made visible and inert (see above).

    ``lines`` keeps newline and tab (a place that shows multi-line text); otherwise they are shown too.
    Text with nothing to change (nearly all of it) is returned as it is, after one fast check.
    """
    if text.isascii() and text.isprintable():
        return text
    if (_UNSAFE_LINES if lines else _UNSAFE).search(text) is None:
        return text
    return text.translate(_SHOWN_LINES if lines else _SHOWN)


def unsafe(text: str) -> bool:
    """Whether ``text`` holds any character ``shown`` would change (newline and tab included)."""
    return not (text.isascii() and text.isprintable()) and _UNSAFE.search(text) is not None


def unseen(text: str) -> str:
    """``text`` with the characters ``shown`` would change removed (newline and tab too)."""
    if text.isascii() and text.isprintable():
        return text
    return text.translate(_UNSEEN) if _UNSAFE.search(text) else text


def csv_cell(text: str) -> str:
    """A spreadsheet cell that cannot be a formula: a leading ``= + - @`` (or a tab / carriage return,
    which some spreadsheets skip before one) gets a ``'`` in front (OWASP's advice), then it is ``shown``
    (line breaks kept: a quoted CSV cell may hold them)."""
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        text = "'" + text
    return shown(text, lines=True)


def json_inert(text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with DEL, C1 controls and bidi overrides
    written as ``\\uXXXX`` escapes: the same JSON value, exact text, but nothing a terminal acts on
    (``json.dumps`` escapes only U+0000-U+001F). These characters can only stand inside JSON strings."""
    if text.isascii() and text.isprintable():
        return text
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match[0]):04x}", text)


_JSON_UNSAFE = re.compile("[\x7f-\x9f" + BIDI + "]")


class ShownStream:
    """A text stream whose every ``write`` is ``shown`` first (newlines and tabs kept): wraps stdout and
    stderr while a command runs, so no line c2c prints can carry a control sequence from user text."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(shown(text, lines=True))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
