"""A folder of sessions: every good file listed, newest first; every bad one named with its problem; search."""

from __future__ import annotations

import os
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from c2c_tui.core.followup.library import FolderError, matches, parse_query, scan, search
from c2c_tui.core.model import Action, ClockEvent, Entry, Option, Participant, Session, Team, Workshop
from c2c_tui.core.store import SessionError, save

NOW = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)


def heat() -> Session:
    return Session(
        title="Heat resilience",
        workshop=Workshop(
            date=date(2026, 5, 10), purpose="Keep residents cool", challenge="Old housing stock"
        ),
        teams=[
            Team(id="t1", name="Valmora City Council", role="seeking"),
            Team(id="t2", name="Seville City Council", role="advisor"),
        ],
        participants=[Participant(id="p1", name="Maria Okafor", team="t1")],
        entries=[
            Entry(id="e1", phase="insights", kind="surprise", text="Shade sails on every square", team="t2")
        ],
        options=[Option(id="o1", title="Cool-spaces network in libraries", team="t2")],
        actions=[
            Action(id="a1", text="Draft the plan", owner="Maria", status="open"),
            Action(id="a2", text="Send the map", owner="Tomás", status="done"),
        ],
        clock=[ClockEvent(at=datetime(2026, 6, 1, 9, 0, tzinfo=UTC), event="start")],
    )


def flood() -> Session:
    return Session(
        title="Flood planning",
        workshop=Workshop(date=date(2026, 3, 2)),
        teams=[Team(id="t1", name="Rotterdam Water Board", role="advisor")],
        actions=[Action(id="a1", text="Map the polders", owner="Jan", status="open")],
    )


def mobility() -> Session:
    return Session(title="Mobility hubs", created=datetime(2026, 4, 1, 8, 0, tzinfo=UTC))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    save(tmp_path / "heat.toml", heat())
    save(tmp_path / "flood.toml", flood())
    save(tmp_path / "mobility.toml", mobility())
    (tmp_path / "broken.toml").write_text('schema_version = 1\ntitle = "Unfinished\n', encoding="utf-8")
    return tmp_path


def test_every_good_session_is_listed_and_the_broken_file_is_named_with_its_problem(folder: Path) -> None:
    library = scan(folder, NOW)
    assert [info.path.name for info in library.sessions] == ["heat.toml", "mobility.toml", "flood.toml"]
    assert [p.path.name for p in library.problems] == ["broken.toml"]
    message = library.problems[0].message
    assert "\n" not in message
    assert message.startswith(str(folder / "broken.toml"))
    assert "line 2" in message


def test_a_file_that_validates_badly_is_a_problem_too_and_hides_nothing(folder: Path) -> None:
    (folder / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    library = scan(folder, NOW)
    assert len(library.sessions) == 3
    problem = next(p for p in library.problems if p.path.name == "pyproject.toml")
    assert problem.message.startswith(f"{folder / 'pyproject.toml'}: schema_version: missing")


def test_dot_files_other_suffixes_and_sub_folders_are_left_out(folder: Path) -> None:
    save(folder / ".hidden.toml", flood())
    (folder / "notes.txt").write_text("not a session", encoding="utf-8")
    (folder / "old").mkdir()
    save(folder / "old" / "archived.toml", flood())
    library = scan(folder, NOW)
    names = [info.path.name for info in library.sessions] + [p.path.name for p in library.problems]
    assert sorted(names) == ["broken.toml", "flood.toml", "heat.toml", "mobility.toml"]


def test_a_conflict_copy_is_not_read_as_a_session_but_listed_as_a_problem(folder: Path) -> None:
    save(folder / "heat.conflict-20260601-100000.toml", heat())
    library = scan(folder, NOW)
    assert [info.title for info in library.sessions].count("Heat resilience") == 1
    problem = next(p for p in library.problems if "conflict" in p.path.name)
    assert "conflict copy of heat.toml" in problem.message


def test_what_the_list_shows_for_each_session(folder: Path) -> None:
    info = scan(folder, NOW).sessions[0]
    assert info.title == "Heat resilience"
    assert info.date == date(2026, 5, 10)
    assert info.teams == ("Valmora City Council", "Seville City Council")
    assert info.state == "running"  # started at 09:00, scanned at 10:00
    assert info.open_actions == 1
    assert info.mtime == pytest.approx((folder / "heat.toml").stat().st_mtime)
    others = scan(folder, NOW).sessions[1:]
    assert [i.state for i in others] == ["ready", "ready"]


def test_same_date_sessions_come_newest_file_first(tmp_path: Path) -> None:
    save(tmp_path / "a.toml", flood().model_copy(update={"title": "First"}))
    save(tmp_path / "b.toml", flood().model_copy(update={"title": "Second"}))
    os.utime(tmp_path / "a.toml", (2_000_000_000, 2_000_000_000))
    os.utime(tmp_path / "b.toml", (1_900_000_000, 1_900_000_000))
    assert [i.title for i in scan(tmp_path, NOW).sessions] == ["First", "Second"]
    os.utime(tmp_path / "b.toml", (2_100_000_000, 2_100_000_000))
    assert [i.title for i in scan(tmp_path, NOW).sessions] == ["Second", "First"]


def test_an_empty_folder_has_nothing_and_no_problem(tmp_path: Path) -> None:
    library = scan(tmp_path, NOW)
    assert library.sessions == [] and library.problems == []


def test_a_missing_folder_is_one_clear_line(tmp_path: Path) -> None:
    with pytest.raises(FolderError) as caught:
        scan(tmp_path / "nope", NOW)
    assert isinstance(caught.value, SessionError)
    assert str(caught.value) == f"{tmp_path / 'nope'}: no such folder"
    (tmp_path / "file.toml").write_text("", encoding="utf-8")
    with pytest.raises(FolderError, match="not a folder"):
        scan(tmp_path / "file.toml", NOW)


# -- search ------------------------------------------------------------------------------------------


@pytest.fixture
def infos(folder: Path) -> dict[str, object]:
    return {info.path.stem: info for info in scan(folder, NOW).sessions}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"heat", "flood", "mobility"}),
        ("HEAT", {"heat"}),  # title, any case
        ("seville", {"heat"}),  # team name
        ("okafor", {"heat"}),  # participant name
        ("shade sails", {"heat"}),  # entry text, two words
        ("libraries", {"heat"}),  # option title
        ("polders", {"flood"}),  # action text
        ("old housing", {"heat"}),  # challenge
        ("cool", {"heat"}),  # purpose and option
        ("council", {"heat"}),
        ("water", {"flood"}),
        ("hubs", {"mobility"}),
        ("heat polders", set()),  # every word must be found
        ("nothing-like-this", set()),
        ("team:rotterdam", {"flood"}),
        ("team:heat", set()),  # a field word looks in that field only
        ("title:flood", {"flood"}),
        ("who:maria", {"heat"}),
        ("who:jan", {"flood"}),
        ('team:"seville city"', {"heat"}),
        ('"city council"', {"heat"}),
        ('"sails on"', {"heat"}),
        ('"council seville"', set()),  # a phrase never spans two values
    ],
)
def test_search_finds_sessions_by_title_team_people_and_any_text(
    infos: dict[str, object], query: str, expected: set[str]
) -> None:
    found = {stem for stem, info in infos.items() if matches(info, query)}  # type: ignore[arg-type]
    assert found == expected


def test_search_keeps_the_library_order(folder: Path) -> None:
    library = scan(folder, NOW)
    assert [i.title for i in search(library, "o")] == ["Heat resilience", "Mobility hubs", "Flood planning"]


def test_a_query_with_an_unbalanced_quote_still_searches() -> None:
    assert parse_query('"seville') == [("all", '"seville')]
    assert parse_query("Team:Seville who:") == [("team", "seville")]


def test_a_hundred_sessions_scan_and_search_quickly(tmp_path: Path) -> None:
    base = heat()
    for n in range(100):
        save(tmp_path / f"s{n:03}.toml", base.model_copy(update={"title": f"Workshop {n}"}))
    started = time.perf_counter()
    library = scan(tmp_path, NOW)
    scanned = time.perf_counter() - started
    started = time.perf_counter()
    for query in ["workshop 42", "seville", "shade", "team:valmora", "who:maria", "nothing"] * 20:
        search(library, query)
    searched = time.perf_counter() - started
    assert len(library.sessions) == 100
    assert [i.title for i in search(library, "workshop 42")] == ["Workshop 42"]
    assert scanned < 10 and searched < 1.0, (scanned, searched)
