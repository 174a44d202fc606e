"""Pre-work through the command line: ``c2c check`` words a bad score, ``c2c new --after`` carries the
areas but not the scores, ``c2c summary`` and ``c2c series`` show the self-assessment."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from cli_support import run

from c2c_tui.core.assessment import set_score
from c2c_tui.core.model import Session
from c2c_tui.core.store import load, save


def first() -> Session:
    return Session.model_validate(
        {
            "title": "Heat one",
            "created": datetime(2026, 11, 12, 9, 0, tzinfo=UTC),
            "workshop": {"date": date(2026, 11, 12)},
            "teams": [{"id": "valmora", "name": "Valmora City Council", "role": "seeking"}],
            "areas": [{"id": "data", "name": "Data and evidence"}, {"id": "heat", "name": "Heat plan"}],
            "assessments": [{"team": "valmora", "area": "data", "score": 2, "note": "no register"}],
        }
    )


def test_check_refuses_a_score_out_of_range_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "one.toml"
    save(path, first())
    assert run(capsys, "check", path)[0] == 0
    path.write_text(path.read_text(encoding="utf-8").replace("score = 2", "score = 6"), encoding="utf-8")
    code, _, err = run(capsys, "check", path)
    assert code == 1
    assert "assessments[0].score: should be less than or equal to 5 (got 6)" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_new_after_carries_the_areas_and_series_shows_the_movement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one, two = tmp_path / "one.toml", tmp_path / "two.toml"
    save(one, first())
    code, _, err = run(capsys, "new", two, "--title", "Heat two", "--after", one)
    assert code == 0, err
    follow = load(two)
    assert [a.name for a in follow.areas or ()] == ["Data and evidence", "Heat plan"]
    assert follow.assessments is None
    follow.workshop.date = date(2026, 12, 10)
    set_score(follow, "valmora", "data", 4)
    save(two, follow)
    code, out, _ = run(capsys, "summary", two)
    assert code == 0 and "| Data and evidence | **4** |" in out and "| Heat plan | – |" in out
    code, out, _ = run(capsys, "series", tmp_path)
    assert code == 0
    assert "## Self-assessment across the series" in out
    assert "| Data and evidence | #1 2 → #2 4 | +2 |" in out
