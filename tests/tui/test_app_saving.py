"""Autosave when the disk says no: keep everything, say so once, retry, never lose the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_support import build, fresh, screen_text, steady, wait_for  # noqa: F401

from c2c_tui.core import store
from c2c_tui.core.reading.errors import SessionError
from c2c_tui.core.store import SessionFile
from c2c_tui.tui.run import autosave

pytestmark = pytest.mark.usefixtures("steady")


class Disk:
    """A switch for SessionFile.save: full or not."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = True
        real = SessionFile.save

        def save(session_file: SessionFile, now=None, *, session=None) -> None:
            if self.full:
                raise SessionError(f"{session_file.path}: cannot save: No space left on device")
            real(session_file, now, session=session)

        monkeypatch.setattr(SessionFile, "save", save)


def errors(app) -> list[str]:
    return [n.message for n in app._notifications if n.severity == "error"]


async def test_a_failed_save_is_said_once_kept_in_memory_and_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(autosave, "RETRY_SECONDS", 0.2)
    session_file, clock = fresh(tmp_path)
    before = session_file.path.read_text()
    disk = Disk(monkeypatch)
    app = build(session_file, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"n: first", "enter")
        await wait_for(pilot, lambda: app.saver.problem is not None)
        await pilot.press(*"n: second", "enter")
        await pilot.pause(0.5)  # a few retries fail
        assert len(errors(app)) == 1
        assert "No space left on device" in errors(app)[0]
        assert "NOT SAVED" in screen_text(app)
        assert session_file.path.read_text() == before  # never truncated
        assert [e.text for e in app.session.entries] == ["first", "second"]
        disk.full = False
        await wait_for(pilot, lambda: app.saver.problem is None)
        assert "NOT SAVED" not in screen_text(app)
    assert [e.text for e in store.load(session_file.path).entries] == ["first", "second"]


async def test_quit_when_saving_fails_asks_for_a_second_ctrl_q(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_file, clock = fresh(tmp_path)
    Disk(monkeypatch)
    app = build(session_file, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"n: precious", "enter", "ctrl+q")
        await pilot.pause()
        assert app.is_running
        assert any("ctrl+q again" in message for message in errors(app))
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 1
    assert app.quit_without_saving
