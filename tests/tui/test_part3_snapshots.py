"""Snapshots of Part 3 on the example at 80x24 and 120x36: the options table while rating (rows in their
places, the # column already showing the new ranks) and the impact/risk 2x2 (every option by its number).

Update after a deliberate change: ``pytest tests/tui/test_part3_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from app_support import build, example_at, freeze, steady  # noqa: F401

pytestmark = pytest.mark.usefixtures("steady")

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
# Home, then three rows rated: the second and third would have jumped to the top if the table re-sorted
RATE = (
    "escape",
    "home",
    "w",
    "i",
    "1",
    "r",
    "5",
    "down",
    "i",
    "5",
    "r",
    "1",
    "down",
    "c",
    "i",
    "5",
    "r",
    "1",
    "down",
)


def _before(*keys: str):
    async def run_before(pilot) -> None:
        await pilot.press(*keys)
        freeze(pilot.app)
        await pilot.pause()

    return run_before


@SIZES
def test_part3_rating_keeps_rows(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    app = build(*example_at(tmp_path, "reflect"))
    assert snap_compare(app, terminal_size=size, run_before=_before(*RATE))


@SIZES
def test_part3_matrix(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    app = build(*example_at(tmp_path, "reflect"))
    assert snap_compare(app, terminal_size=size, run_before=_before(*RATE, "v"))
