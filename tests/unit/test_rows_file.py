"""The home list's rows (``rows.Row``) and their file (``.c2c-rows.json``): the same as the outlines say,
used when a file is unchanged, never trusted over the files; and the actions' latest counts from the rows
alone (``row_latest``) the same as from the outlines (``latest.latest_of``).

Staleness, damage, a planted symlink, a folder that cannot be written and two writers, as for the
outline index (``test_folder_index.py``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from series_chain import T2, TODAY, build_chain, review
from tests.unit.test_library import NOW, flood, heat, mobility

from c2c_tui.core.followup import folder_index, library
from c2c_tui.core.followup.followon import follow_on
from c2c_tui.core.followup.latest import latest_of
from c2c_tui.core.followup.library import scan, scan_rows
from c2c_tui.core.followup.row_latest import rows_latest
from c2c_tui.core.followup.rows import ROWS_FILE, read_rows
from c2c_tui.core.reading.errors import SessionError
from c2c_tui.core.store import load, save


@pytest.fixture
def later(monkeypatch: pytest.MonkeyPatch) -> None:
    """The files were last changed long ago (as in daily use): an unchanged file's row is trusted."""
    monkeypatch.setattr(library, "wall_ns", lambda: time.time_ns() + 60 * 10**9)


def folder_of(tmp_path: Path) -> Path:
    save(tmp_path / "heat.toml", heat())
    save(tmp_path / "flood.toml", flood())
    return tmp_path


def titles(folder: Path) -> list[str]:
    return [info.title for info in scan_rows(folder, NOW).sessions]


def lines(folder: Path) -> tuple[dict[str, object], dict[str, list[object]]]:
    """The rows file as JSON: its header, and [identity, row, problem] by file name."""
    header, *rest = (json.loads(line) for line in (folder / ROWS_FILE).read_text().splitlines())
    return header, dict(rest)


def rewrite(folder: Path, header: dict[str, object], files: dict[str, list[object]]) -> None:
    text = "".join(json.dumps(line) + "\n" for line in [header, *files.items()])
    (folder / ROWS_FILE).write_text(text)


def forge(folder: Path, name: str, title: str) -> None:
    """Change the title recorded for ``name`` in the rows file, keeping the file's identity."""
    header, files = lines(folder)
    files[name][1][0] = title  # type: ignore[index]
    rewrite(folder, header, files)


def shown(info: library.SessionInfo) -> tuple[object, ...]:
    """Everything the home list and its detail lines read of a session."""
    return (
        info.path, info.row, info.title, info.date, info.teams, info.state, info.entries, info.options,
        info.sort_date, info.mtime, info.open_actions, info.overdue_actions(TODAY),
    )  # fmt: skip


def test_a_row_scan_writes_the_rows_file_and_the_next_takes_unchanged_files_from_it(
    tmp_path: Path, later: None
) -> None:
    folder = folder_of(tmp_path)
    assert titles(folder) == ["Heat resilience", "Flood planning"]
    assert set(read_rows(folder)) == {"heat.toml", "flood.toml"}
    forge(folder, "heat.toml", "From the rows")  # only the rows file says so: proves it is read
    assert titles(folder) == ["From the rows", "Flood planning"]


def test_the_rows_are_what_the_files_say_and_the_outline_is_read_when_asked(
    tmp_path: Path, later: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = folder_of(tmp_path)
    save(folder / "mobility.toml", mobility())  # no date: sorted by its created day
    build_chain(folder)
    cold = scan(folder, NOW, use_index=False).sessions
    scan_rows(folder, NOW)
    loaded: list[Path] = []
    monkeypatch.setattr(library, "load", lambda path: loaded.append(path) or load(path))
    monkeypatch.setattr(library, "read_index", lambda folder: pytest.fail("the outline index was read"))
    warm = scan_rows(folder, NOW).sessions
    assert loaded == []  # every row from the rows file, no session read
    assert [shown(i) for i in warm] == [shown(i) for i in cold]
    assert all(i.known is None for i in warm)  # no outline held
    assert [i.outline for i in warm] == [i.outline for i in cold]  # each read from its file when asked
    assert sorted(loaded) == sorted(i.path for i in cold)


def test_a_file_edited_with_the_same_size_and_mtime_is_read_again(tmp_path: Path, later: None) -> None:
    folder = folder_of(tmp_path)
    path = folder / "heat.toml"
    scan_rows(folder, NOW)
    before = path.stat()
    path.write_text(path.read_text().replace("Heat resilience", "Heat Resilience"))  # same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the same mtime
    assert "Heat Resilience" in titles(folder)


def test_a_file_changed_a_moment_ago_is_read_again_whatever_the_rows_say(tmp_path: Path) -> None:
    folder = folder_of(tmp_path)
    scan_rows(folder, NOW)
    forge(folder, "heat.toml", "From the rows")
    assert titles(folder) == ["Heat resilience", "Flood planning"]


def test_renamed_deleted_new_and_bad_files(tmp_path: Path, later: None) -> None:
    folder = folder_of(tmp_path)
    scan_rows(folder, NOW)
    (folder / "heat.toml").rename(folder / "heat-2026.toml")
    (folder / "flood.toml").unlink()
    save(folder / "new.toml", flood().model_copy(update={"title": "Brand new"}))
    (folder / "bad.toml").write_text('title = "x"\nschema_version = 99\n')
    lib = scan_rows(folder, NOW)
    assert sorted((i.path.name, i.title) for i in lib.sessions) == [
        ("heat-2026.toml", "Heat resilience"),
        ("new.toml", "Brand new"),
    ]
    assert set(read_rows(folder)) == {"heat-2026.toml", "new.toml", "bad.toml"}  # gone files dropped
    again = scan_rows(folder, NOW).problems
    assert [p.message for p in again] == [p.message for p in lib.problems] and len(again) == 1
    assert read_rows(folder)["bad.toml"].problem == again[0].message.removeprefix(f"{folder / 'bad.toml'}: ")


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
        lambda text: text + '["x.toml",[1,2]]\n',  # a wrong shape
        lambda text: text.replace('"files":3', '"files":4', 1),  # a line short
        lambda text: text.replace('"files":3', '"files":2', 1),  # a line more
        lambda text: text.rsplit("\n", 2)[0] + "\n",  # cut at a line's end
        lambda text: text.replace('["Forged"', "[7", 1),  # a title that is not text
        lambda text: text.replace('["a1","open"', '["a1","flying"', 1),  # an action status
        lambda text: text.replace('"in-person"', '"by pigeon"', 1),  # a mode
        lambda text: text.replace('"2026-05-10"', '"2026-05-40"', 1),
        lambda text: text.replace('.toml",[[', '.toml",[["a",', 1),  # an identity that is not numbers
        lambda text: '{"files": ' * 5000,  # deep nesting
    ],
)
def test_a_damaged_rows_file_is_ignored_and_rebuilt(tmp_path: Path, later: None, damage: object) -> None:
    folder = folder_of(tmp_path)
    save(folder / "mobility.toml", mobility())
    scan_rows(folder, NOW)
    path = folder / ROWS_FILE
    forged = path.read_text().replace('"Heat resilience"', '"Forged"')
    assert '"files":3' in forged
    damaged = damage(forged)  # type: ignore[operator]
    assert damaged != forged
    path.write_text(damaged)
    assert titles(folder) == ["Heat resilience", "Mobility hubs", "Flood planning"]
    assert set(read_rows(folder)) == {"heat.toml", "flood.toml", "mobility.toml"}  # rebuilt, valid again


def test_a_hostile_problem_line_in_the_rows_file_is_not_taken(tmp_path: Path, later: None) -> None:
    folder = folder_of(tmp_path)
    (folder / "bad.toml").write_text("not = [toml\n")
    scan_rows(folder, NOW)
    header, files = lines(folder)
    assert str(files["bad.toml"][2]).startswith("invalid TOML")
    files["bad.toml"][2] = "\x1b]0;owned\x07 fine"
    rewrite(folder, header, files)
    (problem,) = scan_rows(folder, NOW).problems
    assert "\x1b" not in problem.message and "owned" not in problem.message


def test_a_symlink_planted_at_the_rows_path_is_neither_read_nor_written_through(
    tmp_path: Path, later: None
) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()
    folder_of(folder)
    scan_rows(folder, NOW)
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text((folder / ROWS_FILE).read_text().replace("Heat resilience", "Forged"))
    (folder / ROWS_FILE).unlink()
    (folder / ROWS_FILE).symlink_to(elsewhere)
    before = elsewhere.read_bytes()
    save(folder / "new.toml", flood().model_copy(update={"title": "Brand new"}))
    assert "Forged" not in titles(folder) and "Brand new" in titles(folder)
    assert elsewhere.read_bytes() == before and (folder / ROWS_FILE).is_symlink()


def test_a_folder_that_cannot_be_written_goes_without_the_rows_file(
    tmp_path: Path, later: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = folder_of(tmp_path)

    def refuse(path: object, data: bytes) -> None:
        raise SessionError(f"{path}: cannot save in {folder}: Read-only file system")

    monkeypatch.setattr(folder_index, "write_bytes_atomic", refuse)
    assert titles(folder) == ["Heat resilience", "Flood planning"]
    assert sorted(p.name for p in folder.iterdir()) == ["flood.md", "flood.toml", "heat.md", "heat.toml"]


SCANNER = """
import sys, time
from pathlib import Path
from c2c_tui.core.followup import library
library.wall_ns = lambda: time.time_ns() + 60 * 10**9
for _ in range(int(sys.argv[2])):
    library.scan_rows(Path(sys.argv[1]))
"""


def test_two_processes_updating_the_rows_file_at_once_never_corrupt_it(tmp_path: Path, later: None) -> None:
    folder = folder_of(tmp_path)
    for n in range(20):
        save(folder / f"more{n:02d}.toml", flood().model_copy(update={"title": f"More {n}"}))
    runs = [
        subprocess.Popen([sys.executable, "-c", SCANNER, str(folder), "15"], stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    for n in range(15):  # files change under them: each scan writes a new rows file
        save(folder / f"more{n:02d}.toml", flood().model_copy(update={"title": f"Changed {n}"}))
        scan_rows(folder, NOW)
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err.decode()
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
    header, files = lines(folder)  # whole, whichever writer was last
    assert header["files"] == len(files) == 22
    assert len(read_rows(folder)) == 22
    assert sorted(titles(folder)) == sorted(i.title for i in scan(folder, NOW, use_index=False).sessions)


# -- the actions' latest counts from the rows ---------------------------------------------------------


def same_counts(folder: Path) -> None:
    """Every session's (open, late) and changed-later counts, from the rows as from the outlines."""
    outlines = scan(folder, NOW, use_index=False)
    rows = scan_rows(folder, NOW)
    latest, counted = latest_of(outlines), rows_latest(rows)
    assert [i.path for i in rows.sessions] == [i.path for i in outlines.sessions]
    for today in (date(2026, 1, 1), date(2026, 12, 1), TODAY, date(2030, 1, 1)):
        for by_row, by_outline in zip(rows.sessions, outlines.sessions, strict=True):
            assert counted.counts(by_row, today) == latest.counts(by_outline, today), by_row.path
            assert counted.changed(by_row) == latest.changed(by_outline), by_row.path


def test_the_counts_from_the_rows_are_those_of_the_chain(tmp_path: Path) -> None:
    build_chain(tmp_path)
    same_counts(tmp_path)
    first = next(i for i in scan_rows(tmp_path, NOW).sessions if i.path.name == "first.toml")
    assert rows_latest(scan_rows(tmp_path, NOW)).counts(first, TODAY) == (1, 1)  # a3 only
    assert rows_latest(scan_rows(tmp_path, NOW)).changed(first) == 2


def test_the_counts_from_the_rows_follow_renames_own_changes_and_new_due_dates(tmp_path: Path) -> None:
    first, _, third = build_chain(tmp_path)
    session = load(first)  # a1 reviewed done later, then reopened in its own file: its file wins
    session.actions[0].status = "open"
    session.actions[0].updated = NOW + timedelta(days=400)
    save(first, session)
    four = follow_on(third, tmp_path / "four.toml", title="Heat four", now=T2 + timedelta(days=3))
    review(four, "action", "b1", "open", T2 + timedelta(days=3), due=date(2026, 12, 1))  # late now
    save(tmp_path / "four.toml", four)
    same_counts(tmp_path)
    first.rename(tmp_path / "renamed.toml")  # the reviews find it by its created time
    same_counts(tmp_path)
    assert [p.path.name for p in scan_rows(tmp_path, NOW).problems] == []


def test_a_folder_of_many_follow_ons_counts_the_same(tmp_path: Path) -> None:
    previous = tmp_path / "w00.toml"
    save(previous, heat().model_copy(update={"created": datetime(2026, 1, 1, tzinfo=UTC)}))
    for n in range(1, 8):
        path = tmp_path / f"w{n:02d}.toml"
        session = follow_on(previous, path, title=f"Heat {n}", now=datetime(2026, 1, 1 + n, tzinfo=UTC))
        for row in session.reviews or ():
            outcome = ("done", "in_progress", "dropped", "open")[n % 4]
            review(session, row.kind, row.item, outcome, datetime(2026, 1, 1 + n, 9, tzinfo=UTC))
        save(path, session)
        previous = path
    same_counts(tmp_path)
