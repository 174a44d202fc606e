"""Snapshots of the home screen at 80x24 and 120x36: a fixed folder (fixed file times), a FakeClock.

Update after a deliberate change: ``pytest tests/tui/test_home_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import pytest
from home_support import FOLDER, folder, home, steady, steady_screen  # noqa: F401

pytestmark = pytest.mark.usefixtures("folder")

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])


@SIZES
def test_home(snap_compare, size: tuple[int, int]) -> None:
    assert snap_compare(home(FOLDER), terminal_size=size, run_before=steady_screen)


@SIZES
def test_home_on_a_broken_file(snap_compare, size: tuple[int, int]) -> None:
    assert snap_compare(home(FOLDER), terminal_size=size, press=["end"], run_before=steady_screen)
