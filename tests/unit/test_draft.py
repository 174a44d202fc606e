"""The capture line in the session file: ``[capture] draft`` and ``history``, written only while they hold
something, validated, kept as typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from c2c_tui.core import store
from c2c_tui.core.capture.draft import HISTORY_KEPT, clear_draft, draft_of, entered, history_of, keep_draft
from c2c_tui.core.model import Session
from c2c_tui.core.reading import load, loads
from c2c_tui.core.reading.errors import SessionError


def test_a_draft_is_kept_in_the_file_and_gone_once_entered(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    session = Session(title="Draft")
    store.save(path, session)
    plain = path.read_text()
    assert "[capture]" not in plain
    assert keep_draft(session, "half [b] typed ")
    assert not keep_draft(session, "half [b] typed ")  # unchanged
    store.save(path, session)
    assert draft_of(load(path)) == "half [b] typed "
    assert clear_draft(session)
    store.save(path, session)
    assert path.read_text() == plain


def test_a_blank_line_is_no_draft() -> None:
    session = Session(title="Draft")
    assert not keep_draft(session, "   ")
    assert session.capture is None


def test_entered_lines_join_the_history_as_typed_and_clear_the_draft(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    session = Session(title="History")
    keep_draft(session, "a: half")
    assert entered(session, "a: Plan the map @Ines due:2026-12-15 \x1b[31m")
    assert draft_of(session) is None
    assert entered(session, "n: second")
    assert not entered(session, "n: second")  # the same line again: kept once, nothing changed
    store.save(path, session)
    text = path.read_text()
    assert (
        '[capture]\nhistory = [\n    "a: Plan the map @Ines due:2026-12-15 \\u001b[31m",\n' in text
    )  # a line each
    assert history_of(load(path)) == ["a: Plan the map @Ines due:2026-12-15 \x1b[31m", "n: second"]


def test_the_history_keeps_the_last_lines_only() -> None:
    session = Session(title="History")
    for n in range(HISTORY_KEPT + 7):
        entered(session, f"line {n}")
    assert history_of(session) == [f"line {n}" for n in range(7, HISTORY_KEPT + 7)]
    assert not entered(session, "   ")  # a blank line is no history


def test_a_draft_and_a_history_live_side_by_side() -> None:
    session = Session(title="History")
    entered(session, "one")
    assert keep_draft(session, "tw")
    assert session.capture is not None
    assert (session.capture.draft, session.capture.history) == ("tw", ["one"])
    assert clear_draft(session)
    assert session.capture is not None and session.capture.history == ["one"]


@pytest.mark.parametrize(
    ("table", "field"),
    [
        ('draft = "x"\nhistroy = ["y"]', "histroy"),  # a typo is refused, never dropped
        ("history = []", "history"),
        ('history = [""]', "history"),
        ("history = [" + ", ".join(f'"l{n}"' for n in range(HISTORY_KEPT + 1)) + "]", "history"),
        ('draft = ""', "draft"),
    ],
)
def test_the_capture_table_is_validated(table: str, field: str) -> None:
    with pytest.raises(SessionError, match=field):
        loads(f'schema_version = 1\ntitle = "T"\n\n[capture]\n{table}\n')
