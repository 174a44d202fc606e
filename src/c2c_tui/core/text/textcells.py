"""User text in a plain-text terminal table: one line, no control characters, measured in terminal cells."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .neutral import shown

ELLIPSIS = "…"


LINE_BREAK = " ⏎ "  # a line break, shown inside one line


def breaks_shown(text: str) -> str:
    """A multi-line text as one line, its line breaks shown as " ⏎ " (a table row, an input)."""
    return LINE_BREAK.join(text.splitlines()) if ("\n" in text or "\r" in text) else text


def plain(text: str) -> str:
    """One line: line breaks, tabs and other whitespace runs become one space; then ``neutral.shown``, so
    control characters (escape sequences included) and bidi overrides are visible and inert: printed user
    text never drives the terminal."""
    return shown(" ".join(text.split()))


def char_width(char: str) -> int:
    if unicodedata.combining(char) or char in "\u200d\ufe0f":
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


_known_width = lru_cache(maxsize=8192)(char_width)  # the same answers, each character looked up once


def cell_width(text: str) -> int:
    """How many terminal columns ``text`` takes (wide CJK and emoji count two, combining marks none).

    ASCII text (most of a table) takes one column a character: no per-character look-up."""
    if text.isascii():
        return len(text)
    return sum(map(_known_width, text))


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns, ending in "…" when something was cut."""
    if cell_width(text) <= width:
        return text
    if width <= 0:
        return ""
    if text.isascii():
        return text[: width - 1].rstrip() + ELLIPSIS
    out, used = [], 0
    for char in text:
        w = _known_width(char)
        if used + w > width - 1:
            break
        out.append(char)
        used += w
    return "".join(out).rstrip() + ELLIPSIS
