"""`c2c actions` and `c2c series` print byte for byte the same with the folder index as without it."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from tests.cli.cli_support import run
from tests.unit.series_chain import build_chain
from tests.unit.test_library import flood, heat

from c2c_tui.core.followup import library
from c2c_tui.core.followup.folder_index import INDEX_FILE, read_index
from c2c_tui.core.store import save

COMMANDS = [
    ("actions",),
    ("actions", "--format", "csv"),
    ("actions", "--format", "md"),
    ("actions", "--format", "ics"),
    ("actions", "--status", "open"),
    ("series",),
    ("series", "--format", "html"),
]


def folder(tmp_path: Path) -> Path:
    build_chain(tmp_path, " \x1b[31m|#")  # user text that each format neutralises its own way
    save(tmp_path / "heat.toml", heat())
    save(tmp_path / "flood.toml", flood())
    (tmp_path / "broken.toml").write_text("title = [\n")
    return tmp_path


def stamped(out: str) -> str:
    return re.sub(r"DTSTAMP:\d{8}T\d{6}Z", "DTSTAMP:-", out)


def outputs(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> list[tuple[int, str, str]]:
    return [
        (code, stamped(out), err) for code, out, err in (run(capsys, *argv, tmp_path) for argv in COMMANDS)
    ]


def test_the_folder_commands_print_the_same_with_and_without_the_index(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    sessions = folder(tmp_path)
    with monkeypatch.context() as no_index:  # as c2c did before the index
        no_index.setattr(library, "read_index", lambda folder: {})
        no_index.setattr(library, "write_index", lambda folder, files: False)
        before = outputs(capsys, sessions)
    assert not (sessions / INDEX_FILE).exists()
    cold = outputs(capsys, sessions)  # builds the index
    assert (sessions / INDEX_FILE).exists()
    monkeypatch.setattr(library, "wall_ns", lambda: time.time_ns() + 60 * 10**9)  # files settled
    assert len(read_index(sessions)) == 6
    real_load = library.load
    loaded: list[Path] = []
    monkeypatch.setattr(library, "load", lambda path: loaded.append(path) or real_load(path))
    warm = outputs(capsys, sessions)
    assert loaded == []  # every file came from the index
    assert cold == before
    assert warm == before
    assert all(out for _, out, _ in before) and all("broken.toml" in err for _, _, err in before)
