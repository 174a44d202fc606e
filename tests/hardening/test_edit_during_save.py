"""Issue 10 §4: a hand edit made while c2c writes a save is never lost.

The save is checked against the file on disk twice: before it writes, and again after the fsync of its
temporary file, right before the rename. An edit in between (here made from inside the fsync, so the test is
deterministic: no race, no sleep) keeps the edited file, and c2c's version goes to the conflict file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from c2c_tui.core import store
from c2c_tui.core.model import Entry, Session
from c2c_tui.core.store import SessionError, SessionFile, atomic


class EditDuringFsync:
    """Stands in for ``os`` inside the atomic writer: the first fsync (of the temporary file) also edits the
    session file in place, as a script or an editor would while the save is being written."""

    def __init__(self, real: Any, path: Path) -> None:
        self.real, self.path = real, path
        self.edited = False

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def fsync(self, fd: int) -> None:
        self.real.fsync(fd)
        if not self.edited:
            self.edited = True
            text = self.path.read_text(encoding="utf-8")
            with open(self.path, "r+", encoding="utf-8") as handle:  # in place: same file, new bytes
                handle.write(text.replace('title = "Before"', 'title = "Hand"'))
                handle.truncate()


def big_session() -> Session:
    session = Session(title="Before")
    session.entries = [
        Entry(id=f"e{i}", phase="insights", kind="note", text=f"note {i}") for i in range(2000)
    ]
    return session


def test_an_edit_made_during_the_save_is_kept_and_ours_goes_to_the_conflict_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "w.toml"
    store.save(path, big_session())
    editor = EditDuringFsync(atomic.os, path)
    with SessionFile.open(path) as opened:
        opened.session.entries[0].text = "ours"
        monkeypatch.setattr(atomic, "os", editor)
        with pytest.raises(SessionError, match="changed on disk by another program") as refused:
            opened.save()
        monkeypatch.undo()
        assert editor.edited
        assert store.load(path).title == "Hand"  # their edit survives
        assert opened.conflict_path is not None and str(opened.conflict_path) in str(refused.value)
        ours = store.load(opened.conflict_path)
        assert ours.title == "Before" and ours.entries[0].text == "ours"  # and so does ours
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_without_an_edit_the_second_check_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    store.save(path, big_session())
    with SessionFile.open(path) as opened:
        opened.session.title = "Mine"
        opened.save()
        opened.save()
        assert opened.conflict_path is None
    assert store.load(path).title == "Mine"
