"""`c2c follow` watches with one long-lived thread: no worker per poll, nothing done on the display's side
while the file is unchanged, the thread stopped at quit, and an old session freed as soon as a newer one
is shown (finished poll workers used to keep every session they read alive until a full gc)."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot

from c2c_tui.core import store
from c2c_tui.core.clock import FakeClock
from c2c_tui.core.model import ClockEvent, Entry, Session
from c2c_tui.core.reading import watch
from c2c_tui.core.reading.watch import FileWatcher, WatchResult
from c2c_tui.tui.follow.app import FollowApp, make_follow_app

START = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
POLL = 0.05  # seconds between polls here


def session(*notes: str) -> Session:
    return Session(
        title="Keeping cool",
        clock=[ClockEvent(at=START, event="start")],
        entries=[
            Entry(id=f"e{n}", phase="rapport", kind="note", text=text, created=START)
            for n, text in enumerate(notes, 1)
        ],
    )


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "workshop.toml"
    store.save(target, session("first note"))
    return target


@pytest.fixture
def polls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of the thread each look at the file ran on."""
    seen: list[str] = []
    real = FileWatcher.poll

    def poll(self: FileWatcher) -> WatchResult:
        seen.append(threading.current_thread().name)
        return real(self)

    monkeypatch.setattr(FileWatcher, "poll", poll)
    return seen


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How many workers the app started, results it took in, and parses the watcher made."""
    counts = {"workers": 0, "applied": 0, "parses": 0}
    run_worker, apply, parse = FollowApp.run_worker, FollowApp.apply, watch.parse_bytes

    def counting_worker(self: FollowApp, *args: object, **kwargs: object) -> object:
        counts["workers"] += 1
        return run_worker(self, *args, **kwargs)  # type: ignore[arg-type]

    def counting_apply(self: FollowApp, result: WatchResult) -> None:
        counts["applied"] += 1
        apply(self, result)

    def counting_parse(data: bytes, path: str) -> Session:
        counts["parses"] += 1
        return parse(data, path)

    monkeypatch.setattr(FollowApp, "run_worker", counting_worker)
    monkeypatch.setattr(FollowApp, "apply", counting_apply)
    monkeypatch.setattr(watch, "parse_bytes", counting_parse)
    return counts


def follow(path: Path) -> FollowApp:
    return make_follow_app(path, clock=FakeClock(START), poll_seconds=POLL)


async def until(pilot: Pilot[None], condition: object, what: str, seconds: float = 5.0) -> None:
    for _ in range(int(seconds / 0.02)):
        if condition():  # type: ignore[operator]
            return
        await pilot.pause(0.02)
    raise AssertionError(f"not within {seconds} s: {what}")


async def test_every_poll_runs_on_one_thread_and_no_worker_is_started(
    path: Path, polls: list[str], counted: dict[str, int]
) -> None:
    app = follow(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.session is not None, "the first session")
        await until(pilot, lambda: len(polls) >= 12, "a dozen polls")
        threads = threading.active_count()
        await until(pilot, lambda: len(polls) >= 24, "a dozen more")
        assert threading.active_count() == threads
        assert set(polls) == {"c2c-follow"}  # one long-lived thread, never the display's own
        assert counted["workers"] == 0  # no worker (task, thread job and three messages) per poll
    assert "c2c-follow" not in {t.name for t in threading.enumerate()}  # stopped and joined at quit


async def test_an_unchanged_file_is_parsed_once_and_costs_the_display_nothing(
    path: Path, polls: list[str], counted: dict[str, int]
) -> None:
    app = follow(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: len(polls) >= 20, "twenty polls")
        assert counted["parses"] == 1
        assert counted["applied"] == 1  # the first reading; the unchanged polls bring nothing

        store.save(path, session("first note", "second note"))
        await until(pilot, lambda: counted["applied"] == 2, "the change taken in")
        seen = len(polls)
        await until(pilot, lambda: len(polls) >= seen + 10, "ten more polls")
        assert (counted["parses"], counted["applied"]) == (2, 2)
        assert app.session is not None and [e.text for e in app.session.entries][-1] == "second note"


@pytest.fixture
def no_gc() -> Iterator[None]:
    """Only reference counting frees objects (a full collection would hide a cycle that keeps them)."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


async def test_an_old_session_is_freed_once_a_newer_one_is_shown(path: Path, no_gc: None) -> None:
    app = follow(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.session is not None, "the first session")
        earlier: list[weakref.ref[Session]] = []
        for n in range(4):
            shown = app.session
            assert shown is not None
            earlier.append(weakref.ref(shown))
            del shown
            store.save(path, session("first note", f"change {n}"))
            await until(
                pilot,
                lambda n=n: app.session is not None and app.session.entries[-1].text == f"change {n}",
                "the change",
            )  # type: ignore[misc]
            await pilot.pause(POLL * 3)
        assert [ref() is None for ref in earlier] == [True] * 4  # only the session shown is alive
