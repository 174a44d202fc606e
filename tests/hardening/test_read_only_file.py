"""Issue 10 §2: a session file without write permission (mode 444) in a writable folder is never replaced.

It opens read-only (even for root, who could write it: the mode bits are what counts), the app says so when
it opens and on its status line, nothing is ever written, and quitting with changes asks first, as after any
failed save. A file without changes quits at once and says nothing was written."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from app_support import build, fresh, screen_text, steady  # noqa: F401

from c2c_tui.core.clock import FakeClock
from c2c_tui.core.store import SessionError, SessionFile

pytestmark = pytest.mark.usefixtures("steady")


def read_only_copy(tmp_path: Path) -> tuple[Path, FakeClock]:
    session_file, clock = fresh(tmp_path)
    session_file.close()
    os.chmod(session_file.path, 0o444)
    return session_file.path, clock


def said(app: Any, words: str) -> list[str]:
    return [n.message for n in app._notifications if words in n.message]


def test_a_mode_444_file_opens_read_only_and_is_never_saved(tmp_path: Path) -> None:
    path, _clock = read_only_copy(tmp_path)
    before, inode = path.read_bytes(), path.stat().st_ino
    with SessionFile.open(path) as opened:
        assert opened.read_only
        opened.session.title = "Mine"
        with pytest.raises(
            SessionError, match=r"workshop\.toml: read-only \(no write permission, mode 444\)"
        ):
            opened.save()
    assert path.read_bytes() == before and path.stat().st_ino == inode
    assert not (tmp_path / ".workshop.toml.lock").exists()


async def test_the_app_says_it_is_read_only_and_saves_nothing(tmp_path: Path) -> None:
    path, clock = read_only_copy(tmp_path)
    before, summary_before = path.read_bytes(), path.with_suffix(".md").read_bytes()
    session_file = SessionFile.open(path)
    app = build(session_file, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert said(app, "read-only (no write permission, mode 444)")
        assert "read-only" in screen_text(app)
        await pilot.press(*"n: typed anyway", "enter")
        await pilot.pause(0.5)
        assert len(said(app, "NOT SAVED")) == 1 and not said(app, "retrying")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running  # the first ctrl+q says what would be lost
        await pilot.press("ctrl+q")
        await pilot.pause()
    session_file.close()
    assert path.read_bytes() == before and path.with_suffix(".md").read_bytes() == summary_before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["workshop.md", "workshop.toml"]
