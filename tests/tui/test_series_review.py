"""Since last time in the facilitator app: a follow-on made by core is opened, the review is offered in
the rapport phase, ctrl+r opens it and each carried item is reviewed with the keys; the file's
``[[reviews]]`` rows hold the outcomes, notes, owner and due date, stamped with the FakeClock's time; the
earlier file is never written."""

from __future__ import annotations

from datetime import date

import pytest
from app_support import screen_text
from series_support import FOLDER, REVIEW_AT, clock, series, steady  # noqa: F401

from c2c_tui.core import store
from c2c_tui.core.store import SessionFile
from c2c_tui.tui.dialogs.choice import ChoiceDialog
from c2c_tui.tui.dialogs.text_dialog import TextDialog
from c2c_tui.tui.run.app import make_app
from c2c_tui.tui.run.help import HelpScreen, command_sections
from c2c_tui.tui.run.review_screen import SinceLastTimeScreen

pytestmark = pytest.mark.usefixtures("series")


def notes(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.message for n in app._notifications]


async def test_the_review_with_the_keys_is_recorded_in_the_follow_on_only() -> None:
    first_bytes = (FOLDER / "first.toml").read_bytes()
    app = make_app(SessionFile.open(FOLDER / "second.toml"), clock=clock())
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        assert any("4 items from the earlier workshop to review" in n for n in notes(app))
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, SinceLastTimeScreen)
        assert "Since last time · 0 of 4 reviewed" in screen_text(app)
        await pilot.press("d")  # a1 done; on to a2
        await pilot.press("p")
        assert isinstance(app.screen, TextDialog)
        await pilot.press(*"draft sent", "enter")  # a2 in progress; on to a3
        await pilot.press("u", "ctrl+u", *"2027-02-15", "enter")  # a3: a new due date
        await pilot.press("w", "ctrl+u", *"Ana Ruiz", "enter")  # and a new owner
        assert "Since last time · 3 of 4 reviewed" in screen_text(app)
        await pilot.press("down", "enter")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("x")  # the offer: not taken up
        app.clear_notifications()  # the messages sit at the top right, over the table's right end
        await pilot.pause()
        text = screen_text(app)
        assert "4 of 4 reviewed" in text and "not taken up" in text and "in progress: draft sent" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, SinceLastTimeScreen)
        await pilot.press("ctrl+s")
    rows = {(r.kind, r.item): r for r in store.load(FOLDER / "second.toml").reviews or []}
    stamp = REVIEW_AT.replace(microsecond=0)
    assert rows["action", "a1"].outcome == "done" and rows["action", "a1"].at == stamp
    assert (rows["action", "a2"].outcome, rows["action", "a2"].note) == ("in_progress", "draft sent")
    a3 = rows["action", "a3"]
    assert (a3.outcome, a3.due, a3.owner, a3.at) == ("open", date(2027, 2, 15), "Ana Ruiz", stamp)
    assert rows["follow_up", "e1"].outcome == "dropped"
    assert (FOLDER / "first.toml").read_bytes() == first_bytes
    assert "Since last time" in (FOLDER / "second.md").read_text(encoding="utf-8")


async def test_the_review_key_is_in_the_help_and_a_workshop_following_none_says_so() -> None:
    app = make_app(SessionFile.open(FOLDER / "first.toml"), clock=clock())
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert not any("Since last time" in n for n in notes(app))  # nothing offered
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "ctrl+r")
        assert "Nothing carried from an earlier workshop" in screen_text(app)
        await pilot.press("d")  # nothing to review: one line, no crash
        await pilot.press("escape")
        assert not app.saver.unsaved


def test_f1_lists_the_review_key_under_the_series_heading() -> None:
    sections = dict(command_sections())
    assert any(
        keys == "ctrl+r" and "Since last time" in text for keys, text in sections["A series of workshops"]
    )


async def test_an_item_added_to_the_earlier_workshop_later_is_carried_when_the_follow_on_opens() -> None:
    earlier = store.load(FOLDER / "first.toml")
    earlier.actions.append(earlier.actions[0].model_copy(update={"id": "a9", "text": "Late action"}))
    store.save(FOLDER / "first.toml", earlier)
    app = make_app(SessionFile.open(FOLDER / "second.toml"), clock=clock())
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        assert any("5 items" in n for n in notes(app))
        await pilot.press("ctrl+s")
    assert [r.item for r in store.load(FOLDER / "second.toml").reviews or []][-1] == "a9"


def test_feedback_kinds_read_in_the_kind_column() -> None:
    from c2c_tui.tui.run.work.entry_list import kind_cell

    assert [kind_cell("feedback_useful", 4), kind_cell("feedback_keep"), kind_cell("feedback_change")] == [
        "useful 4",
        "fb keep",
        "fb change",
    ]
    assert max(len(kind_cell(k, 5)) for k in ("feedback_useful", "feedback_keep", "feedback_change")) <= 9
