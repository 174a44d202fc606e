"""`c2c follow`: the read-only display follows a real file written by another process.

The display polls the file a few times a second, so these tests wait for it - in bounded loops of short
pauses, never a fixed sleep. The workshop clock itself is a FakeClock moved by hand.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from rich.console import Console
from textual.pilot import Pilot

from c2c_tui.core import store
from c2c_tui.core.clock import FakeClock
from c2c_tui.core.model import ClockEvent, Entry, Session, Team
from c2c_tui.tui.follow.app import FollowApp, make_follow_app
from c2c_tui.tui.widgets.big_clock import BigClock

START = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
TRICKY = "[/] [bold]not markup[/bold] [@click=app.quit]x[/] 🌡️"

# another process changes the session the way `c2c run` does: load, change, save atomically
CHANGE = """
import sys
from datetime import datetime
from c2c_tui.core import clock, store
from c2c_tui.core.model import Entry
path, at, text = sys.argv[1], datetime.fromisoformat(sys.argv[2]), sys.argv[3]
session = store.load(path)
clock.next_phase(session, at)
session.entries.append(Entry(id=session.next_id("e"), phase="context", kind="context", text=text))
store.save(path, session)
"""


# what someone might press on a display they think is the facilitator's app
KEYS = (*"hello", "enter", "f5", "pagedown", "pagedown", "pageup", "ctrl+s", "space", "delete", "escape")
KEYS += ("tab", "ctrl+z", "f6", "f7", "f8", "f9", "plus", "ctrl+p", "ctrl+c", "e", "d", "u", "backspace")


@pytest.fixture(autouse=True)
def _steady(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TEXTUAL_THEME", raising=False)


def running_session() -> Session:
    """Rapport started at 09:00 (10 minutes planned), one note captured."""
    return Session(
        title="Keeping cool",
        teams=[Team(id="athens", name="Athens Resilience Office", role="seeking")],
        clock=[ClockEvent(at=START, event="start")],
        entries=[Entry(id="e1", phase="rapport", kind="note", text=TRICKY, team="athens", created=START)],
    )


@pytest.fixture
def path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The session file, as a user names it: relative to the folder they are in."""
    monkeypatch.chdir(tmp_path)
    target = Path("workshop.toml")
    store.save(target, running_session())
    return target


def follow(path: Path, at: datetime = START + timedelta(seconds=150)) -> FollowApp:
    return make_follow_app(path, clock=FakeClock(at))


def screen_text(app: FollowApp) -> str:
    update = app.screen._compositor.render_update(full=True)
    console = Console(width=app.size.width, record=True, file=open(os.devnull, "w"), color_system=None)  # noqa: SIM115
    console.print(update)
    return console.export_text()


def flat(text: str) -> str:
    """Screen text with its line breaks and padding folded: a wrapped sentence reads as one."""
    return " ".join(text.split())


def shown_clock(app: FollowApp) -> tuple[str, str]:
    clock = app.screen.query_one(BigClock)
    return clock.digits, clock.word


async def until(pilot: Pilot[None], condition: Callable[[], bool], what: str, seconds: float = 5.0) -> float:
    """Wait (bounded) for the display to show something; returns how long it took."""
    began = time.monotonic()
    while time.monotonic() - began < seconds:
        if condition():
            return time.monotonic() - began
        await pilot.pause(0.05)
    raise AssertionError(f"not shown within {seconds} s: {what}\n{screen_text(pilot.app)}")  # type: ignore[arg-type]


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


async def test_shows_the_phase_the_clock_and_the_items_from_the_file(path: Path) -> None:
    app = follow(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: "RAPPORT" in screen_text(app), "the phase")
        text = screen_text(app)
        assert "» Who is here, and what brings you?" in text
        assert shown_clock(app) == ("07:30", "TIME LEFT")
        assert TRICKY in text  # user text literally, never markup
        assert "Athens Resilience Office" in text
        assert f"following {path} · read-only" in text
        assert "waiting" not in text

        app.clock.advance(61)  # type: ignore[attr-defined]
        app.tick()  # the display keeps ticking from the clock log while the file does not change
        assert shown_clock(app) == ("06:29", "TIME LEFT")


async def test_a_change_by_another_process_shows_within_a_second(path: Path) -> None:
    app = follow(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: "RAPPORT" in screen_text(app), "the phase")
        at = (START + timedelta(seconds=150)).isoformat()
        writer = await asyncio.create_subprocess_exec(
            sys.executable, "-c", CHANGE, str(path), at, "Heat maps <3"
        )
        assert await asyncio.wait_for(writer.wait(), timeout=60) == 0
        took = await until(pilot, lambda: "PART 1 · PURPOSE" in screen_text(app), "the next phase")
        assert took < 2.0  # polled every 0.25 s: well within a second, with room for a slow machine
        text = screen_text(app)
        assert "Heat maps <3" in text
        assert TRICKY not in text  # that note belongs to Rapport
        assert shown_clock(app) == ("15:00", "TIME LEFT")


async def test_a_missing_file_waits_then_recovers(path: Path) -> None:
    app = follow(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: "RAPPORT" in screen_text(app), "the phase")
        data = path.read_bytes()
        path.unlink()
        await until(
            pilot, lambda: f"waiting for {path}: no such file" in flat(screen_text(app)), "the banner"
        )
        text = flat(screen_text(app))
        assert "showing the last good version" in text
        assert "RAPPORT" in text  # the last good session stays on screen...
        app.clock.advance(30)  # type: ignore[attr-defined]
        app.tick()
        assert shown_clock(app) == ("07:00", "TIME LEFT")  # ...and its clock keeps running

        path.write_bytes(data)
        await until(pilot, lambda: "waiting" not in screen_text(app), "the banner gone")
        assert "RAPPORT" in screen_text(app)


async def test_a_half_synced_file_waits_then_recovers(path: Path) -> None:
    app = follow(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: "RAPPORT" in screen_text(app), "the phase")
        session = running_session()
        session.entries.append(Entry(id="e2", phase="rapport", kind="note", text="arrives in two halves"))
        store.save(path.with_name("full.toml"), session)
        data = path.with_name("full.toml").read_bytes()

        path.write_bytes(data[: data.index(b"in two halves")])
        await until(pilot, lambda: "invalid TOML" in flat(screen_text(app)), "the banner")
        assert "arrives in two" not in screen_text(app)

        path.write_bytes(data)
        await until(pilot, lambda: "arrives in two halves" in screen_text(app), "the complete file")
        assert "waiting" not in screen_text(app)


async def test_a_file_that_is_not_there_yet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = Path("later.toml")
    app = follow(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: "no such file" in flat(screen_text(app)), "the banner")
        assert "last good version" not in flat(screen_text(app))
        assert "Nothing captured" not in screen_text(app)  # nothing is known yet, not "nothing captured"
        store.save(path, running_session())
        await until(pilot, lambda: "RAPPORT" in screen_text(app), "the phase")
        assert "waiting" not in screen_text(app)


async def test_typing_changes_nothing(path: Path) -> None:
    before = files_in(path.absolute().parent)
    app = follow(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: "RAPPORT" in screen_text(app), "the phase")
        await pilot.press(*KEYS)
        await pilot.pause(0.6)  # a couple of polls
        assert app.is_running
        assert "RAPPORT" in screen_text(app)
        assert shown_clock(app) == ("07:30", "TIME LEFT")
    assert files_in(path.absolute().parent) == before  # same bytes, no lock file, no summary rewritten


async def test_q_quits(path: Path) -> None:
    app = follow(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: "RAPPORT" in screen_text(app), "the phase")
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_a_small_terminal_still_shows_the_clock_and_the_phase(path: Path) -> None:
    app = follow(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: "RAPPORT" in screen_text(app), "the phase")
        text = screen_text(app)
        assert "TIME LEFT" in text
        assert "read-only" in text


def test_the_follow_display_loads_nothing_of_the_facilitator_app() -> None:
    """Read-only by construction: no editor, no store writer, no run screen, no capture line."""
    code = (
        "import sys, c2c_tui.tui.follow.app\n"
        "bad = {'c2c_tui.tui.run', 'c2c_tui.tui.run.app', 'c2c_tui.tui.run.run_screen', 'c2c_tui.tui.setup',\n"
        "       'c2c_tui.core.capture', 'c2c_tui.core.capture.editor', 'c2c_tui.core.store',\n"
        "       'c2c_tui.core.store.lock', 'c2c_tui.core.store.atomic', 'c2c_tui.tui.run.capture_bar'}\n"
        "sys.exit(', '.join(sorted(bad & set(sys.modules))) or None)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, f"imported: {result.stderr.strip()}"
