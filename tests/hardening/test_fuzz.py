"""Fuzzing the store and the capture parser: arbitrary text, arbitrary TOML documents and damaged session
files give a session or one clear line (SessionError), never a traceback; a refused file is never changed,
and nothing is left beside it. Any capture line gives a capture or a CaptureError, and what it adds always
saves and reads back."""

from __future__ import annotations

import os
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import tomli_w
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from session_strategies import sessions

from c2c_tui.core import store
from c2c_tui.core.capture import CaptureError, kind_for, parse
from c2c_tui.core.capture.editor import Editor
from c2c_tui.core.model import PHASE_IDS, Participant, Session, Team
from c2c_tui.core.store import SessionError, SessionFile

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NOW = datetime(2026, 11, 12, 10, 0, tzinfo=UTC)


def session_or_one_line(text: str) -> Session | None:
    """``store.loads``: a Session, or None after checking the refusal is one line naming the file."""
    try:
        return store.loads(text, "fuzz.toml")
    except SessionError as error:
        message = str(error)
        assert message.startswith("fuzz.toml: ") and "\n" not in message and "\r" not in message, message
        return None


# -- arbitrary text -------------------------------------------------------------------------------

TOMLISH = st.lists(
    st.one_of(
        st.text(max_size=15),
        st.sampled_from(
            [
                "schema_version = 1\n",
                'title = "T"\n',
                "[[entries]]\n",
                "[workshop]\n",
                '"',
                "'''",
                '"""',
                "[",
                "]",
                "=",
                "\\u0000",
                "\\",
                "#",
                "\n",
                "1" * 5000,
                "[" * 2000,
                "{ a = " * 600,
                "2026-02-30",
                "9999-12-31T23:59:59-23:59",
                "0001-01-01T00:00:00+23:59",
                "\ufeff",
                "\x00",
                "\r\n",
            ]
        ),
    ),
    max_size=12,
).map("".join)


@FUZZ
@given(st.one_of(st.text(), TOMLISH))
@example("a = " + "1" * 5000)  # an integer Python will not convert
@example("a = " + "[" * 5000)  # nested too deeply
@example("schema_version = 1\ntitle = 'T'\ncreated = 0001-01-01T00:00:00+23:59")  # not in range as UTC
def test_arbitrary_text_is_a_session_or_one_line(text: str) -> None:
    session_or_one_line(text)


# -- arbitrary TOML documents ---------------------------------------------------------------------

SCALARS = st.one_of(
    st.text(max_size=10),
    st.integers(),
    st.booleans(),
    st.floats(allow_nan=True),
    st.dates(),
    st.datetimes(timezones=st.sampled_from([None, UTC])),
    st.times(),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
FIELDS = st.sampled_from(
    [
        "schema_version",
        "title",
        "created",
        "workshop",
        "settings",
        "capture",
        "draft",
        "history",
        "teams",
        "participants",
        "agenda",
        "clock",
        "entries",
        "options",
        "actions",
        "id",
        "phase",
        "kind",
        "text",
        "team",
        "minutes",
        "at",
        "event",
        "adjust",
        "moscow",
        "impact",
        "risk",
        "due",
        "status",
        "date",
        "start_time",
        "bell",
    ]
)


@FUZZ
@given(st.dictionaries(st.one_of(FIELDS, st.text(max_size=8)), VALUES, max_size=6))
def test_arbitrary_toml_documents_are_a_session_or_one_line(document: dict) -> None:
    session_or_one_line(tomli_w.dumps(document))


def _replace(value: object, path: list[object], new: object) -> object:
    if not path:
        return new
    head, *rest = path
    if isinstance(value, dict) and head in value:
        return {**value, head: _replace(value[head], rest, new)}
    if isinstance(value, list) and isinstance(head, int) and head < len(value):
        return [*value[:head], _replace(value[head], rest, new), *value[head + 1 :]]
    return value


def _paths(value: object, here: list[object]) -> list[list[object]]:
    found = [here]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, [*here, key])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, [*here, index])
    return found


@FUZZ
@given(sessions(), st.data())
def test_a_valid_session_with_any_one_value_changed_is_a_session_or_one_line(
    session: Session, data: st.DataObject
) -> None:
    document = tomllib.loads(store.dumps(session))
    path = data.draw(st.sampled_from(_paths(document, [])))
    changed = _replace(document, path, data.draw(VALUES))
    if isinstance(changed, dict):
        session_or_one_line(tomli_w.dumps(changed))


# -- a refused file is never changed --------------------------------------------------------------


@FUZZ
@given(
    st.one_of(
        st.binary(max_size=200),
        TOMLISH.map(lambda text: text.encode("utf-8", "surrogatepass")),
        sessions().map(lambda s: store.dumps(s).encode()[: len(store.dumps(s)) // 2]),  # cut short
    )
)
def test_a_refused_file_is_never_changed_and_nothing_is_left_beside_it(content: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "session.toml"
        path.write_bytes(content)
        for opening in (
            lambda: SessionFile.open(path),
            lambda: SessionFile.open(path, create=True),
            lambda: SessionFile.open(path, lock=False),
        ):
            try:
                opened = opening()
            except SessionError as error:
                assert "\n" not in str(error)
            else:
                opened.close()
                break  # it was a valid session after all
            assert path.read_bytes() == content
            assert os.listdir(folder) == ["session.toml"]


# -- the capture parser ---------------------------------------------------------------------------

TEAMS = [
    Team(id="valmora", name="Valmora City Council", role="seeking"),
    Team(id="seville", name="Seville City Council", role="advisor"),
    Team(id="sev2", name="Sevenoaks", role="advisor"),
]
PEOPLE = [
    Participant(id="p1", name="Maria Lopez", team="seville"),
    Participant(id="p2", name="María José", team="valmora"),
]
PIECES = [
    "n:",
    "a:",
    "o:",
    "?:",
    "x:",
    "#seville",
    "#sev",
    "#",
    "@Maria",
    "@",
    "@maría",
    "due:2026-12-15",
    "due:2026-02-30",
    "due:",
    "due:tomorrow",
    "[b]",
    "[/]",
    "|",
    "\n",
    "\r\n",
    "\t",
    " ",
    "\x00",
    "🌡️",
    "é",
]
CAPTURE_LINES = st.lists(st.one_of(st.text(max_size=8), st.sampled_from(PIECES)), max_size=10).map("".join)


@FUZZ
@given(st.one_of(st.text(), CAPTURE_LINES), st.sampled_from(PHASE_IDS))
def test_any_capture_line_is_a_capture_or_a_capture_error_and_saves_and_reads_back(
    line: str, phase: str
) -> None:
    kind_for(line, phase)  # never raises: it runs on every keystroke
    try:
        capture = parse(line, phase, TEAMS, PEOPLE)
    except CaptureError as error:
        assert str(error) and "\n" not in str(error)
        return
    session = Session(title="Fuzz", teams=TEAMS, participants=PEOPLE)
    item = Editor(session).add_capture(capture, phase, NOW)  # type: ignore[arg-type]
    again = store.loads(store.dumps(session))
    assert again == session
    stored = next(i for i in (*again.entries, *again.options, *again.actions) if i.id == item.id)
    assert getattr(stored, "title", None) or getattr(stored, "text", None)
