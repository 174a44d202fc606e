"""core.setup: what people type in the set-up form, the plan of the day, team checks, saving a new file
without ever overwriting one, and applying an edited set-up to a live session."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from c2c_tui.core import store
from c2c_tui.core.model import ClockEvent, Entry, Participant, Session, Team
from c2c_tui.core.reading.errors import SessionError
from c2c_tui.core.setup import (
    apply_setup,
    clock_after,
    duration,
    new_team_id,
    parse_date,
    parse_hhmm,
    parse_minutes,
    plan_times,
    setup_problems,
    slug,
    start_problem,
    team_name_problem,
    team_references,
)
from c2c_tui.core.store.new_files import file_for_title, save_new

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(("typed", "minutes"), [("15", 15), (" 1 ", 1), ("1440", 1440), ("007", 7)])
def test_minutes_accepted(typed: str, minutes: int) -> None:
    assert parse_minutes(typed) == minutes


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("0", "minutes: a phase needs at least 1 minute"),
        ("-5", "minutes: a phase needs at least 1 minute"),
        ("ten", "minutes: 'ten' is not a whole number (type digits, e.g. 15)"),
        ("1.5", "minutes: '1.5' is not a whole number (type digits, e.g. 15)"),
        ("١٢", "minutes: '١٢' is not a whole number (type digits, e.g. 15)"),
        ("", "minutes: type a whole number of minutes, e.g. 15"),
        ("1441", "minutes: at most 1440 (a whole day)"),
    ],
)
def test_minutes_refused_with_a_message(typed: str, message: str) -> None:
    with pytest.raises(ValueError) as error:
        parse_minutes(typed)
    assert str(error.value) == message


def test_dates_and_times() -> None:
    assert parse_date("2026-11-12") == date(2026, 11, 12)
    assert parse_date("  ") is None
    with pytest.raises(ValueError, match="write it YYYY-MM-DD"):
        parse_date("12/11/2026")
    with pytest.raises(ValueError, match="2026-02-30 is not a real date"):
        parse_date("2026-02-30")
    assert parse_hhmm("9:05") == "09:05"
    assert parse_hhmm("") is None
    for bad in ("24:00", "9h30", "12:60", "930"):
        with pytest.raises(ValueError, match="HH:MM"):
            parse_hhmm(bad)


def test_plan_of_the_day() -> None:
    assert plan_times("09:30", [10, 15, 30]) == [("09:30", "09:40"), ("09:40", "09:55"), ("09:55", "10:25")]
    assert plan_times(None, [10]) == []
    assert clock_after("23:30", 45) == "00:15 +1d"
    assert (duration(45), duration(90), duration(120)) == ("45 min", "1 h 30", "2 h")


def test_slug_and_team_ids() -> None:
    assert slug("Valmora: keeping residents safe!") == "valmora-keeping-residents-safe"
    assert slug("Sevilla Ayuntamiento — Málaga") == "sevilla-ayuntamiento-malaga"
    assert slug("東京") == ""
    session = Session(title="x", teams=[Team(id="seville", name="Seville", role="advisor")])
    assert new_team_id(session, "Seville") == "seville-2"
    assert new_team_id(session, "Lyon Climate Unit") == "lyon-climate-unit"
    assert new_team_id(session, "東京") == "t1"


def test_team_names_are_unique_ignoring_case_and_spaces() -> None:
    teams = [Team(id="a", name="Athens Resilience Office", role="seeking")]
    assert team_name_problem(teams, " athens  resilience office") == (
        "name: there is already a team called 'Athens Resilience Office' (team names are unique)"
    )
    assert team_name_problem(teams, "Athens Resilience Office", "a") is None  # itself, renamed or not
    assert team_name_problem(teams, "  ") == "name: a team needs a name"


def test_references_and_setup_problems() -> None:
    session = Session(
        title="x",
        teams=[Team(id="a", name="A", role="advisor"), Team(id="b", name="a", role="advisor")],
        participants=[Participant(id="p1", name="P", team="a"), Participant(id="p2", name="Q", team="a")],
        entries=[Entry(id="e1", phase="context", kind="note", text="t", team="a")],
    )
    assert team_references(session, "a") == ["2 participants", "1 entry"]
    assert team_references(session, "b") == []
    assert setup_problems(session) == [
        "teams: add a Seeking team (the team with the challenge): a workshop needs one to start",
        "teams: there is already a team called 'A' (team names are unique)",
    ]


def test_save_new_never_overwrites(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    first = save_new(folder, Session(title="Keeping cool"), now=NOW)
    assert first == folder / "keeping-cool.toml"
    before = first.read_bytes()
    second = save_new(folder, Session(title="Keeping cool!"), now=NOW)
    assert second == folder / "keeping-cool-2.toml"
    assert first.read_bytes() == before
    assert store.load(second).title == "Keeping cool!"
    assert second.with_suffix(".md").exists()
    (folder / "only-summary.md").write_text("someone's notes")
    assert file_for_title(folder, "Only summary") == folder / "only-summary-2.toml"  # its .md is not replaced
    assert save_new(folder, Session(title="東京")).name == "workshop.toml"


def test_save_new_in_a_folder_that_cannot_be_made(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(SessionError, match="cannot create the folder"):
        save_new(blocker / "sessions", Session(title="x"))


def test_apply_setup_keeps_what_was_captured_and_the_clock() -> None:
    live = Session(
        title="Old",
        teams=[Team(id="a", name="A", role="seeking"), Team(id="b", name="B", role="advisor")],
        entries=[Entry(id="e1", phase="context", kind="note", text="t", team="a")],
        clock=[ClockEvent(at=NOW, event="start")],
    )
    edited = live.model_copy(deep=True)
    edited.title = "New"
    edited.teams[0].name = "A renamed"
    edited.teams.pop()
    edited.entries.clear()  # a stale copy must not wipe what was captured meanwhile
    edited.clock.clear()
    entries = live.entries
    apply_setup(live, edited)
    assert live.title == "New" and [t.name for t in live.teams] == ["A renamed"]
    assert live.entries is entries and len(live.entries) == 1 and len(live.clock) == 1


def test_apply_setup_refuses_a_team_still_referred_to() -> None:
    live = Session(
        title="Old",
        teams=[Team(id="a", name="A", role="seeking")],
        entries=[Entry(id="e1", phase="context", kind="note", text="t", team="a")],
    )
    edited = live.model_copy(deep=True)
    edited.title = "New"
    edited.teams.clear()
    with pytest.raises(ValueError, match="entries\\[0\\].team: no team has the id 'a'"):
        apply_setup(live, edited)
    assert live.title == "Old" and len(live.teams) == 1


def test_start_problem_is_the_one_rule_the_set_up_and_f5_share() -> None:
    session = Session(title="x", teams=[Team(id="a", name="A", role="advisor")])
    missing = start_problem(session)
    assert missing == "add a Seeking team (the team with the challenge): a workshop needs one to start"
    assert setup_problems(session) == [f"teams: {missing}"]
    session.teams.append(Team(id="s", name="S", role="seeking"))
    assert start_problem(session) is None


def test_parse_due_is_a_real_date_or_nothing() -> None:
    from datetime import date

    from c2c_tui.core.setup import parse_due

    assert parse_due("") is None
    assert parse_due("2026-12-15") == date(2026, 12, 15)
    with pytest.raises(ValueError, match="due date"):
        parse_due("2026-02-30")
