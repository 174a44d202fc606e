"""The session table's cells (``session_list.Cell``): measured and painted exactly as the ``Text`` they
stand for, which the table no longer keeps (a string and a style per cell instead)."""

from __future__ import annotations

import pytest
from rich.console import Console
from rich.measure import Measurement

from c2c_tui.tui.home.session_list import Cell

SAMPLES = [
    "",
    " ",
    "Lyon: shade in schoolyards",
    "Oslo: [bold]cloudbursts[/]",
    "東京 熱中症 対策 ワークショップ",
    "emoji 🌡️🔥 and a very-long-word-without-any-space-in-it-at-all",
    "2026-10-01",
    "3 (1 late)",
    "x" * 300,
]


@pytest.mark.parametrize("plain", SAMPLES)
@pytest.mark.parametrize("style", ["", "italic", "bold"])
@pytest.mark.parametrize("width", [0, 1, 8, 40, 200])
def test_a_cell_measures_and_paints_as_its_text(plain: str, style: str, width: int) -> None:
    console = Console(
        width=max(width, 1), color_system="truecolor", force_terminal=True, legacy_windows=False
    )
    options = console.options.update_width(width) if width else console.options.update(max_width=0)
    cell = Cell(plain, style)
    text = cell.text()
    assert cell.__rich_measure__(console, options) == Measurement.get(console, options, text)
    if width:
        assert console.render_lines(cell, options) == console.render_lines(text, options)
    assert str(cell) == text.plain == plain
