"""Snapshots of the main screen in each phase (a different clock state in each) at 80x24, 120x36 and
160x48 (the layout per size: 5-row digits, 7-row digits, bigger), of the wall view, and of the set-up
opened during the workshop (F3: the clock stays on a line above it). The example session is cut at a moment of its day and the FakeClock stands still.

Update after a deliberate change: ``pytest tests/tui/test_app_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from app_support import MOMENTS, build, example_at, freeze, steady  # noqa: F401

pytestmark = pytest.mark.usefixtures("steady")


async def _steady(pilot) -> None:
    freeze(pilot.app)
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (160, 48)], ids=["80x24", "120x36", "160x48"])
@pytest.mark.parametrize("phase", list(MOMENTS))
def test_main_screen(snap_compare, tmp_path: Path, phase: str, size: tuple[int, int]) -> None:
    app = build(*example_at(tmp_path, phase))
    assert snap_compare(app, terminal_size=size, run_before=_steady)


def test_wall_view(snap_compare, tmp_path: Path) -> None:
    app = build(*example_at(tmp_path, "insights"))
    assert snap_compare(app, terminal_size=(120, 36), press=["f2"], run_before=_steady)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
def test_live_set_up_keeps_the_clock(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    async def open_set_up(pilot) -> None:
        await pilot.press("f3")
        await pilot.pause()
        freeze(pilot.app)  # the set-up's inputs too: no blinking cursor
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()

    app = build(*example_at(tmp_path, "insights"))
    assert snap_compare(app, terminal_size=size, run_before=open_set_up)
