"""core.editor: every change is undoable, and a failed change leaves the session as it was."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from c2c_tui.core.capture import parse
from c2c_tui.core.capture.editor import EditError, Editor, item_kind, item_text
from c2c_tui.core.model import Session, Team

NOW = datetime(2026, 5, 4, 9, 30, tzinfo=UTC)
LATER = NOW + timedelta(minutes=5)


def make_session() -> Session:
    return Session(
        title="Heat",
        teams=[
            Team(id="t1", name="Athens Resilience Office", role="seeking"),
            Team(id="t2", name="Seville City Council", role="advisor"),
        ],
    )


def add(editor: Editor, line: str, phase: str = "insights"):
    return editor.add_capture(parse(line, phase, editor.session.teams), phase, NOW)  # type: ignore[arg-type]


def dump(session: Session) -> dict:
    return session.model_dump()


def test_add_then_undo_removes_the_item() -> None:
    editor = Editor(make_session())
    entry = add(editor, "s: shade maps #seville")
    assert (entry.kind, entry.team, entry.phase) == ("surprise", "t2", "insights")
    assert editor.can_undo and editor.undo_label == "add surprise"
    assert editor.undo() == "add surprise"
    assert editor.session.entries == []
    assert not editor.can_undo and editor.undo() is None


def test_add_action_goes_to_actions_with_owner_and_due() -> None:
    editor = Editor(make_session())
    action = add(editor, "a: Draft plan @Maria due:2026-12-15", "agree")
    assert editor.session.actions == [action]
    assert (action.owner, action.due, action.status) == ("Maria", date(2026, 12, 15), "open")


def test_update_text_stamps_edited_and_undo_restores_text_and_stamp() -> None:
    editor = Editor(make_session())
    entry = add(editor, "n: typo hre")
    before = dump(editor.session)
    editor.update(entry.id, LATER, text="typo here")
    assert entry.text == "typo here" and entry.edited == LATER
    assert editor.undo() == "set text of note"
    assert dump(editor.session) == before


def test_update_with_no_real_change_records_nothing() -> None:
    editor = Editor(make_session())
    entry = add(editor, "n: same")
    editor.update(entry.id, LATER, text="same")
    assert entry.edited is None
    assert editor.undo() == "add note"


def test_option_scores_and_moscow_each_undo_one_step() -> None:
    editor = Editor(make_session())
    option = add(editor, "o: Cooling centres in libraries #seville", "reflect")
    editor.update(option.id, LATER, moscow="must")
    editor.update(option.id, LATER, impact=5)
    editor.update(option.id, LATER, risk=2)
    assert (option.moscow, option.impact, option.risk) == ("must", 5, 2)
    assert editor.undo() == "set risk of option"
    assert (option.moscow, option.impact, option.risk) == ("must", 5, None)
    editor.undo()
    editor.undo()
    assert (option.moscow, option.impact, option.risk) == (None, None, None)


def test_invalid_update_raises_one_line_and_records_nothing() -> None:
    editor = Editor(make_session())
    option = add(editor, "o: Trees", "reflect")
    before = dump(editor.session)
    with pytest.raises(EditError) as error:
        editor.update(option.id, LATER, impact=9)
    assert "\n" not in str(error.value) and "impact" in str(error.value)
    with pytest.raises(EditError, match="no team"):
        editor.update(option.id, LATER, team="t9")
    with pytest.raises(EditError, match="cannot be empty"):
        editor.update(option.id, LATER, title="  ")
    assert dump(editor.session) == before
    assert editor.undo_label == "add option"


def test_action_fields_update_and_undo() -> None:
    editor = Editor(make_session())
    action = add(editor, "a: Call the libraries", "agree")
    editor.update(action.id, LATER, owner="Nikos", due=date(2026, 7, 1), text="Call the city libraries")
    assert (action.owner, action.due, action.updated) == ("Nikos", date(2026, 7, 1), LATER)
    assert editor.undo_label == "set owner and due date and text of action"
    editor.update(action.id, LATER, status="done")
    editor.undo()
    assert action.status == "open"
    editor.undo()
    assert (action.owner, action.due, action.text) == ("", None, "Call the libraries")


def test_delete_and_undo_puts_it_back_in_place() -> None:
    editor = Editor(make_session())
    ids = [add(editor, f"n: line {i}").id for i in range(3)]
    before = dump(editor.session)
    deleted = editor.delete(ids[1])
    assert [e.id for e in editor.session.entries] == [ids[0], ids[2]]
    assert item_text(deleted) == "line 1"
    assert editor.undo() == "delete note"
    assert dump(editor.session) == before


def test_delete_unknown_id_is_an_edit_error() -> None:
    editor = Editor(make_session())
    with pytest.raises(EditError, match="no item"):
        editor.delete("e99")
    assert not editor.can_undo


def test_rekind_between_entry_kinds_keeps_the_id() -> None:
    editor = Editor(make_session())
    entry = add(editor, "s: no heat plan #seville")
    same = editor.rekind(entry.id, "gap", LATER)
    assert same is entry and entry.kind == "gap" and entry.edited == LATER
    assert editor.undo() == "change surprise to gap"
    assert entry.kind == "surprise" and entry.edited is None


def test_rekind_entry_to_option_moves_it_and_undo_moves_it_back() -> None:
    editor = Editor(make_session())
    entry = add(editor, "i: Shade sails @Ana #seville")
    before = dump(editor.session)
    option = editor.rekind(entry.id, "option", LATER)
    assert item_kind(option) == "option"
    assert editor.session.entries == [] and editor.session.options == [option]
    assert (option.title, option.team, option.speaker) == ("Shade sails", "t2", "Ana")
    assert editor.undo() == "change idea to option"
    assert dump(editor.session) == before


def test_rekind_action_to_entry_lands_in_the_given_phase() -> None:
    editor = Editor(make_session())
    action = add(editor, "a: Ask Seville for their maps @Maria", "agree")
    entry = editor.rekind(action.id, "follow_up", LATER, phase="agree")
    assert item_kind(entry) == "follow_up" and entry.phase == "agree" and entry.speaker == "Maria"
    assert editor.session.actions == []


def test_rekind_to_same_kind_records_nothing() -> None:
    editor = Editor(make_session())
    entry = add(editor, "n: x")
    assert editor.rekind(entry.id, "note", LATER) is entry
    assert editor.undo_label == "add note"


def test_literal_markup_text_survives_every_change() -> None:
    editor = Editor(make_session())
    entry = add(editor, "n: [bold]x[/] [@click=app.quit]")
    assert entry.text == "[bold]x[/] [@click=app.quit]"
    editor.update(entry.id, LATER, text="[link=http://x]y[/link]")
    assert editor.find(entry.id).text == "[link=http://x]y[/link]"  # type: ignore[union-attr]


def test_undo_history_is_bounded() -> None:
    editor = Editor(make_session(), depth=3)
    for i in range(5):
        add(editor, f"n: {i}")
    assert [editor.undo() for _ in range(4)] == ["add note", "add note", "add note", None]
    assert [e.text for e in editor.session.entries] == ["0", "1"]
