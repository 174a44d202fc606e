"""The ASCII fast path of ``cell_width`` and ``fit``: the same output as the per-character path, without it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from c2c_tui.core.text import textcells
from c2c_tui.core.text.textcells import ELLIPSIS, cell_width, char_width, fit


def slow_width(text: str) -> int:
    return sum(char_width(c) for c in text)


def slow_fit(text: str, width: int) -> str:
    if slow_width(text) <= width:
        return text
    if width <= 0:
        return ""
    out, used = [], 0
    for char in text:
        w = char_width(char)
        if used + w > width - 1:
            break
        out.append(char)
        used += w
    return "".join(out).rstrip() + ELLIPSIS


ASCII = st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=60)
ANY = st.text(max_size=40) | st.text(alphabet="abc 界🙂\u0301\u200d\ufe0f\t\x1b", max_size=30)


@given(ASCII | ANY, st.integers(min_value=-2, max_value=70))
def test_same_as_the_per_character_path(text: str, width: int) -> None:
    assert cell_width(text) == slow_width(text)
    assert fit(text, width) == slow_fit(text, width)


def test_ascii_text_is_measured_without_a_per_character_look_up(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(char: str) -> int:
        raise AssertionError(f"per-character look-up for {char!r}")

    monkeypatch.setattr(textcells, "char_width", refuse)
    assert textcells.cell_width("Seville City Council \x1b[31m") == 26
    assert (
        textcells.fit("Draft the cooling-centre plan   with libraries", 31)
        == "Draft the cooling-centre plan…"
    )
    assert textcells.fit("short", 10) == "short"


@given(st.lists(ASCII | ANY, min_size=1, max_size=6), st.integers(min_value=0, max_value=40))
def test_a_table_line_is_each_cell_fitted_and_padded(values: list[str], width: int) -> None:
    """``actions._line`` pads ASCII cells in one step: the same line as ``fit`` and padding each."""
    from c2c_tui.core.followup.actions import _line

    widths = [max(0, width - 3 * i) for i in range(len(values))]
    slow = [
        slow_fit(v, w) + " " * (w - slow_width(slow_fit(v, w))) for v, w in zip(values, widths, strict=True)
    ]
    assert _line(values, widths, 2) == "  ".join(slow).rstrip()
