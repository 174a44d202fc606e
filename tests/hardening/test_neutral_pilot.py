"""Issue 10 §3 inside the app (Pilot): every painted line of the run screen, its item lists and the edit
dialog holds no control character or bidi override from a hostile session; the lists show them visibly;
an Input pre-filled with the stored text keeps it exactly (editing never changes it)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from hostile import PAYLOAD, RAW, hostile_file
from textual.widgets import Input

from c2c_tui.core.clock import FakeClock
from c2c_tui.core.store import SessionFile, load
from c2c_tui.tui.dialogs.action_form import ActionForm
from c2c_tui.tui.run.app import C2CApp, make_app


def painted(app: C2CApp) -> str:
    """The text of every segment the screen would send to the terminal now."""
    update = app.screen._compositor.render_update(full=True)
    return "\n".join("".join(segment.text for segment in strip) for strip in update.strips)


async def test_the_run_screen_and_edit_dialog_paint_no_raw_control(tmp_path: Path) -> None:
    path = hostile_file(tmp_path)
    app = make_app(SessionFile.open(path), clock=FakeClock(datetime(2026, 11, 12, 16, 0, tzinfo=UTC)))
    async with app.run_test(size=(160, 40)) as pilot:
        seen = []
        for _ in range(4):  # every part of the day
            await pilot.press("pagedown")
            await pilot.pause()
            seen.append(painted(app))
        await pilot.press("escape")  # to the item list (Part 5: the actions)
        await pilot.pause()
        seen.append(painted(app))
        assert "\u241b]0;PWNED\u2407" in seen[-1]  # the list shows the text, neutralised
        await pilot.press("e")  # edit the selected action: an Input pre-filled with the stored text
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)
        action = app.session.actions[-1]
        text, owner = action.text, action.owner
        assert app.screen.query_one("#form-text", Input).value == text  # the real text, to edit
        assert app.screen.query_one("#form-owner", Input).value == owner
        seen.append(painted(app))
        await pilot.press("enter")  # unchanged
        await pilot.pause()
        assert (app.session.actions[-1].text, app.session.actions[-1].owner) == (text, owner)
    for text in seen:
        found = RAW.findall(text)
        assert not found, f"raw characters painted: {sorted(set(found))!r}"
    assert all(a.text.endswith(PAYLOAD) for a in load(path).actions)
