"""Applying captures and edits to a session, and undoing them."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from c2c_tui.core.capture import Capture, parse
from c2c_tui.core.capture.ops import (
    EditError,
    UndoStack,
    add_capture,
    delete_item,
    find_item,
    rekind_entry,
    rekind_item,
    restore_item,
    undo_rekind,
    update_item,
)
from c2c_tui.core.model import Action, Entry, Option, Participant, Session, Team

NOW = datetime(2026, 6, 1, 9, 30, tzinfo=UTC)


@pytest.fixture
def session() -> Session:
    return Session(
        title="Heat resilience",
        teams=[
            Team(id="t-sev", name="Seville City Council", role="seeking"),
            Team(id="t-sea", name="Seattle Office", role="advisor"),
        ],
        participants=[Participant(id="p1", name="Maria Lopez", team="t-sev")],
        entries=[
            Entry(id="e1", phase="insights", kind="surprise", text="No shade maps", team="t-sea"),
            Entry(id="e2", phase="insights", kind="idea", text="Misting", speaker="Ana"),
        ],
        options=[Option(id="o1", title="Cool roofs", moscow="must", impact=4, risk=2, detail="on schools")],
        actions=[
            Action(id="a1", text="Map shade", owner="Maria Lopez", due=date(2026, 9, 1), note="with GIS")
        ],
    )


def add(session: Session, line: str, phase: str = "insights") -> Entry | Option | Action:
    capture = parse(line, phase, session.teams, session.participants)
    return add_capture(session, capture, phase, NOW)  # type: ignore[arg-type]


def ids(session: Session) -> tuple[list[str], list[str], list[str]]:
    return [e.id for e in session.entries], [o.id for o in session.options], [a.id for a in session.actions]


# -- add_capture ----------------------------------------------------------------------------------------


def test_add_entry_with_phase_kind_team_speaker(session: Session) -> None:
    item = add(session, "g: #seville no heat-health warning @Maria")
    assert isinstance(item, Entry)
    assert session.entries[-1] is item
    assert (item.id, item.phase, item.kind, item.text) == ("e3", "insights", "gap", "no heat-health warning")
    assert (item.team, item.speaker, item.created) == ("t-sev", "Maria Lopez", NOW)


def test_add_option(session: Session) -> None:
    item = add(session, "Shade sails over bus stops #seattle @Dolores", "reflect")
    assert isinstance(item, Option)
    assert session.options[-1] is item
    assert (item.id, item.title, item.team, item.speaker) == (
        "o2",
        "Shade sails over bus stops",
        "t-sea",
        "Dolores",
    )
    assert item.moscow is None and item.created == NOW


def test_add_action(session: Session) -> None:
    item = add(session, "a: Draft the cooling-centre plan with libraries @Maria due:2026-12-15")
    assert isinstance(item, Action)
    assert session.actions[-1] is item
    assert (item.id, item.text, item.owner, item.due, item.status, item.team) == (
        "a2",
        "Draft the cooling-centre plan with libraries",
        "Maria Lopez",
        date(2026, 12, 15),
        "open",
        "t-sev",
    )


def test_add_action_without_owner(session: Session) -> None:
    item = add(session, "a: Book the room")
    assert isinstance(item, Action) and item.owner == "" and item.due is None


def test_added_items_survive_revalidation(session: Session) -> None:
    add(session, "n: [bold]x[/] <b>|</b> 🔥")
    add(session, "o: Cool roofs again")
    add(session, "a: Do it")
    again = Session.model_validate(session.model_dump())
    assert again.entries[-1].text == "[bold]x[/] <b>|</b> 🔥"
    assert ids(again) == (["e1", "e2", "e3"], ["o1", "o2"], ["a1", "a2"])


def test_add_refuses_unknown_team(session: Session) -> None:
    capture = Capture("note", "x", "t-nope", None, None, True, ())
    with pytest.raises(EditError, match="no team has the id 't-nope'"):
        add_capture(session, capture, "rapport", NOW)
    assert len(session.entries) == 2


# -- find / delete / restore ----------------------------------------------------------------------------


def test_find_item(session: Session) -> None:
    assert find_item(session, "e2") is session.entries[1]
    assert find_item(session, "o1") is session.options[0]
    assert find_item(session, "a1") is session.actions[0]
    assert find_item(session, "zz") is None


@pytest.mark.parametrize(("item_id", "list_name", "index"), [("e1", "entries", 0), ("o1", "options", 0)])
def test_delete_and_restore_in_place(session: Session, item_id: str, list_name: str, index: int) -> None:
    before = ids(session)
    item = find_item(session, item_id)
    assert delete_item(session, item_id) == (list_name, index, item)
    assert find_item(session, item_id) is None
    restore_item(session, list_name, index, item)  # type: ignore[arg-type]
    assert ids(session) == before


def test_delete_unknown_id(session: Session) -> None:
    with pytest.raises(EditError, match="no item has the id 'e9'"):
        delete_item(session, "e9")


def test_restore_refuses_duplicate(session: Session) -> None:
    with pytest.raises(EditError, match="already has an item with the id 'e1'"):
        restore_item(session, "entries", 0, session.entries[0].model_copy())


# -- update ------------------------------------------------------------------------------------------------


def test_update_returns_old_values_and_undo(session: Session) -> None:
    old = update_item(session, "o1", title="Cool roofs on schools", impact=5, team="t-sea")
    option = session.options[0]
    assert (option.title, option.impact, option.team) == ("Cool roofs on schools", 5, "t-sea")
    assert old == {"title": "Cool roofs", "impact": 4, "team": None}
    update_item(session, "o1", **old)
    assert (option.title, option.impact, option.team) == ("Cool roofs", 4, None)


def test_update_validates_all_or_nothing(session: Session) -> None:
    with pytest.raises(EditError, match="risk"):
        update_item(session, "o1", title="Changed", risk=9)
    assert session.options[0].title == "Cool roofs" and session.options[0].risk == 2


@pytest.mark.parametrize(
    ("item_id", "changes", "message"),
    [
        ("a1", {"status": "maybe"}, "status"),
        ("a1", {"due": "2026-02-30"}, "due"),
        ("e1", {"kind": "option"}, "kind"),
        ("e1", {"team": "t-nope"}, "no team has the id 't-nope'"),
        ("e1", {"id": "e7"}, "id cannot be changed"),
        ("e1", {"colour": "red"}, "entry has no field 'colour'"),
        ("e1", {"text": "  "}, "text cannot be empty"),
        ("zz", {"text": "x"}, "no item has the id 'zz'"),
    ],
)
def test_update_refusals(session: Session, item_id: str, changes: dict[str, object], message: str) -> None:
    before = session.model_dump()
    with pytest.raises(EditError, match=message):
        update_item(session, item_id, **changes)
    assert session.model_dump() == before


def test_update_coerces_like_the_file(session: Session) -> None:
    update_item(session, "a1", due="2026-10-01", status="done")
    assert session.actions[0].due == date(2026, 10, 1) and session.actions[0].status == "done"


# -- rekind -------------------------------------------------------------------------------------------


def test_rekind_entry_kind_in_place_and_undo(session: Session) -> None:
    entry = session.entries[0]
    change = rekind_entry(session, "e1", "gap")
    assert change is not None and change.item is entry and entry.kind == "gap"
    undo_rekind(session, change)
    assert session.entries[0] is entry and entry.kind == "surprise"


def test_rekind_same_kind_is_nothing(session: Session) -> None:
    assert rekind_entry(session, "e1", "surprise") is None
    assert rekind_item(session, "o1", "option") is None


def test_rekind_entry_to_option_and_back(session: Session) -> None:
    before = session.model_dump()
    change = rekind_entry(session, "e2", "option")
    assert change is not None
    assert isinstance(change.item, Option) and session.options[-1] is change.item
    assert (change.item.id, change.item.title, change.item.speaker) == ("o2", "Misting", "Ana")
    assert [e.id for e in session.entries] == ["e1"]
    assert (change.list_name, change.index, change.old.id) == ("entries", 1, "e2")
    undo_rekind(session, change)
    assert session.model_dump() == before


def test_rekind_entry_to_action_speaker_becomes_owner(session: Session) -> None:
    change = rekind_entry(session, "e2", "action")
    assert change is not None and isinstance(change.item, Action)
    assert (change.item.id, change.item.text, change.item.owner, change.item.status) == (
        "a2",
        "Misting",
        "Ana",
        "open",
    )


def test_rekind_option_to_entry_keeps_detail(session: Session) -> None:
    before = session.model_dump()
    change = rekind_item(session, "o1", "consideration")
    assert change is not None and isinstance(change.item, Entry)
    assert (change.item.id, change.item.phase, change.item.kind) == ("e3", "reflect", "consideration")
    assert change.item.text == "Cool roofs\non schools"
    assert session.options == []
    undo_rekind(session, change)
    assert session.model_dump() == before  # the scores come back


def test_rekind_action_to_entry_in_given_phase(session: Session) -> None:
    change = rekind_item(session, "a1", "follow_up", phase="insights")
    assert change is not None and isinstance(change.item, Entry)
    assert (change.item.phase, change.item.text, change.item.speaker) == (
        "insights",
        "Map shade\nwith GIS",
        "Maria Lopez",
    )


def test_rekind_action_to_option(session: Session) -> None:
    change = rekind_item(session, "a1", "option")
    assert change is not None and isinstance(change.item, Option)
    assert (change.item.title, change.item.detail, change.item.speaker) == (
        "Map shade",
        "with GIS",
        "Maria Lopez",
    )


def test_rekind_refusals(session: Session) -> None:
    with pytest.raises(EditError, match="unknown kind 'rumour'"):
        rekind_entry(session, "e1", "rumour")
    with pytest.raises(EditError, match="'o1' is not an entry"):
        rekind_entry(session, "o1", "note")
    with pytest.raises(EditError, match="no item has the id"):
        rekind_item(session, "e9", "note")


# -- undo stack ---------------------------------------------------------------------------------------------


def test_undo_stack_reverses_newest_first(session: Session) -> None:
    stack = UndoStack()
    assert (stack.can_undo, stack.label, stack.undo()) == (False, None, None)
    item = add(session, "n: first")
    stack.push("add note", lambda: delete_item(session, item.id))
    list_name, index, removed = delete_item(session, "e1")
    stack.push("delete surprise", lambda: restore_item(session, list_name, index, removed))
    assert (stack.can_undo, stack.label, len(stack)) == (True, "delete surprise", 2)
    assert stack.undo() == "delete surprise"
    assert ids(session)[0] == ["e1", "e2", "e3"]
    assert stack.undo() == "add note"
    assert ids(session)[0] == ["e1", "e2"]
    assert stack.can_undo is False and stack.undo() is None


def test_undo_stack_is_bounded() -> None:
    done: list[int] = []
    stack = UndoStack(depth=3)
    for n in range(5):
        stack.push(f"step {n}", lambda n=n: done.append(n))
    assert len(stack) == 3
    assert [stack.undo(), stack.undo(), stack.undo(), stack.undo()] == ["step 4", "step 3", "step 2", None]
    assert done == [4, 3, 2]


def test_undo_stack_clear() -> None:
    stack = UndoStack()
    stack.push("x", lambda: None)
    stack.clear()
    assert not stack.can_undo
