"""A folder's series file (series.toml, the topic backlog) is not a session: no command over the folder
reports it as a broken session (before: `c2c actions`, `c2c check`, the home list and `c2c review` did)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from c2c_tui.cli import main
from c2c_tui.core.followup.library import scan

ROOT = Path(__file__).resolve().parents[2]
SERIES = '# the backlog\nschema_version = 1\ntitle = "Heat network"\n\n[[topics]]\ntitle = "Night-time heat"\nstatus = "next"\n'


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copyfile(ROOT / "sessions" / "cooling-valmora.toml", tmp_path / "valmora.toml")
    (tmp_path / "series.toml").write_text(SERIES, encoding="utf-8")
    return tmp_path


def test_the_library_does_not_list_the_series_file_as_a_problem(folder: Path) -> None:
    library = scan(folder)
    assert [info.path.name for info in library.sessions] == ["valmora.toml"]
    assert library.problems == []


def test_actions_over_the_folder_exit_0_with_nothing_on_stderr(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["actions", str(folder)]) == 0
    assert capsys.readouterr().err == ""


def test_check_reads_the_series_file_as_a_series_file(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(folder)]) == 0
    out = capsys.readouterr().out
    assert f"{folder / 'series.toml'}: ok (series file; 1 topics)" in out
