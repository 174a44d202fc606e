"""Snapshots of the set-up screen (a new workshop) at 80x24 and 120x36: the workshop section, the agenda
with a start time, and the teams of the example.

Update after a deliberate change: ``pytest tests/tui/test_setup_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import pytest
from home_support import FOLDER, folder, home, steady, steady_screen  # noqa: F401

pytestmark = pytest.mark.usefixtures("folder")

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])


@SIZES
def test_new_workshop(snap_compare, size: tuple[int, int]) -> None:
    keys = ["n", *"[b]Rain[/b] gardens", "tab", *"Share what worked"]
    assert snap_compare(home(FOLDER), terminal_size=size, press=keys, run_before=steady_screen)


@SIZES
def test_agenda(snap_compare, size: tuple[int, int]) -> None:
    keys = ["n", "f5", "tab", *"9:30", "tab", "tab", "tab", *"ten"]
    assert snap_compare(home(FOLDER), terminal_size=size, press=keys, run_before=steady_screen)


@SIZES
def test_edit_teams(snap_compare, size: tuple[int, int]) -> None:
    keys = ["down", "e", "f3"]
    assert snap_compare(home(FOLDER), terminal_size=size, press=keys, run_before=steady_screen)
