"""Snapshots of review at 80x24 and 120x36: the list (searched), and one session's summary and actions.

Update after a deliberate change: ``pytest tests/tui/test_review_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import pytest
from home_support import FOLDER, folder, home, steady, steady_screen  # noqa: F401

pytestmark = pytest.mark.usefixtures("folder")

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])


@SIZES
def test_review_list(snap_compare, size: tuple[int, int]) -> None:
    app = home(FOLDER, start="review")
    assert snap_compare(app, terminal_size=size, run_before=steady_screen)


@SIZES
def test_review_search(snap_compare, size: tuple[int, int]) -> None:
    app = home(FOLDER, start="review")
    assert snap_compare(app, terminal_size=size, press=[*"team:seville"], run_before=steady_screen)


@SIZES
def test_review_session(snap_compare, size: tuple[int, int]) -> None:
    app = home(FOLDER, start="review")
    keys = [*"valmora", "enter", "enter", "_"]
    assert snap_compare(app, terminal_size=size, press=keys, run_before=steady_screen)


def test_review_session_contents(snap_compare) -> None:
    app = home(FOLDER, start="review")
    keys = [*"valmora", "enter", "enter", "_", "t"]
    assert snap_compare(app, terminal_size=(120, 36), press=keys, run_before=steady_screen)
