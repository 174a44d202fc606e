"""Putting text people typed into markdown, safely.

Whatever a user typed (``|``, ``#``, ``[x](y)``, ``<b>``, a code fence, a newline, ``1.``), it must come out
as the same literal text: it may never start a heading, list, quote, code block, HTML block or table, nor
make a link, emphasis or raw HTML. Two rules do it:

* inline specials are backslash-escaped everywhere: ``\\ ` * _ [ ] < > | ~ & $`` (``&`` so that entities
  stay literal, ``$`` because some renderers do maths);
* every line is stripped, control characters and bidi overrides are shown inert (``neutral.shown``), and a character that could open a block at the start of a line (``# > - + = :``
  or the ``.``/``)`` after a number) is escaped there too.

Line breaks are replaced by a separator chosen by the caller: a hard break in a list item, `` / `` in a
table cell, a space in a heading. Blank lines inside an item are dropped (they would end it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .neutral import BIDI, CHANGED, shown

_SPECIAL = frozenset("\\`*_[]<>|~&$")
_LINE_START = frozenset("#>-+=:")
_ORDERED = re.compile(r"(\d+)([.)])")
# one pass of str.translate: specials get a backslash; control characters but tab, and bidi overrides, become
# what ``neutral.shown`` makes of them (the one neutralising table)
_ESCAPES: dict[int, str] = {ord(char): "\\" + char for char in _SPECIAL}
_ESCAPES.update({code: shown(chr(code)) for code in sorted(CHANGED) if code != 0x09})
_HASHES = {**_ESCAPES, ord("#"): "\\#"}
_NEEDS = re.compile("[" + re.escape("".join(_SPECIAL)) + "\x00-\x08\x0a-\x1f\x7f-\x9f" + BIDI + "]")
_NEEDS_HASH = re.compile("[#" + re.escape("".join(_SPECIAL)) + "\x00-\x08\x0a-\x1f\x7f-\x9f" + BIDI + "]")
_BREAKS = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")  # where str.splitlines splits


def escape_line(line: str, *, hashes: bool = False) -> str:
    """One line of user text as literal markdown; ``hashes`` escapes every ``#`` (for headings).

    Control characters (escape sequences, NUL...) and bidi overrides are shown inert (``neutral.shown``), so
    a summary printed in a terminal never drives it; tabs stay.
    """
    escaped = line.strip()
    if (_NEEDS_HASH if hashes else _NEEDS).search(escaped):
        escaped = escaped.translate(_HASHES if hashes else _ESCAPES)
    if escaped[:1] in _LINE_START:
        return "\\" + escaped
    match = _ORDERED.match(escaped)
    if match:
        return match.group(1) + "\\" + escaped[match.end(1) :]
    return escaped


def lines(text: str) -> list[str]:
    """The non-blank lines of ``text``, stripped (any Unicode line break counts)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def inline(text: str, *, sep: str = " ", hashes: bool = False) -> str:
    """User text for one inline place; its line breaks become ``sep``."""
    if _BREAKS.search(text) is None:  # one line: the usual case
        return escape_line(text, hashes=hashes) if text.strip() else ""
    return sep.join(escape_line(line, hashes=hashes) for line in lines(text))


def hard_break(indent: int) -> str:
    """A CommonMark hard line break that continues a paragraph indented by ``indent`` spaces."""
    return "\\\n" + " " * indent


def cell(text: str) -> str:
    """User text for a table cell: one line, ``|`` escaped, line breaks shown as `` / ``."""
    return inline(text, sep=" / ")


def heading(level: int, text: str) -> str:
    """A heading whose text is user text (or ours): never more than one heading, never empty."""
    body = inline(text, hashes=True) or "(untitled)"
    return "#" * level + " " + body


def item(text: str, *, indent: int = 0, suffix: str = "") -> str:
    """A bullet list item (``-``) holding user text; ``suffix`` is markdown already made safe."""
    pad = " " * indent
    return f"{pad}- {inline(text, sep=hard_break(indent + 2))}{suffix}"


def paragraphs(text: str) -> str:
    """Block user text (a purpose, a challenge): paragraphs kept, single line breaks kept as hard breaks."""
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    out = [inline(block, sep=hard_break(0)) for block in blocks]
    return "\n\n".join(p for p in out if p)


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], *, right: Sequence[int] = ()) -> str:
    """A GFM table. Cells must already be safe (see ``cell``); ``right`` lists right-aligned columns."""
    width = len(headers)
    rule = ["---:" if i in right else "---" for i in range(width)]
    out = ["| " + " | ".join(headers) + " |", "| " + " | ".join(rule) + " |"]
    for row in rows:
        if len(row) != width:
            raise ValueError(f"a row has {len(row)} cells, the table {width}")
        out.append("| " + " | ".join(c if c else " " for c in row) + " |")
    return "\n".join(out)
