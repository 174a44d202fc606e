"""`c2c actions --format ics`: RFC 5545, read back with a real parser (icalendar)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
from series_chain import TODAY, build_chain

from c2c_tui.core.followup import collect
from c2c_tui.core.followup.ics import LIMIT, escape, fold, render_ics
from c2c_tui.core.followup.library import scan

NOW = datetime(2027, 1, 25, 12, 0, tzinfo=UTC)
HOSTILE = 'Plan; a, b\\c\nline two \x1b]0;owned\x07 "q" <b>x</b> ' + "é" * 60


def events(text: str) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    build_chain(tmp_path)
    return tmp_path


def test_one_all_day_event_per_dated_action_in_its_latest_state(folder: Path) -> None:
    rows = collect(scan(folder), today=TODAY)
    found = events(render_ics(rows, NOW))
    assert len(found) == len([r for r in rows if r.due]) == 5
    by_summary = {str(e["SUMMARY"]): e for e in found}
    a1 = by_summary["Draft the plan"]
    assert a1.decoded("DTSTART") == date(2026, 12, 15) and a1.decoded("DTEND") == date(2026, 12, 16)
    assert "Owner: Maria Okafor" in str(a1["DESCRIPTION"]) and "Status: done" in str(a1["DESCRIPTION"])
    assert "Last changed in: Heat two (second.toml)" in str(a1["DESCRIPTION"])
    assert str(a1["STATUS"]) == "CONFIRMED"
    assert str(by_summary["Price bus travel"]["STATUS"]) == "CANCELLED"
    assert a1.decoded("DTSTAMP") == NOW


def test_uids_stay_the_same_from_one_export_to_the_next(folder: Path) -> None:
    first = {
        str(e["SUMMARY"]): str(e["UID"]) for e in events(render_ics(collect(scan(folder), today=TODAY), NOW))
    }
    (folder / "first.toml").rename(folder / "heat-2026.toml")  # a rename keeps the workshop's identity
    later = NOW + timedelta(days=3)
    again = {
        str(e["SUMMARY"]): str(e["UID"])
        for e in events(render_ics(collect(scan(folder), today=TODAY), later))
    }
    assert first == again and len(set(first.values())) == 5
    assert first["Draft the plan"] == "20261112T090000Z-a1@c2c"


def test_lines_are_folded_at_75_octets_with_crlf_and_text_escaped(tmp_path: Path) -> None:
    build_chain(tmp_path, text=HOSTILE)
    text = render_ics(collect(scan(tmp_path), today=TODAY), NOW)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode()) <= LIMIT for line in text.split("\r\n"))
    assert "\x1b" not in text and "\x07" not in text
    event = next(e for e in events(text) if str(e["SUMMARY"]).startswith("Draft the plan"))
    summary = str(event["SUMMARY"])
    assert summary == "Draft the plan" + HOSTILE.replace("\x1b", "␛").replace("\x07", "␇")


def test_escape_and_fold_by_hand() -> None:
    assert escape("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"
    folded = fold("SUMMARY:" + "é" * 50)
    assert [len(p.encode()) for p in folded.rstrip("\r\n").split("\r\n")] == [74, 35]
    assert folded.split("\r\n")[1].startswith(" ")
