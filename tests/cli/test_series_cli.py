"""`c2c new --after`, `c2c actions` across a series (and `--format ics`), `c2c series`, as a user sees them."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import icalendar
import pytest
from cli_support import run

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from series_chain import build_chain, first_session

from c2c_tui.cli import main
from c2c_tui.core.store import load, save

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "sessions" / "cooling-valmora.toml"


def test_new_after_writes_a_follow_on_with_its_review_items(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "first.toml"
    shutil.copyfile(EXAMPLE, first)
    before = first.read_bytes()
    code, out, err = run(
        capsys, "new", str(tmp_path / "second.toml"), "--after", str(first), "--title", "Round two"
    )
    assert (code, err) == (0, "")
    assert "a follow-on of" in out and "(9 items to review)" in out
    second = load(tmp_path / "second.toml")
    assert (second.title, second.workshop.after) == ("Round two", "first.toml")
    assert (tmp_path / "second.md").exists() and first.read_bytes() == before
    code, out, err = run(
        capsys, "new", str(tmp_path / "third.toml"), "--after", str(tmp_path / "second.toml")
    )
    assert code == 0 and load(tmp_path / "third.toml").workshop.after == "second.toml"


def test_new_after_never_overwrites_and_says_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save(tmp_path / "first.toml", first_session())
    existing = tmp_path / "taken.toml"
    existing.write_text("keep me", encoding="utf-8")
    code, _, err = run(capsys, "new", str(existing), "--after", str(tmp_path / "first.toml"))
    assert code == 1 and "already exists" in err and existing.read_text(encoding="utf-8") == "keep me"
    code, _, err = run(capsys, "new", str(tmp_path / "x.toml"), "--after", str(tmp_path / "nope.toml"))
    assert (code, err.count("\n")) == (1, 1) and "nope.toml: no such session file" in err
    loop = first_session()
    loop.workshop.after = "loop.toml"
    save(tmp_path / "loop.toml", loop)
    code, _, err = run(capsys, "new", str(tmp_path / "y.toml"), "--after", str(tmp_path / "loop.toml"))
    assert (code, err.count("\n")) == (1, 1) and "form a loop" in err and "Traceback" not in err
    assert not (tmp_path / "x.toml").exists() and not (tmp_path / "y.toml").exists()


def test_actions_show_each_action_once_in_its_latest_state(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_chain(tmp_path)
    code, out, err = run(capsys, "actions", str(tmp_path), "--format", "csv")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].endswith(",changed_in,progress") and len(lines) == 6
    a1 = next(line for line in lines if ",a1," in line)
    assert ",done," in a1 and a1.split(",")[-2].endswith("second.toml")
    code, out, _ = run(capsys, "actions", str(tmp_path), "--status", "open")
    assert "Book the call" in out and "Draft the plan" not in out
    assert "changed in" not in out  # none of the open ones changed in a review: the column is left out
    code, out, _ = run(capsys, "actions", str(tmp_path), "--status", "done", "--format", "md")
    assert "Ask the weather service" in out and "| third.toml |" in out
    code, out, _ = run(capsys, "actions", str(tmp_path), "--owner", "ana", "--format", "csv")
    assert [line.split(",")[2] for line in out.splitlines()[1:]] == ["a2", "b1"]  # a2's new owner counts


def test_actions_ics_parses_with_one_event_per_dated_action(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    build_chain(tmp_path)
    assert main(["actions", str(tmp_path), "--format", "ics"]) == 0
    data = capsysbinary.readouterr().out
    assert data.count(b"\r\n") == data.count(b"\n")
    calendar = icalendar.Calendar.from_ical(data)
    assert len(list(calendar.walk("VEVENT"))) == 5
    assert main(["actions", str(tmp_path), "--format", "ics", "--status", "dropped"]) == 0
    dropped = list(icalendar.Calendar.from_ical(capsysbinary.readouterr().out).walk("VEVENT"))
    assert [str(e["STATUS"]) for e in dropped] == ["CANCELLED"]


def test_series_tells_the_story_and_writes_md_or_html(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_chain(tmp_path)
    code, out, err = run(capsys, "series", str(tmp_path))
    assert (code, err) == (0, "") and out.startswith("# Series: " + tmp_path.name.replace("_", "\\_"))
    assert "#1 agreed → #2 in progress (draft sent) → #3 done" in out
    page = tmp_path / "out" / "series.html"
    page.parent.mkdir()
    code, out, err = run(capsys, "series", str(tmp_path), "-o", str(page))
    assert (code, out, err) == (0, f"Wrote {page}\n", "") and page.read_text(encoding="utf-8").startswith(
        "<!doctype"
    )
    before = (tmp_path / "first.toml").read_bytes()
    code, _, err = run(capsys, "series", str(tmp_path), "-o", str(tmp_path / "first.toml"))
    assert (
        code == 1 and "choose another output file" in err and (tmp_path / "first.toml").read_bytes() == before
    )


def test_series_goes_on_past_a_bad_session_or_series_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_chain(tmp_path)
    (tmp_path / "broken.toml").write_text("title = [\n", encoding="utf-8")
    (tmp_path / "series.toml").write_text('schema_version = 1\nwho = "x"\n', encoding="utf-8")
    code, out, err = run(capsys, "series", str(tmp_path))
    assert code == 1 and "Heat three" in out
    assert [line.split(":")[0] for line in err.splitlines()] == [
        str(tmp_path / "broken.toml"),
        str(tmp_path / "series.toml"),
    ]


def test_check_reads_the_series_file_as_a_series_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_chain(tmp_path)
    (tmp_path / "series.toml").write_text(
        'schema_version = 1\n[[topics]]\ntitle = "Alerts"\n', encoding="utf-8"
    )
    code, out, err = run(capsys, "check", str(tmp_path))
    assert (code, err) == (0, "") and "series.toml: ok (series file; 1 topics)" in out


def test_new_after_an_earlier_file_with_a_line_break_in_its_name_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "first\nline.toml"
    save(odd, first_session())
    code, _, err = run(capsys, "new", str(tmp_path / "two.toml"), "--after", str(odd))
    assert code == 1 and len(err.splitlines()) == 1 and "cannot follow" in err and "internal" not in err
    assert not (tmp_path / "two.toml").exists()
