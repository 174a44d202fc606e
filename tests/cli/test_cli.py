"""The command line as a user or a script sees it: output, exit codes, one-line errors, files untouched."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import run

from c2c_tui.core.store import load

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "sessions" / "cooling-valmora.toml"
BROKEN = ROOT / "tests" / "broken"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    target = tmp_path / "cooling-valmora.toml"
    shutil.copyfile(EXAMPLE, target)
    return target


def test_new_writes_a_valid_session_and_its_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "heat.toml"
    code, out, err = run(capsys, "new", str(path), "--title", "Heat [bold]x[/]", "--template", "half-day")
    assert (code, err) == (0, "")
    assert "Created" in out
    session = load(path)
    assert session.title == "Heat [bold]x[/]"
    assert sum(item.minutes for item in session.agenda) == 210
    assert path.with_suffix(".md").read_text(encoding="utf-8").startswith("# Heat")


def test_new_refuses_to_overwrite(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = example.read_bytes()
    code, out, err = run(capsys, "new", str(example))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "already exists" in err
    assert example.read_bytes() == before


def test_new_with_an_unknown_template_says_which_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "new", str(tmp_path / "x.toml"), "--template", "nope")
    assert code == 1
    assert "online-90" in err and "internal error" not in err
    assert not (tmp_path / "x.toml").exists()


def test_templates_lists_minutes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "templates")
    assert code == 0
    assert "online-90" in out and "90 min" in out and "full-day" in out


def test_check_ok_and_broken(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", str(example))
    assert code == 0 and "ok" in out and err == ""
    broken = BROKEN / "unknown_kind.toml"
    before = broken.read_bytes()
    code, out, err = run(capsys, "check", str(example), str(broken))
    assert code == 1
    assert err.strip().splitlines() == [f"{broken}: " + err.split(": ", 1)[1].strip()]
    assert "entries[2].kind" in err
    assert broken.read_bytes() == before


def test_check_every_broken_file_gives_one_line_per_problem(capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(BROKEN.glob("*.toml"))
    code, out, err = run(capsys, "check", *map(str, files))
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    owners = [next(path for path in files if line.startswith(f"{path}: ")) for line in lines]
    assert sorted(set(owners)) == files  # every file named, in order, each line naming its file
    assert owners == sorted(owners)
    many = [line for line, path in zip(lines, owners, strict=True) if path.name == "many_problems.toml"]
    assert [line.split(": ", 2)[1] for line in many] == ["title", "settings.warning_seconds", "settings.bell"]
    assert "Traceback" not in err


def test_status_json_has_the_contract_keys(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "status", str(example), "--json")
    data = json.loads(out)
    assert code == 0
    assert data["phase"] == "agree" and data["state"] == "finished"
    for key in ("elapsed_seconds", "remaining_seconds", "projected_finish"):
        assert key in data
    assert data["remaining_seconds"] == data["budget_seconds"] - data["elapsed_seconds"]
    assert data["projected_finish"].startswith("2026-11-12T")


def test_status_text_of_a_new_session(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "w.toml"
    run(capsys, "new", str(path))
    code, out, _ = run(capsys, "status", str(path))
    assert code == 0
    assert "READY" in out and "10:00 left of 10 min" in out and "projected finish" in out


def test_summary_to_stdout_and_to_html_file(
    example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "summary", str(example))
    assert code == 0 and out.startswith("# Valmora")
    target = tmp_path / "out.html"
    code, out, _ = run(capsys, "summary", str(example), "-o", str(target))
    assert code == 0
    assert target.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html>")


def test_summary_refuses_to_overwrite_the_session(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = example.read_bytes()
    code, _, err = run(capsys, "summary", str(example), "-o", str(example))
    assert code == 1 and "session file itself" in err
    assert example.read_bytes() == before


def test_usage_errors_are_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "status")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "--help" in err


def test_run_on_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "run", str(tmp_path / "nope.toml"))
    assert code == 1 and "no such file" in err and "c2c new" in err


def test_run_on_a_broken_file_leaves_it_untouched(capsys: pytest.CaptureFixture[str]) -> None:
    broken = BROKEN / "newer_schema.toml"
    before = broken.read_bytes()
    code, _, err = run(capsys, str(broken))
    assert code == 1 and "newer than this c2c reads (1)" in err
    assert broken.read_bytes() == before
    assert not broken.with_suffix(".md").exists()


def test_actions_lists_the_example_actions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copyfile(EXAMPLE, tmp_path / "cooling-valmora.toml")
    (tmp_path / "broken.toml").write_text("title = \n", encoding="utf-8")
    code, out, err = run(capsys, "actions", str(tmp_path), "--status", "open", "--format", "csv")
    assert code == 1  # a broken file in the folder is reported, the listing still prints
    assert "broken.toml" in err
    assert out.splitlines()[0].startswith("workshop,file,id,action")
    assert all(",open," in line for line in out.splitlines()[1:])


def test_every_command_has_help() -> None:
    for command in (
        "demo",
        "run",
        "new",
        "templates",
        "check",
        "status",
        "summary",
        "actions",
        "follow",
        "serve",
        "review",
    ):
        result = subprocess.run(
            [sys.executable, "-m", "c2c_tui", command, "--help"],
            check=False,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, command
        assert "usage: c2c" in result.stdout
