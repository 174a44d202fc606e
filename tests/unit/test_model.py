"""The session model: defaults, validation messages, references, ids."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from pydantic import ValidationError

from c2c_tui.core.model import PHASE_IDS, SCHEMA_VERSION, ClockEvent, Entry, Session, Team
from c2c_tui.core.phases import PHASES, phase, phase_index


def test_a_new_session_has_the_five_phases_in_order() -> None:
    session = Session(title="T")
    assert [item.phase for item in session.agenda] == list(PHASE_IDS)
    assert session.schema_version == SCHEMA_VERSION


def test_agenda_must_list_the_five_phases_in_order() -> None:
    agenda = [{"phase": p, "minutes": 5} for p in reversed(PHASE_IDS)]
    with pytest.raises(ValidationError, match="five phases"):
        Session.model_validate({"title": "T", "agenda": agenda})


@pytest.mark.parametrize("minutes", [0, -3])
def test_minutes_are_at_least_one(minutes: int) -> None:
    agenda = [{"phase": p, "minutes": minutes if p == "context" else 5} for p in PHASE_IDS]
    with pytest.raises(ValidationError, match="greater than or equal to 1"):
        Session.model_validate({"title": "T", "agenda": agenda})


def test_unknown_fields_are_refused_not_dropped() -> None:
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        Session.model_validate({"title": "T", "colour": "blue"})


def test_newer_schema_is_refused_with_the_version_it_reads() -> None:
    with pytest.raises(ValidationError, match=r"newer than this c2c reads \(1\)"):
        Session.model_validate({"title": "T", "schema_version": 2})


def test_team_references_must_exist() -> None:
    with pytest.raises(ValidationError, match=r"entries\[0\]\.team: no team has the id 'nope'"):
        Session.model_validate(
            {
                "title": "T",
                "entries": [{"id": "e1", "phase": "context", "kind": "note", "text": "x", "team": "nope"}],
            }
        )


def test_duplicate_ids_are_refused() -> None:
    entry = {"id": "e1", "phase": "context", "kind": "note", "text": "x"}
    with pytest.raises(ValidationError, match="duplicate id 'e1'"):
        Session.model_validate({"title": "T", "entries": [entry, entry]})


def test_next_id_is_one_more_than_the_largest() -> None:
    session = Session(title="T")
    assert session.next_id("e") == "e1"
    session.entries.append(Entry(id="e7", phase="rapport", kind="note", text="x"))
    session.entries.append(Entry(id="custom", phase="rapport", kind="note", text="y"))
    assert session.next_id("e") == "e8"


def test_clock_times_are_kept_as_aware_utc() -> None:
    cet = timezone(timedelta(hours=1))
    event = ClockEvent(at=datetime(2026, 11, 12, 10, 0, tzinfo=cet), event="start")
    assert event.at == datetime(2026, 11, 12, 9, 0, tzinfo=UTC)
    assert event.at.utcoffset() == timedelta(0)
    naive = ClockEvent(at=datetime(2026, 11, 12, 9, 0), event="start")
    assert naive.at.tzinfo is not None


def test_extend_needs_minutes() -> None:
    with pytest.raises(ValidationError, match="extend event needs minutes"):
        ClockEvent(at=datetime(2026, 1, 1, tzinfo=UTC), event="extend")


def test_team_lookups() -> None:
    session = Session(
        title="T",
        teams=[Team(id="v", name="Valmora", role="seeking"), Team(id="s", name="Seville", role="advisor")],
    )
    assert session.team_name("s") == "Seville"
    assert session.team_name(None) == ""
    assert [t.id for t in session.advisor_teams] == ["s"]


def test_phases_follow_the_method() -> None:
    assert [p.id for p in PHASES] == list(PHASE_IDS)
    assert phase("insights").questions == (
        "What surprised you?",
        "What did you expect to hear that you didn't?",
    )
    assert phase("reflect").default_kind == "option"
    assert phase("agree").default_kind == "action"
    assert phase_index("agree") == 4


def test_next_status_cycles_open_done_dropped() -> None:
    from c2c_tui.core.model import next_status

    assert [next_status("open"), next_status("done"), next_status("dropped")] == ["done", "dropped", "open"]
