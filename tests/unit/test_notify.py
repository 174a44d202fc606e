"""The system's change notification (inotify) as a hint to the watch thread: a save is seen at once, other
files in the folder are not news, a wait ends on wake(), and without it the thread still polls."""

from __future__ import annotations

import queue
import sys
import time
from pathlib import Path

import pytest

from c2c_tui.core import store
from c2c_tui.core.model import Session
from c2c_tui.core.reading.notify import FileNotifier
from c2c_tui.core.reading.watch import FileWatcher, WatchResult
from c2c_tui.core.reading.watch_thread import WatchThread

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "workshop.toml"
    store.save(target, Session(title="First"))
    return target


@linux
def test_a_save_wakes_a_wait_and_other_files_do_not(path: Path) -> None:
    notifier = FileNotifier.open(path)
    assert notifier is not None
    try:
        path.with_name("notes.txt").write_text("another file in the folder")
        assert notifier.wait(0.2) is False  # the timeout: nothing about the file

        began = time.monotonic()
        store.save(path, Session(title="Second"))  # a temporary file renamed over it, then the summary
        assert notifier.wait(5.0) is True
        assert time.monotonic() - began < 1.0
    finally:
        notifier.close()


@linux
def test_wake_ends_a_wait_at_once(path: Path) -> None:
    notifier = FileNotifier.open(path)
    assert notifier is not None
    try:
        notifier.wake()
        began = time.monotonic()
        assert notifier.wait(5.0) is False
        assert time.monotonic() - began < 1.0
    finally:
        notifier.close()


def test_no_notifier_for_a_folder_that_is_not_there(tmp_path: Path) -> None:
    assert FileNotifier.open(tmp_path / "not yet" / "workshop.toml") is None


@linux
def test_the_thread_sees_a_save_long_before_its_next_poll(path: Path) -> None:
    news: queue.Queue[WatchResult] = queue.Queue()
    thread = WatchThread(FileWatcher(path), news.put, interval=30.0)  # a poll every 30 s only
    thread.start()
    try:
        assert news.get(timeout=5).status == "ok"
        time.sleep(0.05)  # the thread is in its wait now
        assert thread.notified
        began = time.monotonic()
        store.save(path, Session(title="Second"))
        second = news.get(timeout=5)
        assert second.session is not None and second.session.title == "Second"
        assert time.monotonic() - began < 2.0
        started = time.monotonic()
        assert thread.stop()  # wakes the wait: no 30 s join
        assert time.monotonic() - started < 1.0
    finally:
        thread.stop()


def test_without_notification_the_thread_polls(tmp_path: Path) -> None:
    path = tmp_path / "later" / "workshop.toml"  # no folder yet: no notifier, polls only
    news: queue.Queue[WatchResult] = queue.Queue()
    thread = WatchThread(FileWatcher(path), news.put, interval=0.01)
    thread.start()
    try:
        assert news.get(timeout=5).status == "waiting"
        assert not thread.notified
        path.parent.mkdir()
        store.save(path, Session(title="Arrived"))
        arrived = news.get(timeout=5)
        assert arrived.session is not None and arrived.session.title == "Arrived"
    finally:
        assert thread.stop()
