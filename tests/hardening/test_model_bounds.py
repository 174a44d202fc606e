"""Whatever `c2c check` accepts, every command can show (issue 10 §5).

Files that check used to accept and that then crashed `status`, `summary`, `actions DIR`, the folder scan
behind `review DIR`, and the home screen with an OverflowError: an adjustment of 99999999999 minutes, a clock
start at 9999-12-31T23:00Z, a finish at 9999-12-31T20:05Z read in Tokyo. The model now bounds minutes (each
agenda phase, extend and adjustment within 1440) and times (years 1970 to 2200), so they are refused by
every command with one line; and a file at the very edge of the bounds is shown by every command in any zone.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from cli_support import run

from c2c_tui.core.followup.library import scan

HEAD = """schema_version = 1
title = "Heat plan"

[[teams]]
id = "sev"
name = "Seville City Council"
role = "seeking"

[[actions]]
id = "a1"
text = "Map the cool rooms"
owner = "Ines"
"""


def clock(*events: str) -> str:
    return "".join(f"\n[[clock]]\n{event}\n" for event in events)


OVERFLOWING = {
    "adjust": clock(
        'at = 2026-11-12T15:00:00Z\nevent = "start"',
        'at = 2026-11-12T15:01:00Z\nevent = "rebalance"\nadjust = {reflect = 99999999999}',
    ),
    "start": clock('at = 9999-12-31T23:00:00Z\nevent = "start"'),
    "finish": clock(
        'at = 9999-12-31T19:00:00Z\nevent = "start"', 'at = 9999-12-31T20:05:00Z\nevent = "finish"'
    ),
}
PLACES = {"adjust": "clock[1].adjust.reflect", "start": "clock[0].at", "finish": "clock[0].at"}

# the edge of what is accepted: the latest year, the largest minutes, extended over and over
EDGE = HEAD.replace('title = "Heat plan"', 'title = "Edge"') + clock(
    'at = 2200-12-31T22:00:00Z\nevent = "start"',
    *[f'at = 2200-12-31T22:{m:02d}:00Z\nevent = "extend"\nminutes = 1440' for m in range(1, 30)],
    'at = 2200-12-31T22:30:00Z\nevent = "rebalance"\nadjust = {reflect = 1440, agree = -1440}',
    'at = 2200-12-31T23:59:00Z\nevent = "pause"',
)


@pytest.fixture(params=["Asia/Tokyo", "Pacific/Kiritimati", "Etc/GMT+12", "UTC"])
def zone(request: pytest.FixtureRequest, local_zone: Callable[[str], None]) -> str:
    local_zone(request.param)
    return str(request.param)


@pytest.mark.parametrize("case", sorted(OVERFLOWING))
def test_check_refuses_what_no_command_could_show(
    case: str, tmp_path: Path, zone: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"{case}.toml"
    path.write_text(HEAD + OVERFLOWING[case])
    code, out, err = run(capsys, "check", str(path))
    assert code == 1 and out == ""
    assert err.splitlines()[0].startswith(f"{path}: {PLACES[case]}: ")
    for command in ("status", "summary", "run"):  # run: refused before any screen opens
        code, out, err = run(capsys, command, str(path))
        assert code == 1 and out == ""
        assert err.startswith(f"c2c: {path}: {PLACES[case]}: ") and err.count("\n") == 1, err
        assert "internal error" not in err


def test_what_check_accepts_at_the_edge_every_command_shows(
    tmp_path: Path, zone: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "edge.toml"
    path.write_text(EDGE)
    assert run(capsys, "check", str(path))[0] == 0
    for argv in (["status"], ["status", "--json"], ["summary"], ["summary", "--format", "html"]):
        code, out, err = run(capsys, *argv, str(path))
        assert (code, err) == (0, "") and out
    code, out, err = run(capsys, "actions", str(tmp_path))
    assert (code, err) == (0, "") and "Map the cool rooms" in out


@pytest.mark.parametrize("case", sorted(OVERFLOWING))
def test_a_folder_command_skips_the_bad_file_with_one_line_and_shows_the_rest(
    case: str, tmp_path: Path, zone: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "good.toml").write_text(HEAD)
    bad = tmp_path / f"bad-{case}.toml"
    bad.write_text(HEAD.replace("Map the cool rooms", "Hidden") + OVERFLOWING[case])
    code, out, err = run(capsys, "actions", str(tmp_path))
    assert code == 1
    assert "Map the cool rooms" in out and "Hidden" not in out
    assert err.startswith(f"{bad}: {PLACES[case]}: ") and err.count("\n") == 1, err
    library = scan(tmp_path)  # what `review DIR` and the home screen list
    assert [info.path.name for info in library.sessions] == ["good.toml"]
    assert [problem.path for problem in library.problems] == [bad]
