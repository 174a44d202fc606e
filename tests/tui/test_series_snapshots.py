"""Snapshots of the series screens at 80x24 and 120x36, with a FakeClock standing still: the run app's
"Since last time" review part way through (one done, one in progress with a note), and the home screen's
series view with two topics.

Update after a deliberate change: ``pytest tests/tui/test_series_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from app_support import freeze
from series_support import FOLDER, HOME_NOW, clock, series, steady  # noqa: F401

from c2c_tui.core.followup.series_file import add_topic, save_series, set_topic_status
from c2c_tui.core.store import SessionFile
from c2c_tui.tui.home.app import HomeApp
from c2c_tui.tui.run.app import make_app

pytestmark = pytest.mark.usefixtures("series")
SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])


async def _steady(pilot) -> None:  # type: ignore[no-untyped-def]
    freeze(pilot.app)
    await pilot.pause()


@SIZES
def test_since_last_time(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    app = make_app(SessionFile.open(FOLDER / "second.toml"), clock=clock())
    keys = ["ctrl+r", "d", "p", *"draft sent", "enter"]
    assert snap_compare(app, terminal_size=size, press=keys, run_before=_steady)


@SIZES
def test_series_view(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    topics = add_topic(add_topic(None, "Reaching residents who live alone"), "Cool rooms in libraries")
    save_series(Path(FOLDER), set_topic_status(topics, 0, "covered", "second.toml"))
    app = HomeApp(FOLDER, clock=clock(HOME_NOW))
    assert snap_compare(app, terminal_size=size, press=["s"], run_before=_steady)
