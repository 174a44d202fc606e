"""Shared helpers for the home, set-up and review tests: a folder of sessions with fixed dates and file times,
a FakeClock, a host app for the set-up screen, and the screen as text.

The folder is ``sessions`` inside the test's temporary directory, and tests run with that directory as the
working directory, so every path on screen is the same relative ``sessions/...`` (steady snapshots).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from app_support import EXAMPLE, screen_text, steady
from textual.app import App
from textual.widgets import DataTable

from c2c_tui.core import store
from c2c_tui.core.clock import FakeClock
from c2c_tui.core.model import Action, Participant, Session, Team
from c2c_tui.tui.home.app import HomeApp
from c2c_tui.tui.setup.setup_screen import SetupScreen
from c2c_tui.tui.themes import PROJECTOR

NOW = datetime(2026, 12, 20, 10, 0, tzinfo=UTC)
FOLDER = Path("sessions")  # relative: the tests run in their temporary directory
BROKEN = Path(__file__).resolve().parents[1] / "broken" / "bad_date.toml"
__all__ = ["EXAMPLE", "screen_text", "steady"]


def clock() -> FakeClock:
    return FakeClock(NOW)


def small_session(title: str, when: date | None, *, advisor: str = "Porto Resilience Office") -> Session:
    return Session(
        title=title,
        workshop={"date": when, "purpose": f"Purpose of {title}", "place": "Room 1"},  # type: ignore[arg-type]
        teams=[
            Team(id="lyon", name="Lyon Climate Unit", role="seeking", city="Lyon"),
            Team(id="porto", name=advisor, role="advisor", city="Porto"),
        ],
        participants=[Participant(id="p1", name="Inès Moreau", team="lyon", role="Lead")],
        actions=[
            Action(id="a1", text="Map the cool rooms", owner="Inès", due=date(2026, 12, 1)),
            Action(id="a2", text="Send the heat plan", owner="Rui", due=date(2027, 2, 1)),
        ],
    )


def write(path: Path, session: Session, mtime: float) -> Path:
    store.save(path, session)
    os.utime(path, (mtime, mtime))
    return path


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, steady: None) -> Iterator[Path]:
    """``sessions/`` with three sessions (different dates), the example, and one broken file."""
    monkeypatch.chdir(tmp_path)
    sessions = FOLDER
    sessions.mkdir()
    base = 1_790_000_000.0
    write(sessions / "lyon-heat.toml", small_session("Lyon: shade in schoolyards", date(2026, 10, 1)), base)
    write(
        sessions / "oslo-rain.toml", small_session("Oslo: [bold]cloudbursts[/]", date(2027, 3, 4)), base + 10
    )
    write(
        sessions / "undated.toml",
        small_session("Turin: no date yet", None, advisor="Seville City Council"),
        base + 20,
    )
    write(sessions / "cooling-valmora.toml", store.load(EXAMPLE), base + 30)
    broken = sessions / "zz-broken.toml"
    broken.write_bytes(BROKEN.read_bytes())
    os.utime(broken, (base, base))
    yield sessions


def home(folder: Path, **kwargs: Any) -> HomeApp:
    return HomeApp(folder, clock=clock(), **kwargs)


def table_rows(app: App[Any], selector: str = "#sessions") -> list[list[str]]:
    table = app.screen.query_one(selector, DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def steady_screen(pilot: Any) -> None:
    """No blinking cursors, everything mounted (steady snapshots)."""
    await pilot.pause()
    for node in pilot.app.screen.query("Input, TextArea"):
        node.cursor_blink = False
    await pilot.pause()


def notes(app: App[Any]) -> list[str]:
    """The notifications raised so far (their text as given, before any wrapping on screen)."""
    return [n.message for n in app._notifications]


class SetupHost(App[None]):
    """A bare app that shows a SetupScreen and keeps what it returns."""

    def __init__(self, session: Session, **kwargs: Any) -> None:
        super().__init__()
        self.session = session
        self.kwargs = kwargs
        self.results: list[Session | None] = []

    def on_mount(self) -> None:
        self.register_theme(PROJECTOR)
        self.theme = PROJECTOR.name
        self.push_screen(SetupScreen(self.session, **self.kwargs), self.results.append)
