"""Shared helpers for the facilitator-app tests: a copy of the example session at a chosen moment of the
day (its clock log cut there), a FakeClock at that moment, steady rendering, and the screen as text."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from c2c_tui.core import store
from c2c_tui.core.clock import FakeClock
from c2c_tui.core.model import Session, Team
from c2c_tui.core.store import SessionFile
from c2c_tui.tui.run.app import C2CApp, make_app

EXAMPLE = Path(__file__).resolve().parents[2] / "sessions" / "cooling-valmora.toml"
DAY = datetime(2026, 11, 12, tzinfo=UTC)


def at(hhmmss: str) -> datetime:
    h, m, s = (int(x) for x in hhmmss.split(":"))
    return DAY.replace(hour=h, minute=m, second=s)


# phase -> (keep clock events up to, now): running / paused / overtime / danger / warning on the example's day
MOMENTS: dict[str, tuple[str, str]] = {
    "rapport": ("15:00:00", "15:07:30"),  # running, 02:30 left: normal
    "context": ("15:19:00", "15:20:00"),  # paused
    "insights": ("16:03:00", "16:07:00"),  # extended, rebalanced, one minute over: overtime
    "reflect": ("16:07:00", "16:20:00"),  # 01:00 left: danger
    "agree": ("16:22:00", "16:30:00"),  # 02:00 left: warning
}


@pytest.fixture
def steady(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is UTC, no NO_COLOR / TEXTUAL_THEME from the environment."""
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TEXTUAL_THEME", raising=False)
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def example_at(tmp_path: Path, phase: str) -> tuple[SessionFile, FakeClock]:
    """A copy of the example whose clock stops at the moment of ``phase`` (see MOMENTS)."""
    keep, now = MOMENTS[phase]
    session = store.load(EXAMPLE)
    session.clock = [event for event in session.clock if event.at <= at(keep)]
    path = tmp_path / "cooling-valmora.toml"
    store.save(path, session)
    return SessionFile.open(path), FakeClock(at(now))


def fresh(tmp_path: Path, title: str = "Keeping cool", **settings: object) -> tuple[SessionFile, FakeClock]:
    """A new session (clock ready at Rapport, default agenda 10/15/30/20/15) and a FakeClock at 09:00."""
    session = Session(
        title=title,
        teams=[
            Team(id="athens", name="Athens Resilience Office", role="seeking"),
            Team(id="seville", name="Seville City Council", role="advisor"),
        ],
    )
    for name, value in settings.items():
        setattr(session.settings, name, value)
    path = tmp_path / "workshop.toml"
    store.save(path, session)
    return SessionFile.open(path), FakeClock(datetime(2026, 6, 1, 9, 0, tzinfo=UTC))


def build(session_file: SessionFile, clock: FakeClock) -> C2CApp:
    return make_app(session_file, clock=clock)


def freeze(app: C2CApp) -> None:
    """No blinking cursor (steady snapshots)."""
    for node in app.screen.query("Input"):
        node.cursor_blink = False  # type: ignore[attr-defined]


def screen_text(app: C2CApp) -> str:
    """What the terminal shows now, as plain text (one line per row)."""
    width = app.size.width
    update = app.screen._compositor.render_update(full=True)
    console = Console(width=width, record=True, file=open(os.devnull, "w"), color_system=None)  # noqa: SIM115
    console.print(update)
    return console.export_text()


async def wait_for(pilot: Any, condition: Any, seconds: float = 3.0) -> None:
    """Until ``condition()`` holds (a save in a thread, a paint): pause in steps, fail after ``seconds``."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("timed out")
