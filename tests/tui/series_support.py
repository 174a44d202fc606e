"""A two-workshop series in ``sessions/`` (the test's working directory, so paths on screen are steady):
first.toml (the series fixture's first workshop: actions a1-a4, a4 dropped, an offer e1) and second.toml,
a follow-on made by core (``follow_on``), carrying a1, a2, a3 and the offer, none reviewed yet."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from app_support import steady  # noqa: F401

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from series_chain import T1, first_session

from c2c_tui.core.clock import FakeClock
from c2c_tui.core.followup.followon import follow_on
from c2c_tui.core.store import save

FOLDER = Path("sessions")
REVIEW_AT = T1 + timedelta(hours=1, minutes=5)  # during the second workshop's rapport
HOME_NOW = datetime(2026, 12, 20, 10, 0, tzinfo=UTC)


def clock(at: datetime = REVIEW_AT) -> FakeClock:
    return FakeClock(at)


@pytest.fixture
def series(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, steady: None) -> Iterator[Path]:  # noqa: F811
    monkeypatch.chdir(tmp_path)
    FOLDER.mkdir()
    first, second = FOLDER / "first.toml", FOLDER / "second.toml"
    save(first, first_session())
    two = follow_on(first, second, title="Heat two", now=T1)
    two.workshop.date = date(2026, 12, 10)
    save(second, two)
    yield FOLDER
