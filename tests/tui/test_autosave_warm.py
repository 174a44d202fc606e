"""The autosaver's warm-up: right after opening, the session file's TOML memo is filled from the live session,
writing nothing; the saves that follow write exactly what the plain writer would."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_support import build, fresh, steady, wait_for  # noqa: F401

from c2c_tui.core import store

pytestmark = pytest.mark.usefixtures("steady")


async def test_warm_fills_the_memo_writes_nothing_and_saves_stay_exact(tmp_path: Path) -> None:
    session_file, clock = fresh(tmp_path)
    before = session_file.path.read_bytes()
    app = build(session_file, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.saver.warm()
        await wait_for(pilot, lambda: len(session_file._memo) > 0)
        await app.workers.wait_for_complete()
        assert session_file.path.read_bytes() == before
        assert not app.saver.unsaved and app.saver.problem is None
        await pilot.press(*"n: after the warm-up", "enter")
        await wait_for(pilot, lambda: "after the warm-up" in session_file.path.read_text())
        app.session.entries[-1].text = "changed in place"
        app.saver.changed()
        await wait_for(pilot, lambda: "changed in place" in session_file.path.read_text())
        assert session_file.path.read_text() == store.dumps(app.session)


async def test_warm_after_a_save_has_started_leaves_the_memo_to_it(tmp_path: Path) -> None:
    session_file, clock = fresh(tmp_path)
    app = build(session_file, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"n: first", "enter")
        app.saver.warm()
        await wait_for(pilot, lambda: "first" in session_file.path.read_text())
        await app.workers.wait_for_complete()
        assert session_file.path.read_text() == store.dumps(app.session)
        assert app.saver.problem is None
