"""PageUp on a workshop that finished long ago (issue 10 §7): a clicker press 19 days later reopened it and
rewrote its clock ("26883 min behind plan"). Reopening a workshop that finished more than an hour ago
(by the injected clock) now asks first; a workshop that finished just now reopens at once, as before."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from app_support import build, fresh, steady  # noqa: F401

from c2c_tui.core.model import ClockEvent
from c2c_tui.core.store import SessionFile
from c2c_tui.tui.dialogs.confirm import ConfirmDialog

pytestmark = pytest.mark.usefixtures("steady")


def finished(tmp_path: Path, ago: timedelta) -> tuple[SessionFile, object]:
    session_file, fake = fresh(tmp_path)
    end = fake.now() - ago
    session_file.session.clock.extend(
        [
            ClockEvent(at=end - timedelta(minutes=90), event="start", phase="rapport"),
            ClockEvent(at=end, event="finish", phase="rapport"),
        ]
    )
    session_file.save()
    return session_file, fake


async def test_pageup_19_days_after_the_finish_asks_first(tmp_path: Path) -> None:
    session_file, fake = finished(tmp_path, timedelta(days=19))
    app = build(session_file, fake)  # type: ignore[arg-type]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("pageup")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "finished 19 days ago" in app.screen.question
        await pilot.press("pageup")  # a second clicker press does not stack a second question
        await pilot.pause()
        assert len([s for s in app.screen_stack if isinstance(s, ConfirmDialog)]) == 1
        await pilot.press("n")
        await pilot.pause()
        assert app.clock_state().state == "finished" and len(app.session.clock) == 2
        await pilot.press("pageup")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        assert app.clock_state().state == "paused" and app.session.clock[-1].event == "back"


async def test_pageup_just_after_the_finish_reopens_at_once(tmp_path: Path) -> None:
    session_file, fake = finished(tmp_path, timedelta(minutes=10))
    app = build(session_file, fake)  # type: ignore[arg-type]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("pageup")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        assert app.clock_state().state == "paused"
