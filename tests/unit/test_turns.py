"""Part 2's turns: turn events folded by the clock, the shares, the commands. A FakeClock moves time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from c2c_tui.core.clock import FakeClock, derive, go_to, next_phase, previous_phase, state_of, toggle
from c2c_tui.core.clock.turns import (
    current_turn,
    has_turns,
    next_turn,
    shares,
    take_turn,
    turn_team,
    turns_of,
)
from c2c_tui.core.model import ClockEvent, Session, Team, default_agenda

T0 = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def team(team_id: str, role: str = "advisor", **fields: object) -> Team:
    return Team.model_validate({"id": team_id, "name": f"Team {team_id}", "role": role, **fields})


@pytest.fixture
def fake() -> FakeClock:
    return FakeClock(T0)


@pytest.fixture
def session() -> Session:
    return Session(title="Heat plan", teams=[team("s1", "seeking"), team("t1"), team("t2"), team("t3")])


def in_part2(session: Session, fake: FakeClock) -> None:
    """Started, then straight to Part 2 (insights: 30 minutes)."""
    toggle(session, fake.now())
    go_to(session, fake.now(), "insights")


def used(session: Session, fake: FakeClock) -> dict[str, float]:
    return {t.team: t.used_seconds for t in turns_of(session, state_of(session, fake.now()))}


# -- the model --------------------------------------------------------------------------------------


def test_a_turn_event_names_a_team_by_id_and_only_a_turn_does() -> None:
    event = ClockEvent.model_validate({"at": T0, "event": "turn", "team": "t2"})
    assert event.team == "t2"
    assert ClockEvent.model_validate({"at": T0, "event": "turn"}).team is None  # the turns end
    with pytest.raises(ValidationError, match="only a turn event names a team"):
        ClockEvent.model_validate({"at": T0, "event": "start", "team": "t2"})
    with pytest.raises(ValidationError, match="a turn names a team by its id"):
        ClockEvent.model_validate({"at": T0, "event": "turn", "team": "x" * 65})


def test_turn_minutes_are_bounded_like_agenda_minutes() -> None:
    assert team("t1", turn_minutes=1440).turn_minutes == 1440
    for bad in (0, 1441):
        with pytest.raises(ValidationError):
            team("t1", turn_minutes=bad)


def test_an_old_log_without_turns_derives_exactly_as_before() -> None:
    events = [
        ClockEvent(at=T0, event="start"),
        ClockEvent(at=T0 + timedelta(minutes=25), event="next"),
        ClockEvent(at=T0 + timedelta(minutes=40), event="next"),
    ]
    state = derive(events, default_agenda(), T0 + timedelta(minutes=50))
    assert state.phase == "insights"
    assert state.turn is None and state.turn_seconds == ()


# -- the fold -----------------------------------------------------------------------------------------


def test_part2_time_counts_for_the_team_whose_turn_it_is(session: Session, fake: FakeClock) -> None:
    in_part2(session, fake)
    fake.advance(60)  # before any turn: nobody's
    assert take_turn(session, fake.now(), "t1") is not None
    fake.advance(300)
    assert take_turn(session, fake.now(), "t2") is not None
    fake.advance(120)
    toggle(session, fake.now())  # paused: no time counts
    fake.advance(600)
    toggle(session, fake.now())
    fake.advance(30)
    assert used(session, fake) == {"t1": 300, "t2": 150, "t3": 0}
    state = state_of(session, fake.now())
    assert state.turn == "t2"
    assert state.elapsed_seconds == 60 + 300 + 150


def test_leaving_part2_keeps_the_turn_and_only_part2_time_counts(session: Session, fake: FakeClock) -> None:
    in_part2(session, fake)
    take_turn(session, fake.now(), "t3")
    fake.advance(100)
    next_phase(session, fake.now())
    state = state_of(session, fake.now())
    assert state.turn is None  # not shown outside Part 2
    fake.advance(500)
    assert used(session, fake)["t3"] == 100
    previous_phase(session, fake.now())
    fake.advance(20)
    assert state_of(session, fake.now()).turn == "t3"
    assert used(session, fake)["t3"] == 120


def test_a_turn_outside_part2_or_after_the_finish_is_ignored(session: Session) -> None:
    agenda = default_agenda()
    events = [
        ClockEvent(at=T0, event="start"),
        ClockEvent(at=T0 + timedelta(minutes=1), event="turn", team="t1"),  # in rapport: ignored
        ClockEvent(at=T0 + timedelta(minutes=2), event="next"),
        ClockEvent(at=T0 + timedelta(minutes=3), event="next"),
    ]
    state = derive(events, agenda, T0 + timedelta(minutes=10))
    assert state.phase == "insights" and state.turn is None and state.turn_seconds == ()
    assert take_turn(session, T0, "t1") is None  # the command refuses outside Part 2 too


def test_the_commands_refuse_what_does_not_apply(session: Session, fake: FakeClock) -> None:
    in_part2(session, fake)
    count = len(session.clock)
    assert take_turn(session, fake.now(), "s1") is None  # the Seeking team has no turn
    assert take_turn(session, fake.now(), "nobody") is None
    assert take_turn(session, fake.now(), None) is None  # no turn to end
    assert len(session.clock) == count  # nothing appended
    assert take_turn(session, fake.now(), "t1") is not None
    assert take_turn(session, fake.now(), "t1") is None  # already its turn
    assert len(session.clock) == count + 1


def test_next_turn_goes_round_the_advisor_teams_then_nobody(session: Session, fake: FakeClock) -> None:
    in_part2(session, fake)
    seen = []
    for _ in range(5):
        assert next_turn(session, fake.now()) is not None
        seen.append(turn_team(session, state_of(session, fake.now())))
    assert seen == ["t1", "t2", "t3", None, "t1"]
    assert has_turns(session)
    assert not has_turns(Session(title="x"))


def test_a_turn_of_a_team_that_is_no_longer_an_advisor_is_nobodys(session: Session, fake: FakeClock) -> None:
    in_part2(session, fake)
    take_turn(session, fake.now(), "t2")
    session.teams[2].role = "specialist"
    state = state_of(session, fake.now())
    assert turn_team(session, state) is None
    assert current_turn(session, state) is None
    assert next_turn(session, fake.now()) is not None
    assert turn_team(session, state_of(session, fake.now())) == "t1"


# -- shares -------------------------------------------------------------------------------------------


def test_part2_is_split_evenly_over_the_advisor_teams(session: Session, fake: FakeClock) -> None:
    in_part2(session, fake)
    rows = turns_of(session, state_of(session, fake.now()))
    assert [(r.team, r.share_seconds) for r in rows] == [("t1", 600), ("t2", 600), ("t3", 600)]


def test_odd_seconds_go_to_the_first_teams_and_the_shares_add_up() -> None:
    advisors = [team(f"t{i}") for i in range(1, 5)]
    split = shares(advisors, 1801)
    assert list(split.values()) == [451, 450, 450, 450]
    assert sum(split.values()) == 1801


def test_a_fixed_share_is_kept_and_the_others_split_the_rest() -> None:
    advisors = [team("t1", turn_minutes=12), team("t2"), team("t3")]
    assert shares(advisors, 1800) == {"t1": 720, "t2": 540, "t3": 540}
    assert shares([team("t1", turn_minutes=40), team("t2")], 1800) == {"t1": 2400, "t2": 0}
    assert shares([], 1800) == {}


def test_extending_part2_gives_the_turns_more_time(session: Session, fake: FakeClock) -> None:
    from c2c_tui.core.clock import extend

    in_part2(session, fake)
    take_turn(session, fake.now(), "t1")
    fake.advance(540)
    extend(session, fake.now(), 3)
    turn = current_turn(session, state_of(session, fake.now()))
    assert turn is not None
    assert (turn.name, turn.share_seconds, turn.left_seconds) == ("Team t1", 660, 120)


def test_a_turn_that_runs_over_has_negative_time_left(session: Session, fake: FakeClock) -> None:
    in_part2(session, fake)
    take_turn(session, fake.now(), "t1")
    fake.advance(700)
    turn = current_turn(session, state_of(session, fake.now()))
    assert turn is not None and turn.left_seconds == -100 and turn.had_turn


# -- the summary --------------------------------------------------------------------------------------


def test_the_summary_timing_lists_each_advisor_teams_turn(session: Session, fake: FakeClock) -> None:
    from c2c_tui.core.summary.parts import timing

    session.teams[1].name = "Seville | City"  # user text in a table cell
    in_part2(session, fake)
    take_turn(session, fake.now(), "t1")
    fake.advance(720)
    take_turn(session, fake.now(), "t2")
    fake.advance(300)
    text = timing(session, fake.now())
    assert "### Part 2: the Advisor teams' turns" in text
    assert "| Seville \\| City | 10:00 | 12:00 | +02:00 |" in text
    assert "| Team t2 (current) | 10:00 | 05:00 | -05:00 |" in text
    assert "| Team t3 | 10:00 | – | – |" in text


def test_a_summary_without_turns_has_no_turns_table(session: Session, fake: FakeClock) -> None:
    from c2c_tui.core.summary.parts import timing

    in_part2(session, fake)
    fake.advance(60)
    assert "turns" not in timing(session, fake.now())
