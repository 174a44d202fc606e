"""Disk full or a read-only folder while the app runs: the writer itself fails (at the OS call), the app
keeps everything in memory, says so once, retries, and loses nothing; the file on disk is never truncated
and no temporary file is left behind. When the fault goes, everything is on disk."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from app_support import build, fresh, screen_text, steady  # noqa: F401

from c2c_tui.core import store
from c2c_tui.core.store import atomic
from c2c_tui.tui.run import autosave
from c2c_tui.tui.run.status_line import StatusLine

pytestmark = pytest.mark.usefixtures("steady")


class Fault:
    """Stands in for a module (``os`` or ``tempfile``) inside the atomic writer; one call fails while on."""

    def __init__(self, real: Any, name: str, code: int) -> None:
        self.real, self.name, self.code = real, name, code
        self.on = True
        self.failures = 0

    def __getattr__(self, attribute: str) -> Any:
        value = getattr(self.real, attribute)
        if attribute != self.name:
            return value

        def call(*args: Any, **kwargs: Any) -> Any:
            if not self.on:
                return value(*args, **kwargs)
            self.failures += 1
            if attribute == "write":  # a full disk: half of it goes, then no space
                fd, data = args
                if len(data) > 1:
                    return value(fd, bytes(data[: len(data) // 2]))
            raise OSError(self.code, os.strerror(self.code))

        return call


FAULTS = {
    "disk full": ("os", "write", errno.ENOSPC, "No space left on device"),
    "read-only folder": ("tempfile", "mkstemp", errno.EROFS, "Read-only file system"),
}


async def wait_for(pilot: Any, condition: Any, seconds: float = 5.0) -> None:
    for _ in range(int(seconds / 0.02)):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("timed out")


def said(app: Any, words: str) -> list[str]:
    return [n.message for n in app._notifications if words in n.message]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("fault", list(FAULTS))
async def test_a_failing_writer_loses_nothing_and_is_said_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: str
) -> None:
    module, call, code, reason = FAULTS[fault]
    monkeypatch.setattr(autosave, "RETRY_SECONDS", 0.1)
    session_file, clock = fresh(tmp_path)
    path = session_file.path
    before, summary_before = path.read_bytes(), path.with_suffix(".md").read_bytes()
    broken = Fault(getattr(atomic, module), call, code)
    monkeypatch.setattr(atomic, module, broken)
    app = build(session_file, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"n: one", "enter")
        await wait_for(pilot, lambda: app.saver.problem is not None)
        assert reason in app.saver.problem
        status = app.screen.query_one(StatusLine)
        assert status.has_class("-error") and "NOT SAVED" in screen_text(app)

        await pilot.press(*"s: two #sev", "enter", *"three", "enter")
        tries = broken.failures
        await wait_for(pilot, lambda: broken.failures >= tries + 3)  # it keeps retrying
        assert len(said(app, "NOT SAVED")) == 1  # said once, however often it fails
        assert path.read_bytes() == before  # never truncated, never half-written
        assert path.with_suffix(".md").read_bytes() == summary_before
        assert leftovers(tmp_path) == []
        assert [e.text for e in app.session.entries] == ["one", "two", "three"]

        broken.on = False  # space again / writable again
        await wait_for(pilot, lambda: not app.saver.unsaved)
        assert len(said(app, "Saved again")) == 1
        assert not status.has_class("-error") and "NOT SAVED" not in screen_text(app)
        assert len(said(app, "NOT SAVED")) == 1
    saved = store.load(path)
    assert [e.text for e in saved.entries] == ["one", "two", "three"]
    assert saved.entries[1].team == "seville"
    assert "two" in path.with_suffix(".md").read_text(encoding="utf-8")
    assert leftovers(tmp_path) == []


async def test_quitting_during_a_fault_keeps_the_last_good_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_file, clock = fresh(tmp_path)
    path = session_file.path
    before = path.read_bytes()
    monkeypatch.setattr(atomic, "os", Fault(atomic.os, "write", errno.ENOSPC))
    app = build(session_file, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"lost", "enter", "ctrl+q")
        await pilot.pause()
        assert app.is_running  # the first ctrl+q says what would be lost
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.quit_without_saving
    assert path.read_bytes() == before
    assert leftovers(tmp_path) == []
