"""The folder index (``.c2c-index.json``): used when a file is unchanged, never trusted over the files.

Staleness (a file edited with the same size and mtime, renamed, deleted, new, changed a moment ago),
damage (truncated, garbage, another version, wrong shapes, hostile strings, a symlink planted at its
path, a folder that cannot be written) and two processes updating it at once.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.unit.test_library import NOW, flood, heat

from c2c_tui.core.followup import folder_index, library
from c2c_tui.core.followup.folder_index import INDEX_FILE, read_index
from c2c_tui.core.followup.library import scan
from c2c_tui.core.reading.errors import SessionError
from c2c_tui.core.store import save


@pytest.fixture
def later(monkeypatch: pytest.MonkeyPatch) -> None:
    """The files were last changed long ago (as in daily use): an unchanged file's entry is trusted."""
    monkeypatch.setattr(library, "wall_ns", lambda: time.time_ns() + 60 * 10**9)


def folder_of(tmp_path: Path) -> Path:
    save(tmp_path / "heat.toml", heat())
    save(tmp_path / "flood.toml", flood())
    return tmp_path


def titles(folder: Path) -> list[str]:
    return [info.title for info in scan(folder, NOW).sessions]


def forge(folder: Path, name: str, title: str) -> None:
    """Change the title recorded for ``name`` in the index, keeping the file's identity."""
    path = folder / INDEX_FILE
    data = json.loads(path.read_text())
    data["files"][name]["outline"]["title"] = title
    path.write_text(json.dumps(data))


def test_a_scan_writes_the_index_and_the_next_takes_unchanged_files_from_it(
    tmp_path: Path, later: None
) -> None:
    folder = folder_of(tmp_path)
    assert titles(folder) == ["Heat resilience", "Flood planning"]
    assert set(read_index(folder)) == {"heat.toml", "flood.toml"}
    forge(folder, "heat.toml", "From the index")  # only the index says so: proves it is read
    assert titles(folder) == ["From the index", "Flood planning"]


def test_what_the_index_keeps_is_what_the_views_show(tmp_path: Path, later: None) -> None:
    folder = folder_of(tmp_path)
    cold = scan(folder, NOW, use_index=False).sessions
    scan(folder, NOW)
    warm = scan(folder, NOW).sessions
    assert [(i.path, i.outline, i.entries, i.options, i.state, i.mtime) for i in warm] == [
        (i.path, i.outline, i.entries, i.options, i.state, i.mtime) for i in cold
    ]
    assert [i._search for i in warm] == [i._search for i in cold]
    heat_info = next(i for i in warm if i.title == "Heat resilience")
    assert (heat_info.entries, heat_info.options) == (1, 1)
    assert heat_info.outline.entries == [] and not hasattr(heat_info.outline, "options")  # counts only
    assert heat_info.load().entries[0].text == "Shade sails on every square"  # the file, in full


def test_a_file_edited_with_the_same_size_and_mtime_is_read_again(tmp_path: Path, later: None) -> None:
    folder = folder_of(tmp_path)
    path = folder / "heat.toml"
    scan(folder, NOW)
    before = path.stat()
    text = path.read_text()
    path.write_text(text.replace("Heat resilience", "Heat Resilience"))  # same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the same mtime
    assert path.stat().st_size == before.st_size
    assert "Heat Resilience" in titles(folder)


def test_a_file_changed_a_moment_ago_is_read_again_whatever_the_index_says(tmp_path: Path) -> None:
    folder = folder_of(tmp_path)  # just written: within the 2 s a same-tick edit could hide in
    scan(folder, NOW)
    forge(folder, "heat.toml", "From the index")
    assert titles(folder) == ["Heat resilience", "Flood planning"]


def test_renamed_deleted_and_new_files(tmp_path: Path, later: None) -> None:
    folder = folder_of(tmp_path)
    scan(folder, NOW)
    (folder / "heat.toml").rename(folder / "heat-2026.toml")
    (folder / "flood.toml").unlink()
    save(folder / "new.toml", flood().model_copy(update={"title": "Brand new"}))
    infos = scan(folder, NOW).sessions
    assert sorted((i.path.name, i.title) for i in infos) == [
        ("heat-2026.toml", "Heat resilience"),
        ("new.toml", "Brand new"),
    ]
    assert set(read_index(folder)) == {"heat-2026.toml", "new.toml"}  # gone files dropped


def test_a_bad_file_keeps_its_problem_line_and_a_fixed_one_is_read(tmp_path: Path, later: None) -> None:
    folder = folder_of(tmp_path)
    (folder / "bad.toml").write_text('title = "x"\nschema_version = 99\n')
    first = scan(folder, NOW).problems
    again = scan(folder, NOW).problems
    assert [p.message for p in again] == [p.message for p in first] and len(first) == 1
    assert first[0].message.startswith(f"{folder / 'bad.toml'}: ")
    assert read_index(folder)["bad.toml"].problem == first[0].message.removeprefix(f"{folder / 'bad.toml'}: ")
    save(folder / "bad.toml", flood().model_copy(update={"title": "Fixed"}))
    lib = scan(folder, NOW)
    assert lib.problems == [] and "Fixed" in [i.title for i in lib.sessions]


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # truncated
        lambda text: "\x00garbage{{{",
        lambda text: "",
        lambda text: "[]",
        lambda text: text.replace('"index_version":1', '"index_version":2'),
        lambda text: text.replace('"c2c":"', '"c2c":"0.0.0-other'),
        lambda text: text.replace('"schema_version":1,"files"', '"schema_version":7,"files"'),
        lambda text: text.replace('"files":{', '"files":{"x.toml":[1,2],', 1),  # a wrong shape
        lambda text: text.replace('"role":"seeking"', '"role":"nobody"', 1),  # an outline that fails
        lambda text: text.replace('"status":"open"', '"status":7', 1),
        lambda text: text.replace('"state":"', '"state":"flying', 1),
        lambda text: text.replace('"date":"2026-05-10"', '"date":"2026-05-40"', 1),
        lambda text: text.replace('"identity":[', '"identity":["a",', 1),
        lambda text: '{"files": ' * 5000,  # deep nesting
    ],
)
def test_a_damaged_index_is_ignored_and_rebuilt(tmp_path: Path, later: None, damage: object) -> None:
    folder = folder_of(tmp_path)
    scan(folder, NOW)
    path = folder / INDEX_FILE
    forged = path.read_text().replace('"title":"Heat resilience"', '"title":"Forged"')
    path.write_text(damage(forged))  # type: ignore[operator]
    assert titles(folder) == ["Heat resilience", "Flood planning"]
    assert set(read_index(folder)) == {"heat.toml", "flood.toml"}  # rebuilt, and valid again


def test_a_hostile_problem_line_in_the_index_is_not_taken(tmp_path: Path, later: None) -> None:
    folder = folder_of(tmp_path)
    (folder / "bad.toml").write_text("not = [toml\n")
    scan(folder, NOW)
    path = folder / INDEX_FILE
    data = json.loads(path.read_text())
    assert data["files"]["bad.toml"]["problem"].startswith("invalid TOML")  # kept: its own line is taken
    data["files"]["bad.toml"]["problem"] = "\x1b]0;owned\x07 fine"
    path.write_text(json.dumps(data))
    (problem,) = scan(folder, NOW).problems
    assert "\x1b" not in problem.message and "owned" not in problem.message


def test_hostile_text_from_the_index_is_shown_as_file_text_is(tmp_path: Path, later: None) -> None:
    """A title with an escape sequence, as a file may hold one: the index keeps it as typed, and the
    folder commands neutralise it exactly as they do when it comes from the file."""
    from c2c_tui.core.followup import collect, render_table

    save(tmp_path / "one.toml", flood().model_copy(update={"title": "Flood \x1b[2J\x1b]0;x\x07 plan"}))
    cold = render_table(collect(scan(tmp_path, NOW, use_index=False), today=NOW.date()), NOW.date())
    scan(tmp_path, NOW)
    warm = render_table(collect(scan(tmp_path, NOW), today=NOW.date()), NOW.date())
    assert warm == cold and "\x1b" not in warm


def test_a_symlink_planted_at_the_index_path_is_neither_read_nor_written_through(
    tmp_path: Path, later: None
) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()
    folder_of(folder)
    scan(folder, NOW)
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text((folder / INDEX_FILE).read_text().replace("Heat resilience", "Forged"))
    (folder / INDEX_FILE).unlink()
    (folder / INDEX_FILE).symlink_to(elsewhere)
    before = elsewhere.read_bytes()
    save(folder / "new.toml", flood().model_copy(update={"title": "Brand new"}))
    assert "Forged" not in titles(folder)
    assert elsewhere.read_bytes() == before and (folder / INDEX_FILE).is_symlink()


def test_a_folder_that_cannot_be_written_goes_without_the_index(
    tmp_path: Path, later: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = folder_of(tmp_path)

    def refuse(path: object, data: bytes) -> None:
        raise SessionError(f"{path}: cannot save in {folder}: Read-only file system")

    monkeypatch.setattr(folder_index, "write_bytes_atomic", refuse)
    assert titles(folder) == ["Heat resilience", "Flood planning"]
    assert not (folder / INDEX_FILE).exists()
    assert sorted(p.name for p in folder.iterdir()) == ["flood.md", "flood.toml", "heat.md", "heat.toml"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in a read-only folder")
def test_a_read_only_folder_is_scanned_without_a_message(tmp_path: Path) -> None:
    folder = folder_of(tmp_path)
    folder.chmod(0o555)
    try:
        assert titles(folder) == ["Heat resilience", "Flood planning"]
    finally:
        folder.chmod(0o755)
    assert not (folder / INDEX_FILE).exists()


SCANNER = """
import sys, time
from pathlib import Path
from c2c_tui.core.followup import library
library.wall_ns = lambda: time.time_ns() + 60 * 10**9
for _ in range(int(sys.argv[2])):
    library.scan(Path(sys.argv[1]))
"""


def test_two_processes_updating_the_index_at_once_never_corrupt_it(tmp_path: Path, later: None) -> None:
    folder = folder_of(tmp_path)
    for n in range(20):
        save(folder / f"more{n:02d}.toml", flood().model_copy(update={"title": f"More {n}"}))
    runs = [
        subprocess.Popen([sys.executable, "-c", SCANNER, str(folder), "15"], stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    for n in range(15):  # files change under them: each scan writes a new index
        save(folder / f"more{n:02d}.toml", flood().model_copy(update={"title": f"Changed {n}"}))
        scan(folder, NOW)
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err.decode()
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]  # no temporary file left
    json.loads((folder / INDEX_FILE).read_text())  # whole, whichever writer was last
    assert len(read_index(folder)) == 22
    expected = sorted(i.title for i in scan(folder, NOW, use_index=False).sessions)
    assert sorted(titles(folder)) == expected
    assert "Changed 14" in expected and "More 19" in expected
