"""core.neutral: the one neutralising table for text leaving c2c (issue 10 §3)."""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st

from c2c_tui.core.text.neutral import BIDI, csv_cell, json_inert, shown, unsafe, unseen
from c2c_tui.core.text.textcells import cell_width, plain

UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f" + BIDI + "]")
UNSAFE_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + BIDI + "]")


@given(st.text())
def test_shown_never_holds_a_control_character_or_bidi_override(text: str) -> None:
    out = shown(text)
    assert UNSAFE.search(out) is None
    assert len(out) == len(text)  # one visible character for each
    assert UNSAFE_LINES.search(shown(text, lines=True)) is None
    assert UNSAFE.search(unseen(text)) is None
    assert unsafe(text) == (UNSAFE.search(text) is not None)


@given(st.text(st.characters(blacklist_categories=("Cc",), blacklist_characters=BIDI)))
def test_text_without_controls_passes_unchanged(text: str) -> None:
    assert shown(text) is text or shown(text) == text
    assert unseen(text) == text


def test_what_each_unsafe_character_becomes() -> None:
    assert shown("\x1b]0;PWNED\x07") == "\u241b]0;PWNED\u2407"  # ␛]0;PWNED␇
    assert shown("a\x00b\x7f") == "a\u2400b\u2421"
    assert shown("\x9b31m\u202eevil\u2069") == "\ufffd31m\ufffdevil\ufffd"
    assert shown("two\nlines\tand a tab", lines=True) == "two\nlines\tand a tab"
    assert shown("two\nlines") == "two\u240alines"
    assert cell_width(shown("\x1b[2J")) == 4  # each shown character takes one cell


def test_every_script_emoji_and_markup_stay_exactly() -> None:
    for text in (
        "Sevilla: ¿qué? 東京 مرحبا עברית",
        "👩\u200d💻 👍🏽 🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f ❤\ufe0f",
        "e\u0301 [b]bold[/b] [@click=app.quit]x[/] <script> \u200e\u200f",
    ):
        assert shown(text) == text
        assert plain(text) == text


def test_plain_builds_on_shown() -> None:
    assert plain(" a\n\n b\x1b[2J ") == "a b\u241b[2J"


def test_csv_cells_cannot_start_a_formula() -> None:
    assert csv_cell('=HYPERLINK("https://evil.example/","x")') == '\'=HYPERLINK("https://evil.example/","x")'
    for lead in "=+-@\t\r":
        assert csv_cell(lead + "1+1").startswith("'")
    assert csv_cell("plain text, 1-2") == "plain text, 1-2"
    assert csv_cell("two\nlines\x1b") == "two\nlines\u241b"


@given(st.dictionaries(st.text(), st.text()))
def test_json_inert_keeps_the_value_and_shows_nothing_raw(value: dict[str, str]) -> None:
    text = json_inert(json.dumps(value, ensure_ascii=False))
    assert UNSAFE.search(text) is None
    assert json.loads(text) == value
