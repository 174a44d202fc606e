"""The capture line's draft in the session file: ``[capture] draft``, written only while it waits."""

from __future__ import annotations

from pathlib import Path

from c2c_tui.core import store
from c2c_tui.core.capture.draft import clear_draft, draft_of, keep_draft
from c2c_tui.core.model import Session
from c2c_tui.core.reading import load


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
