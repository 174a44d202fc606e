"""`c2c proposal PATH [--format md|html] [-o OUT]`: the case for the approvers, on stdout or in a file
written by the rules of `summary -o` (never over a session file); errors are one line and a non-zero exit."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from cli_support import run

from c2c_tui.core import store
from c2c_tui.core.model import Session

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "sessions" / "cooling-valmora.toml"
BROKEN = ROOT / "tests" / "broken"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    target = tmp_path / "cooling-valmora.toml"
    shutil.copyfile(EXAMPLE, target)
    return target


def test_markdown_on_standard_output(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = example.read_bytes()
    code, out, err = run(capsys, "proposal", example)
    assert code == 0 and err == ""
    assert out.startswith("# Valmora: keeping vulnerable residents safe in extreme heat\n")
    for heading in ("## What we hope to gain", "## Who we could hold it with", "### Agenda"):
        assert f"\n{heading}\n" in out
    assert "| 15:00–15:10 | Rapport · Getting to know each other | 10 |" in out
    assert example.read_bytes() == before  # reading it never writes it (nor its summary)
    assert sorted(p.name for p in example.parent.iterdir()) == ["cooling-valmora.toml"]


def test_html_on_standard_output_and_in_a_file(
    example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "proposal", example, "--format", "html")
    assert code == 0 and out.startswith("<!doctype html>") and "<title>Proposal: Valmora" in out
    page = tmp_path / "proposal.html"
    code, out, _ = run(capsys, "proposal", example, "-o", page)  # .html: html without --format
    assert code == 0 and out == f"Wrote {page}\n"
    assert page.read_text(encoding="utf-8").startswith("<!doctype html>")
    notes = tmp_path / "proposal.md"
    code, _, _ = run(capsys, "proposal", example, "-o", notes)
    assert code == 0 and notes.read_text(encoding="utf-8").startswith("# Valmora")
    code, _, _ = run(capsys, "proposal", example, "-o", notes, "--format", "html")
    assert code == 0 and notes.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_a_new_session_gives_a_proposal_that_says_what_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "heat.toml"
    run(capsys, "new", path, "--title", "Heat plan")
    code, out, _ = run(capsys, "proposal", path)
    assert code == 0 and out.startswith("# Heat plan\n")
    assert "## Still to be decided\n\n- the purpose: why we want to hold it\n" in out


def test_never_over_the_session_itself_or_another_one(
    example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = example.read_bytes()
    code, _, err = run(capsys, "proposal", example, "-o", example)
    assert code == 1 and err.count("\n") == 1 and "session file itself" in err
    other = tmp_path / "other.toml"
    store.save(other, Session(title="Another workshop"))
    other_before = other.read_bytes()
    code, out, err = run(capsys, "proposal", example, "-o", other)
    assert code == 1 and out == "" and err.count("\n") == 1 and "is a c2c session file" in err
    link = tmp_path / "link.md"
    os.symlink(other, link)
    code, _, err = run(capsys, "proposal", example, "-o", link)
    assert code == 1 and "is a c2c session file" in err
    assert example.read_bytes() == before and other.read_bytes() == other_before


def test_a_folder_as_out_is_one_line(
    example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "proposal", example, "-o", tmp_path)
    assert code == 1 and err.count("\n") == 1 and "is a folder; choose a file to write it to" in err


@pytest.mark.parametrize(
    ("name", "words"),
    [("unknown_field.toml", "unknown_field.toml"), ("newer_schema.toml", "newer_schema.toml")],
)
def test_a_broken_file_is_one_line_and_left_alone(
    name: str, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = BROKEN / name
    before = broken.read_bytes()
    code, out, err = run(capsys, "proposal", broken)
    assert code == 1 and out == ""
    assert err.startswith("c2c: ") and words in err and "Traceback" not in err
    assert broken.read_bytes() == before


def test_a_missing_file_and_a_bad_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "proposal", tmp_path / "nope.toml")
    assert code == 1 and err.count("\n") == 1 and "nope.toml" in err
    code, _, err = run(capsys, "proposal", EXAMPLE, "--format", "pdf")
    assert code == 2 and err.count("\n") == 1 and "--help" in err


def test_help_says_what_it_is(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "proposal", "--help")
    assert code == 0 and "-o OUT" in out and "--format {md,html}" in out
    assert "what we hope to gain, candidate cities and why" in " ".join(out.split())
    code, out, _ = run(capsys, "--help")
    assert (
        code == 0
        and "proposal the case for holding the workshop, for the people who approve it"
        in " ".join(out.split())
    )
