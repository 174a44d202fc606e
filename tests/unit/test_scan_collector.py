"""A folder scan runs with Python's cyclic garbage collector paused (it makes objects it keeps, and no
garbage for the collector to find) and leaves the collector as it found it, on every way out."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from tests.unit.test_folder_index import folder_of

from c2c_tui.core.followup import library
from c2c_tui.core.followup.library import FolderError, scan


def test_the_collector_is_off_while_files_are_read_and_on_again_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = folder_of(tmp_path)
    seen: list[bool] = []
    real_load = library.load

    def load(path: Path):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return real_load(path)

    monkeypatch.setattr(library, "load", load)
    assert gc.isenabled()
    assert len(scan(folder, use_index=False).sessions) == len(seen) > 0
    assert seen == [False] * len(seen)
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off_and_an_error_turns_it_back_on(tmp_path: Path) -> None:
    gc.disable()
    try:
        scan(folder_of(tmp_path))
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(FolderError):
        scan(tmp_path / "no-such-folder")
    assert gc.isenabled()
