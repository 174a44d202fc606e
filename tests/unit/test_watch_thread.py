"""The one long-lived thread that follows a session file: a parse only when the file changed, news only
when there is some, replace-by-rename, deletion, a broken file, a failing poll, and a clean stop."""

from __future__ import annotations

import os
import queue
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from c2c_tui.core import store
from c2c_tui.core.model import Session
from c2c_tui.core.reading import watch
from c2c_tui.core.reading.watch import FileWatcher, WatchResult
from c2c_tui.core.reading.watch_thread import WatchThread

FAST = 0.01  # seconds between polls in these tests


def until(condition: Callable[[], bool], what: str, seconds: float = 5.0) -> None:
    """Wait (bounded) for the thread to get somewhere."""
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"not within {seconds} s: {what}")
        time.sleep(0.005)


class Following:
    """A watch thread on ``path`` with what it delivered in a queue and the parses counted."""

    def __init__(self, path: Path, watcher: FileWatcher | None = None) -> None:
        self.news: queue.Queue[WatchResult] = queue.Queue()
        self.thread = WatchThread(watcher or FileWatcher(path), self.news.put, interval=FAST)

    def next(self) -> WatchResult:
        return self.news.get(timeout=5)

    def quiet_for(self, polls: int) -> None:
        """``polls`` more polls happen and none of them delivers anything."""
        target = self.thread.polls + polls
        until(lambda: self.thread.polls >= target, f"{polls} more polls")
        assert self.news.empty(), f"delivered: {self.news.get_nowait()}"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every parse of a session file's bytes by the watcher, by path."""
    seen: list[Path] = []
    real = watch.parse_bytes

    def counting(data: bytes, path: os.PathLike[str] | str) -> Session:
        seen.append(Path(path))
        return real(data, path)

    monkeypatch.setattr(watch, "parse_bytes", counting)
    return seen


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "workshop.toml"
    store.save(target, Session(title="First"))
    return target


@pytest.fixture
def following(path: Path, parses: list[Path]) -> Iterator[Following]:
    it = Following(path)  # started once parses are counted
    it.thread.start()
    yield it
    assert it.thread.stop()


def test_the_file_is_parsed_once_and_unchanged_polls_deliver_nothing(
    following: Following, parses: list[Path]
) -> None:
    first = following.next()
    assert first.status == "ok"
    assert first.session is not None and first.session.title == "First"
    following.quiet_for(30)  # past several of the watcher's periodic byte checks too
    assert len(parses) == 1


def test_a_new_identity_is_parsed_once_and_delivered_once(
    following: Following, path: Path, parses: list[Path]
) -> None:
    following.next()
    store.save(path, Session(title="Second"))  # as `c2c run` saves: a new file renamed over the old one
    second = following.next()
    assert second.status == "ok"
    assert second.session is not None and second.session.title == "Second"
    following.quiet_for(20)
    assert len(parses) == 2


def test_replace_by_rename_with_another_file(following: Following, path: Path) -> None:
    following.next()
    other = path.with_name("elsewhere.toml")
    store.save(other, Session(title="Moved in"))
    os.replace(other, path)
    result = following.next()
    assert result.status == "ok"
    assert result.session is not None and result.session.title == "Moved in"


def test_deleted_then_back(following: Following, path: Path, parses: list[Path]) -> None:
    first = following.next()
    data = path.read_bytes()
    path.unlink()
    gone = following.next()
    assert gone.status == "waiting"
    assert gone.reason.startswith("no such file")
    assert gone.session is first.session  # the last good session stays
    following.quiet_for(10)  # one banner, not one per poll

    path.write_bytes(data)  # the same bytes back: the wait ends, nothing to parse again
    back = following.next()
    assert back.status == "unchanged" and not back.waiting
    assert back.session is first.session
    assert len(parses) == 1


def test_a_broken_file_says_why_and_keeps_the_last_good_session(following: Following, path: Path) -> None:
    first = following.next()
    path.write_bytes(b'schema_version = 1\ntitle = "half a fi')
    broken = following.next()
    assert broken.status == "waiting"
    assert "invalid TOML" in broken.reason
    assert "\n" not in broken.reason
    assert broken.session is first.session
    following.quiet_for(10)

    path.write_bytes(b'schema_version = 1\ntitle = "Mended"\n')
    mended = following.next()
    assert mended.status == "ok"
    assert mended.session is not None and mended.session.title == "Mended"


class Failing(FileWatcher):
    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.fail = True

    def poll(self) -> WatchResult:
        if self.fail:
            raise OSError("the share went away\nfor a moment")
        return super().poll()


def test_a_poll_that_fails_is_a_reason_and_the_thread_goes_on(path: Path) -> None:
    watcher = Failing(path)
    it = Following(path, watcher)
    it.thread.start()
    try:
        result = it.next()
        assert result.status == "waiting"
        assert result.reason == "cannot read it (OSError: the share went away for a moment)"
        watcher.fail = False
        assert it.next().status == "ok"
        assert it.thread.alive
    finally:
        assert it.thread.stop()


def test_stop_joins_the_thread_and_polls_end(following: Following) -> None:
    following.next()
    assert following.thread.alive
    assert [t for t in threading.enumerate() if t.ident == following.thread.ident]
    assert following.thread.stop()
    assert not following.thread.alive
    polls = following.thread.polls
    time.sleep(FAST * 5)
    assert following.thread.polls == polls


class Stuck(FileWatcher):
    """A shared folder that does not answer: the poll blocks until released."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.entered, self.release = threading.Event(), threading.Event()

    def poll(self) -> WatchResult:
        self.entered.set()
        self.release.wait(10)
        return super().poll()


def test_a_stuck_poll_never_holds_up_stop(path: Path) -> None:
    watcher = Stuck(path)
    thread = WatchThread(watcher, lambda result: None, interval=FAST)
    thread.start()
    assert watcher.entered.wait(5)
    began = time.monotonic()
    assert not thread.stop(timeout=0.1)  # still in the poll: stop gives up waiting, it does not hang
    assert time.monotonic() - began < 1.0
    watcher.release.set()
    until(lambda: not thread.alive, "the thread ends once the poll returns")


def test_stop_before_start() -> None:
    thread = WatchThread(FileWatcher("nowhere.toml"), lambda result: None)
    assert thread.stop()
    assert not thread.alive
