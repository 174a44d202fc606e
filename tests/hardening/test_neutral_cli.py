"""Issue 10 §3: no control sequence, bidi override or formula from a session file reaches the terminal or a
spreadsheet through the command line; the file keeps the text exactly (PRODUCT.md, Trust)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from cli_support import run
from hostile import FILE_NAME, PAYLOAD, RAW, hostile_file

from c2c_tui.core.store import load


def assert_inert(*texts: str) -> None:
    for text in texts:
        found = RAW.findall(text)
        assert not found, f"raw control characters reached the terminal: {sorted(set(found))!r}"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return hostile_file(tmp_path)


def test_status_prints_no_control_sequence(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "status", path)
    assert code == 0
    assert_inert(out, err)
    assert "]0;PWNED" in out  # the text is still there, shown, not acted on
    assert "\u241b]0;PWNED\u2407" in out


def test_status_json_is_exact_and_inert(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "status", path, "--json")
    assert code == 0
    assert_inert(out)
    assert json.loads(out)["title"] == load(path).title  # the exact text, escaped as JSON


def test_check_messages_are_inert(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    hostile_file(folder, FILE_NAME)  # a file name with an escape sequence
    unknown = folder / "unknown.toml"
    shutil.copyfile(folder / FILE_NAME, unknown)
    text = unknown.read_text(encoding="utf-8")
    unknown.write_text('"\\u001b]0;PWNED\\u0007" = 1\n' + text, encoding="utf-8")  # an unknown field name
    broken = folder / "broken\x1b[2J.toml"
    broken.write_text("title = \n", encoding="utf-8")
    code, out, err = run(capsys, "check", folder, folder / FILE_NAME)
    assert code == 1
    assert_inert(out, err)
    assert "PWNED" in err and "evil" in out  # the problems are still named


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_summary_is_inert(path: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "summary", path, "--format", fmt)
    assert code == 0
    assert_inert(out, err)
    if fmt == "html":
        title = out.split("<title>", 1)[1].split("</title>", 1)[0]
        assert "\u241b]0;PWNED\u2407" in title


def test_summary_file_written_with_o_is_inert(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_path = path.with_name("page.html")
    assert run(capsys, "summary", path, "-o", out_path)[0] == 0
    assert_inert(out_path.read_text(encoding="utf-8"))
    assert_inert(path.with_suffix(".md").read_text(encoding="utf-8"))  # the summary written on save


@pytest.mark.parametrize("fmt", ["table", "md", "csv"])
def test_actions_are_inert(path: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "actions", path.parent, "--format", fmt)
    assert code == 0
    assert_inert(out, err)


def test_actions_csv_cells_cannot_be_formulas(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "actions", path.parent, "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    owners = [row[rows[0].index("owner")] for row in rows[1:]]
    assert owners and all(owner.startswith("'=HYPERLINK(") for owner in owners)
    for row in rows[1:]:
        assert all(cell[:1] not in ("=", "+", "-", "@") for cell in row)


def test_the_file_keeps_the_text_exactly(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = path.read_bytes()
    for argv in (["status"], ["status", "--json"], ["summary"], ["check"]):
        run(capsys, *argv, path)
    run(capsys, "actions", path.parent, "--format", "csv")
    assert path.read_bytes() == before
    session = load(path)
    assert session.title.endswith(PAYLOAD)
    assert all(a.owner.endswith(PAYLOAD) for a in session.actions)
