"""The memoised TOML writer (core/tomlmemo.py) gives exactly the text of the plain one, whatever the session
and whatever was changed in place since the last save; it is never served stale and never grows."""

from __future__ import annotations

import importlib.util
import typing
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, field_serializer
from session_strategies import moments, phases, sessions, texts

from c2c_tui.core import model as schema
from c2c_tui.core.model import Action, ClockEvent, Entry, Option, Session
from c2c_tui.core.store import HEADER, SessionFile, dumps, save
from c2c_tui.core.store.toml_memo import TomlMemo
from c2c_tui.core.store.toml_writer import dumps_tables

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 12, 12, tzinfo=UTC)
HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large]


def big_session(entries: int) -> Session:
    spec = importlib.util.spec_from_file_location("bigsession", ROOT / "bench" / "bigsession.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return typing.cast(Session, module.big_session(entries))


def same(session: Session, memo: TomlMemo) -> str:
    text = dumps(session, memo)
    assert text == dumps(session)
    return text


# -- edits in place, as the editor makes them ---------------------------------------------------------


def _edit_text(session: Session, data: st.DataObject) -> None:
    if session.entries:
        entry = data.draw(st.sampled_from(session.entries))
        entry.text = data.draw(texts)
        entry.edited = data.draw(st.one_of(st.none(), moments))


def _append(session: Session, data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(["e", "o", "a"]))
    if kind == "e":
        session.entries.append(
            Entry(id=session.next_id("e"), phase="reflect", kind="idea", text=data.draw(texts), created=NOW)
        )
    elif kind == "o":
        session.options.append(Option(id=session.next_id("o"), title=data.draw(texts), impact=3))
    else:
        session.actions.append(Action(id=session.next_id("a"), text=data.draw(texts), due=date(2027, 1, 2)))


def _delete(session: Session, data: st.DataObject) -> None:
    pool = data.draw(
        st.sampled_from([session.entries, session.options, session.actions, session.participants])
    )
    if pool:
        del pool[data.draw(st.integers(0, len(pool) - 1))]


def _reorder(session: Session, data: st.DataObject) -> None:
    pool = data.draw(st.sampled_from([session.entries, session.options, session.actions, session.clock]))
    pool[:] = data.draw(st.permutations(pool))


def _status(session: Session, data: st.DataObject) -> None:
    for action in session.actions[:1]:
        action.status = data.draw(st.sampled_from(schema.ACTION_STATUSES))
        action.due = data.draw(st.one_of(st.none(), st.dates()))
    for option in session.options[:1]:
        option.moscow = data.draw(st.one_of(st.none(), st.sampled_from(schema.MOSCOW)))
        option.risk = data.draw(st.one_of(st.none(), st.integers(1, 5)))


def _clock(session: Session, data: st.DataObject) -> None:
    adjust = data.draw(st.one_of(st.none(), st.dictionaries(phases, st.integers(-60, 60))))
    event = "rebalance" if adjust is not None else "pause"
    session.clock.append(ClockEvent(at=data.draw(moments), event=event, adjust=adjust))
    if session.clock[0].adjust is not None:
        session.clock[0].adjust["agree"] = 7  # a table changed in place, inside an item


def _setup(session: Session, data: st.DataObject) -> None:
    session.workshop.shared_before.append(data.draw(texts))
    session.agenda[0].minutes = data.draw(st.integers(1, 90))
    if session.workshop.pre_questions:
        session.workshop.pre_questions[0].answer = data.draw(texts)
    session.title = data.draw(texts.filter(bool))


EDITS = [_edit_text, _append, _delete, _reorder, _status, _clock, _setup]


@settings(max_examples=60, deadline=None, suppress_health_check=HEALTH)
@given(session=sessions(), data=st.data())
def test_the_memo_writes_exactly_what_the_plain_writer_writes_across_edits(
    session: Session, data: st.DataObject
) -> None:
    memo = TomlMemo()
    same(session, memo)
    same(session, memo)  # warm
    for edit in data.draw(st.lists(st.sampled_from(EDITS), min_size=1, max_size=8)):
        edit(session, data)
        same(session, memo)


@settings(max_examples=40, deadline=None, suppress_health_check=HEALTH)
@given(session=sessions())
def test_a_copy_made_from_a_snapshot_is_served_from_the_memo_with_the_same_text(session: Session) -> None:
    memo = TomlMemo()
    same(session, memo)
    copy = Session.model_validate(session.model_dump())  # what the autosave thread writes
    assert dumps(copy, memo) == dumps(session)


def test_the_bench_workshop_cold_warm_and_after_a_change() -> None:
    session = big_session(2000)
    memo = TomlMemo()
    same(session, memo)
    assert len(memo) >= 2000 + 200 + 200
    same(session, memo)
    session.entries.append(Entry(id="e99999", phase="agree", kind="note", text="one more", created=NOW))
    session.entries[10].text = "changed in place"
    session.actions[3].status = "done"
    del session.options[5]
    text = same(session, memo)
    assert 'text = "changed in place"' in text


# -- never stale ---------------------------------------------------------------------------------------


def test_a_change_in_place_is_never_served_stale() -> None:
    session = big_session(100)
    memo = TomlMemo()
    same(session, memo)
    entry, action, option = session.entries[0], session.actions[0], session.options[0]
    entry.text = "fixed the typo"
    entry.team = None
    action.status = "dropped" if action.status != "dropped" else "open"
    option.impact = 1 if option.impact != 1 else 2
    text = same(session, memo)
    assert 'text = "fixed the typo"' in text
    entry.text = "fixed the typo again"  # a second change to the same, already remembered, object
    assert 'text = "fixed the typo again"' in same(session, memo)
    # two items that swap their texts: each is still written with its own
    first, second = session.entries[1], session.entries[2]
    first.text, second.text = second.text, first.text
    same(session, memo)


def test_equal_values_of_other_types_are_not_confused() -> None:
    class Item(BaseModel):
        value: int | float | bool | str

    class Holder(BaseModel):
        items: list[Item]

    holder = Holder(items=[Item(value=1)])
    memo = TomlMemo()
    for value in (1, 1.0, True, "1", 1, 0.0, -0.0, 0, False, 0.0):
        holder.items[0].value = value
        assert memo.dumps(holder) == dumps_tables(holder.model_dump(mode="python", exclude_none=True))


def test_the_same_item_in_two_arrays_gets_each_array_s_header() -> None:
    class Item(BaseModel):
        text: str

    class Holder(BaseModel):
        first: list[Item]
        second: list[Item]

    holder = Holder(first=[Item(text="same")], second=[Item(text="same")])
    text = TomlMemo().dumps(holder)
    assert text == dumps_tables(holder.model_dump(mode="python", exclude_none=True))
    assert "[[first]]" in text and "[[second]]" in text


def test_every_datetime_in_the_schema_is_kept_in_utc() -> None:
    """The memo relies on it: two equal datetimes with different offsets print differently."""
    local = datetime(2026, 11, 12, 10, 30, tzinfo=timezone(timedelta(hours=2)))
    models = [m for m in vars(schema).values() if isinstance(m, type) and issubclass(m, schema._Model)]
    seen = 0
    for cls in models:
        for name, field in cls.model_fields.items():
            if datetime in typing.get_args(field.annotation) or field.annotation is datetime:
                value = cls.model_validate({**_minimal(cls), name: local}).__dict__[name]
                assert value == local and value.utcoffset() == timedelta(0), f"{cls.__name__}.{name}"
                seen += 1
    assert seen >= 7


def _minimal(cls: type) -> dict[str, object]:
    required = {
        "Session": {"title": "T"},
        "ClockEvent": {"at": NOW, "event": "start"},
        "Entry": {"id": "e1", "phase": "agree", "kind": "note", "text": ""},
        "Option": {"id": "o1", "title": ""},
        "Action": {"id": "a1", "text": ""},
    }
    return dict(required.get(cls.__name__, {}))


# -- what the memo keeps -------------------------------------------------------------------------------


def test_the_memo_keeps_only_what_the_last_save_held() -> None:
    session = big_session(300)
    memo = TomlMemo()
    dumps(session, memo)
    before = len(memo)
    removed = len(session.entries) - 10
    del session.entries[10:]
    dumps(session, memo)
    assert len(memo) == before - removed
    for n in range(5):  # many edits of one item: still one remembered text for it
        session.entries[0].text = f"version {n}"
        dumps(session, memo)
    assert len(memo) == before - removed


def test_a_class_with_its_own_serialiser_is_dumped_by_pydantic() -> None:
    class Shouting(BaseModel):
        word: str

        @field_serializer("word")
        def _loud(self, word: str) -> str:
            return word.upper()

    class Holder(BaseModel):
        title: str = "x"
        items: list[Shouting]

    holder = Holder(items=[Shouting(word="quiet"), Shouting(word="calm")])
    memo = TomlMemo()
    for _ in range(2):
        assert memo.dumps(holder) == dumps_tables(holder.model_dump(mode="python", exclude_none=True))
    assert 'word = "QUIET"' in memo.dumps(holder)


# -- in the session file -------------------------------------------------------------------------------


def test_session_file_saves_use_the_memo_and_warm_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    save(path, big_session(200))
    with SessionFile.open(path) as opened:
        before = path.read_bytes()
        opened.warm()
        assert path.read_bytes() == before
        assert len(opened._memo) > 0
        opened.session.entries[0].text = "edited after the warm-up"
        opened.save(NOW)
        assert path.read_text() == dumps(opened.session)
        snapshot = Session.model_validate(opened.session.model_dump())
        opened.session.entries[1].text = "edited after the snapshot"
        opened.save(NOW, session=snapshot)
        assert path.read_text() == dumps(snapshot)
        assert "edited after the snapshot" not in path.read_text()


@pytest.mark.parametrize("header", ["", HEADER])
def test_an_empty_session_and_a_header(header: str) -> None:
    session = Session(title="T")
    assert TomlMemo().dumps(session, header) == dumps_tables(
        session.model_dump(mode="python", exclude_none=True), header
    )
