"""Issue 12 §4: the capture line in the real app never stores a surprise.

A line typed on after a refusal (``a: n: see ...``) is refused naming both prefixes and kept for fixing;
the kind names work as prefixes; an unknown ``@name`` and a past ``due:`` date say so.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from app_support import build, fresh, steady  # noqa: F401
from textual.widgets import Input, Static

pytestmark = pytest.mark.usefixtures("steady")


def notes_line(app: object) -> str:
    return str(app.screen.query_one("#capture-notes", Static).render())  # type: ignore[attr-defined]


async def test_two_prefixes_are_refused_and_the_line_is_kept(tmp_path: Path) -> None:
    app = build(*fresh(tmp_path))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f5", *["pagedown"] * 4)
        assert app.current_phase == "agree"
        await pilot.press(*"a: n: see the heat map", "enter")
        await pilot.pause()
        assert app.session.actions == [] and app.session.entries == []
        assert "two prefixes: a: (action) and n: (note)" in notes_line(app)
        assert app.screen.query_one("#capture", Input).value == "a: n: see the heat map"


async def test_kind_names_work_as_prefixes(tmp_path: Path) -> None:
    app = build(*fresh(tmp_path))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f5", "pagedown", "pagedown")
        assert app.current_phase == "insights"
        for line in ("gap: nobody mentioned nights", "Idea: shade sails", "question: who pays"):
            await pilot.press(*line, "enter")
            await pilot.pause()
        assert [(e.kind, e.text) for e in app.session.entries] == [
            ("gap", "nobody mentioned nights"),
            ("idea", "shade sails"),
            ("question", "who pays"),
        ]
        await pilot.press(*"action: call the libraries", "enter")
        await pilot.pause()
        assert [a.text for a in app.session.actions] == ["call the libraries"]


async def test_unknown_person_and_past_due_date_say_so(tmp_path: Path) -> None:
    session_file, clock = fresh(tmp_path)
    clock.set(datetime(2026, 6, 1, 9, 0, tzinfo=UTC))
    app = build(session_file, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f5", *["pagedown"] * 4)
        await pilot.press(*"a: Draft the plan @Nobody due:2026-05-31", "enter")
        await pilot.pause()
        [action] = app.session.actions
        assert (action.text, action.owner, str(action.due)) == ("Draft the plan", "Nobody", "2026-05-31")
        notes = notes_line(app)
        assert "new person: Nobody" in notes
        assert "due 2026-05-31 is in the past" in notes
