"""The clock: an event log folded into a state at a given time. No sleeping: a FakeClock moves time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c2c_tui.core import clock
from c2c_tui.core.clock import FakeClock, derive, format_clock, format_remaining, state_of
from c2c_tui.core.clock.agenda import rebalance
from c2c_tui.core.model import PHASE_IDS, AgendaItem, ClockEvent, Session, Settings, default_agenda

T0 = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
AGENDA = default_agenda()  # rapport 10, context 15, insights 30, reflect 20, agree 15 = 90 minutes


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def ev(seconds: float, kind: str, **fields: object) -> ClockEvent:
    return ClockEvent.model_validate({"at": at(seconds), "event": kind, **fields})


@pytest.fixture
def fake() -> FakeClock:
    return FakeClock(T0)


@pytest.fixture
def session() -> Session:
    return Session(title="Heat plan")


def now_state(session: Session, fake: FakeClock) -> clock.ClockState:
    return state_of(session, fake.now())


# -- start, pause, resume ---------------------------------------------------------------------------


def test_a_new_clock_is_ready_on_rapport_with_the_whole_plan_ahead(session: Session, fake: FakeClock) -> None:
    st_ = now_state(session, fake)
    assert (st_.state, st_.phase, st_.index) == ("ready", "rapport", 0)
    assert st_.elapsed_seconds == 0
    assert st_.remaining_seconds == 600
    assert st_.budget_seconds == 600
    assert st_.level == "normal"
    assert st_.started_at is None and st_.planned_finish is None
    assert st_.offset_seconds == 0
    assert st_.projected_finish == T0 + timedelta(minutes=90)
    assert [t.status for t in st_.timings] == ["current", "todo", "todo", "todo", "todo"]
    assert st_.next_phase == "context"


def test_waiting_before_the_start_costs_nothing_but_moves_the_projected_finish(
    session: Session, fake: FakeClock
) -> None:
    fake.advance(3600)
    st_ = now_state(session, fake)
    assert st_.elapsed_seconds == 0
    assert st_.projected_finish == T0 + timedelta(minutes=150)


def test_toggle_starts_pauses_and_resumes(session: Session, fake: FakeClock) -> None:
    started = clock.toggle(session, fake.now())
    assert started is not None and started.event == "start" and started.phase == "rapport"
    fake.advance(125)
    st_ = now_state(session, fake)
    assert (st_.state, st_.elapsed_seconds, st_.remaining_seconds) == ("running", 125, 475)
    assert st_.started_at == T0
    assert st_.planned_finish == T0 + timedelta(minutes=90)

    paused = clock.toggle(session, fake.now())
    assert paused is not None and paused.event == "pause"
    fake.advance(300)
    assert now_state(session, fake).state == "paused"
    assert now_state(session, fake).elapsed_seconds == 125  # pauses do not count

    resumed = clock.toggle(session, fake.now())
    assert resumed is not None and resumed.event == "resume"
    fake.advance(5)
    st_ = now_state(session, fake)
    assert (st_.state, st_.elapsed_seconds) == ("running", 130)
    assert [e.event for e in session.clock] == ["start", "pause", "resume"]


def test_overtime_keeps_counting_below_zero(session: Session, fake: FakeClock) -> None:
    clock.toggle(session, fake.now())
    fake.advance(600 + 135)
    st_ = now_state(session, fake)
    assert st_.remaining_seconds == -135
    assert st_.over and st_.level == "overtime"
    assert format_remaining(st_.remaining_seconds) == "+02:15"
    fake.advance(3600)
    assert now_state(session, fake).remaining_seconds == -3735


@pytest.mark.parametrize(
    ("elapsed", "level"),
    [
        (0, "normal"),
        (478.999, "normal"),  # 121.001 s left
        (480, "warning"),  # exactly 120 s left
        (539, "warning"),  # 61 s left
        (540, "danger"),  # exactly 60 s left
        (600, "danger"),  # exactly 0 left: not over yet
        (600.001, "overtime"),
    ],
)
def test_levels_at_their_boundaries(elapsed: float, level: str) -> None:
    st_ = derive([ev(0, "start")], AGENDA, at(elapsed))
    assert st_.level == level
    assert st_.over is (level == "overtime")


def test_levels_follow_the_session_settings(session: Session, fake: FakeClock) -> None:
    session.settings = Settings(warning_seconds=300, danger_seconds=30)
    clock.toggle(session, fake.now())
    fake.advance(300)  # 300 s left
    assert now_state(session, fake).level == "warning"
    fake.advance(269)  # 31 s left
    assert now_state(session, fake).level == "warning"
    fake.advance(1)
    assert now_state(session, fake).level == "danger"


def test_paused_keeps_the_level_ready_and_finished_are_normal(session: Session, fake: FakeClock) -> None:
    clock.toggle(session, fake.now())
    fake.advance(590)
    clock.toggle(session, fake.now())
    fake.advance(1000)
    assert now_state(session, fake).level == "danger"
    clock.finish(session, fake.now())
    assert now_state(session, fake).level == "normal"
    preview = derive([ev(0, "next")], AGENDA, at(0))
    assert (preview.state, preview.level) == ("ready", "normal")


# -- moving between phases ----------------------------------------------------------------------------


def test_next_keeps_the_clock_running_and_starts_the_new_phase_at_zero(
    session: Session, fake: FakeClock
) -> None:
    clock.toggle(session, fake.now())
    fake.advance(200)
    moved = clock.next_phase(session, fake.now())
    assert moved is not None and moved.event == "next" and moved.phase == "rapport"
    fake.advance(30)
    st_ = now_state(session, fake)
    assert (st_.state, st_.phase, st_.elapsed_seconds, st_.remaining_seconds) == (
        "running",
        "context",
        30,
        870,
    )
    assert [t.status for t in st_.timings] == ["done", "current", "todo", "todo", "todo"]
    assert [t.actual_seconds for t in st_.timings] == [200, 30, 0, 0, 0]


def test_next_while_paused_stays_paused(session: Session, fake: FakeClock) -> None:
    clock.toggle(session, fake.now())
    fake.advance(60)
    clock.toggle(session, fake.now())
    clock.next_phase(session, fake.now())
    fake.advance(500)
    st_ = now_state(session, fake)
    assert (st_.state, st_.phase, st_.elapsed_seconds) == ("paused", "context", 0)


def test_next_before_the_start_is_a_free_preview(session: Session, fake: FakeClock) -> None:
    clock.next_phase(session, fake.now())
    clock.next_phase(session, fake.now())
    fake.advance(100)
    st_ = now_state(session, fake)
    assert (st_.state, st_.phase, st_.elapsed_seconds) == ("ready", "insights", 0)
    assert st_.started_at is None
    clock.toggle(session, fake.now())
    fake.advance(10)
    assert now_state(session, fake).timings[2].actual_seconds == 10


def test_back_continues_the_time_already_spent_in_that_phase(session: Session, fake: FakeClock) -> None:
    clock.toggle(session, fake.now())
    fake.advance(100)
    clock.next_phase(session, fake.now())
    fake.advance(50)
    back = clock.previous_phase(session, fake.now())
    assert back is not None and back.event == "back" and back.phase == "context"
    fake.advance(30)
    st_ = now_state(session, fake)
    assert (st_.phase, st_.state, st_.elapsed_seconds, st_.remaining_seconds) == (
        "rapport",
        "running",
        130,
        470,
    )
    assert st_.timings[1].actual_seconds == 50
    assert st_.timings[1].status == "todo"


def test_back_on_the_first_phase_does_nothing(session: Session, fake: FakeClock) -> None:
    clock.toggle(session, fake.now())
    assert clock.previous_phase(session, fake.now()) is None
    assert [e.event for e in session.clock] == ["start"]


def test_next_on_the_last_phase_finishes_and_back_reopens_it_paused(
    session: Session, fake: FakeClock
) -> None:
    clock.toggle(session, fake.now())
    for _ in range(4):
        fake.advance(60)
        clock.next_phase(session, fake.now())
    fake.advance(60)
    assert now_state(session, fake).next_phase is None
    done = clock.next_phase(session, fake.now())
    assert done is not None and done.event == "next"
    fake.advance(999)
    st_ = now_state(session, fake)
    assert (st_.state, st_.phase) == ("finished", "agree")
    assert st_.finished_at == at(300)
    assert st_.projected_finish == at(300)
    assert st_.offset_seconds == 300 - 90 * 60  # finished an hour and a quarter early
    assert all(t.status == "done" for t in st_.timings)
    assert sum(t.actual_seconds for t in st_.timings) == 300
    assert clock.next_phase(session, fake.now()) is None
    assert clock.toggle(session, fake.now()) is None
    assert clock.extend(session, fake.now(), 5) is None
    assert clock.finish(session, fake.now()) is None

    reopened = clock.previous_phase(session, fake.now())
    assert reopened is not None and reopened.event == "back"
    st_ = now_state(session, fake)
    assert (st_.state, st_.phase, st_.elapsed_seconds, st_.finished_at) == ("paused", "agree", 60, None)
    clock.toggle(session, fake.now())
    fake.advance(15)
    assert now_state(session, fake).elapsed_seconds == 75


def test_next_on_the_last_phase_before_the_start_does_nothing(session: Session, fake: FakeClock) -> None:
    for _ in range(4):
        clock.next_phase(session, fake.now())
    assert clock.next_phase(session, fake.now()) is None
    assert now_state(session, fake).state == "ready"


def test_a_logged_next_past_the_last_phase_before_the_start_is_ignored() -> None:
    st_ = derive([ev(i, "next") for i in range(6)], AGENDA, at(10))
    assert (st_.state, st_.phase, st_.finished_at) == ("ready", "agree", None)


def test_finish_ends_early_and_leaves_the_rest_todo(session: Session, fake: FakeClock) -> None:
    assert clock.finish(session, fake.now()) is None  # not started
    clock.toggle(session, fake.now())
    fake.advance(60)
    clock.next_phase(session, fake.now())
    fake.advance(60)
    ended = clock.finish(session, fake.now())
    assert ended is not None and ended.event == "finish" and ended.phase == "context"
    fake.advance(600)
    st_ = now_state(session, fake)
    assert (st_.state, st_.phase, st_.elapsed_seconds) == ("finished", "context", 60)
    assert [t.status for t in st_.timings] == ["done", "done", "todo", "todo", "todo"]


def test_a_restart_resumes_exactly_and_counts_the_time_the_app_was_closed(
    session: Session, fake: FakeClock
) -> None:
    clock.toggle(session, fake.now())
    fake.advance(100)
    clock.next_phase(session, fake.now())
    fake.advance(20)
    reloaded = Session.model_validate(session.model_dump())  # what a save and a load give back
    fake.advance(240)  # the laptop crashed; four minutes to get back
    st_ = now_state(reloaded, fake)
    assert (st_.state, st_.phase, st_.elapsed_seconds) == ("running", "context", 260)
    assert st_ == now_state(session, fake)


# -- extend -----------------------------------------------------------------------------------------


def test_extend_adds_and_takes_minutes_on_the_current_phase(session: Session, fake: FakeClock) -> None:
    clock.toggle(session, fake.now())
    plus1 = clock.extend(session, fake.now(), 1)
    assert plus1 is not None and (plus1.event, plus1.minutes, plus1.phase) == ("extend", 1, "rapport")
    clock.extend(session, fake.now(), 5)
    assert now_state(session, fake).budget_seconds == 16 * 60
    clock.extend(session, fake.now(), -1)
    st_ = now_state(session, fake)
    assert st_.budget_seconds == 15 * 60 and st_.remaining_seconds == 15 * 60
    assert st_.timings[0].planned_seconds == 600
    assert st_.timings[1].budget_seconds == 900  # only the current phase changed
    assert st_.planned_finish == T0 + timedelta(minutes=90)  # the plan stays; the projection moves
    assert st_.offset_seconds == 300


def test_extend_never_takes_a_budget_below_one_minute(session: Session, fake: FakeClock) -> None:
    session.agenda = [AgendaItem(phase=p, minutes=3 if p == "rapport" else 10) for p in PHASE_IDS]
    clock.toggle(session, fake.now())
    cut = clock.extend(session, fake.now(), -5)
    assert cut is not None and cut.minutes == -2  # the change that really happened
    assert now_state(session, fake).budget_seconds == 60
    assert clock.extend(session, fake.now(), -1) is None
    assert clock.extend(session, fake.now(), 0) is None
    assert len(session.clock) == 2


def test_a_hand_edited_extend_is_clamped_and_applies_to_the_derived_phase() -> None:
    events = [ev(0, "start"), ev(1, "extend", minutes=-500, phase="agree")]
    st_ = derive(events, AGENDA, at(2))
    assert st_.budget_seconds == 60
    assert st_.timings[4].budget_seconds == 900


def test_extend_refuses_absurd_amounts(session: Session, fake: FakeClock) -> None:
    with pytest.raises(ValueError, match="1440"):
        clock.extend(session, fake.now(), 5000)


def test_rebalance_events_adjust_the_named_phases() -> None:
    events = [ev(0, "start"), ev(10, "rebalance", adjust={"insights": -4, "agree": 2, "reflect": -100})]
    budgets = [t.budget_seconds for t in derive(events, AGENDA, at(20)).timings]
    assert budgets == [600, 900, 26 * 60, 60, 17 * 60]


# -- projected finish and offset --------------------------------------------------------------------


def test_on_plan_the_offset_is_zero_and_a_pause_pushes_the_finish_later(
    session: Session, fake: FakeClock
) -> None:
    clock.toggle(session, fake.now())
    fake.advance(300)
    st_ = now_state(session, fake)
    assert st_.projected_finish == T0 + timedelta(minutes=90)
    assert st_.offset_seconds == 0
    clock.toggle(session, fake.now())
    fake.advance(600)
    st_ = now_state(session, fake)
    assert st_.projected_finish == T0 + timedelta(minutes=100)
    assert st_.offset_seconds == 600


def test_moving_on_early_puts_the_workshop_ahead_and_overtime_behind(
    session: Session, fake: FakeClock
) -> None:
    clock.toggle(session, fake.now())
    fake.advance(120)
    clock.next_phase(session, fake.now())
    assert now_state(session, fake).offset_seconds == -480
    fake.advance(900 + 200)  # context runs 200 s over
    st_ = now_state(session, fake)
    assert st_.offset_seconds == -480 + 200
    assert st_.projected_finish == fake.now() + timedelta(minutes=65)


# -- robustness -------------------------------------------------------------------------------------


def test_events_out_of_order_are_folded_by_time() -> None:
    ordered = [ev(0, "start"), ev(60, "pause"), ev(120, "resume"), ev(180, "next")]
    shuffled = [ordered[2], ordered[0], ordered[3], ordered[1]]
    assert derive(shuffled, AGENDA, at(200)) == derive(ordered, AGENDA, at(200))
    assert derive(shuffled, AGENDA, at(200)).timings[0].actual_seconds == 120


def test_events_that_do_not_apply_are_ignored() -> None:
    clean = [ev(0, "start"), ev(100, "next")]
    noisy = [
        ev(-20, "pause"),  # before the start
        ev(-10, "resume"),
        ev(-5, "finish"),
        ev(-4, "back"),  # on the first phase
        ev(0, "start"),
        ev(10, "start"),  # already running
        ev(20, "resume"),
        ev(100, "next"),
    ]
    assert derive(noisy, AGENDA, at(150)) == derive(clean, AGENDA, at(150))
    after_finish = [ev(0, "start"), ev(10, "finish"), ev(20, "extend", minutes=5), ev(30, "resume")]
    st_ = derive(after_finish, AGENDA, at(40))
    assert (st_.state, st_.budget_seconds, st_.elapsed_seconds) == ("finished", 600, 10)


def test_a_now_before_the_last_event_never_gives_negative_time() -> None:
    st_ = derive([ev(100, "start")], AGENDA, at(0))
    assert st_.elapsed_seconds == 0 and st_.remaining_seconds == 600


def test_a_command_with_a_late_clock_still_folds_last(session: Session, fake: FakeClock) -> None:
    clock.toggle(session, at(100))
    paused = clock.toggle(session, at(50))  # the system clock stepped back
    # the log is settled first: the start (in the future now) moves to 50, and the pause folds last
    assert paused is not None and paused.at == at(50)
    assert [e.at for e in session.clock] == [at(50), at(50)]
    assert state_of(session, at(500)).state == "paused"


def test_many_short_pauses_do_not_drift() -> None:
    events = [ev(0, "start")]
    for i in range(1000):
        events += [ev(i * 0.3 + 0.1, "pause"), ev(i * 0.3 + 0.3, "resume")]
    st_ = derive(events, AGENDA, at(300))
    assert st_.elapsed_seconds == pytest.approx(100.0, abs=1e-6)


def test_fake_and_system_clocks_give_aware_utc() -> None:
    fake = FakeClock(datetime(2026, 1, 1, 12, 0))
    assert fake.now() == datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    fake.advance(1.5)
    assert fake.now() == datetime(2026, 1, 1, 12, 0, 1, 500000, tzinfo=UTC)
    fake.set(T0)
    assert fake.now() == T0
    assert clock.SystemClock().now().utcoffset() == timedelta(0)


# -- display ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(0, "00:00"), (59.9, "00:59"), (725, "12:05"), (3599, "59:59"), (3600, "1:00:00"), (3723, "1:02:03")],
)
def test_format_clock(seconds: float, shown: str) -> None:
    assert format_clock(seconds) == shown
    assert format_clock(-seconds) == shown


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (725, "12:05"),
        (59.2, "01:00"),  # a countdown rounds up
        (0.3, "00:01"),
        (0, "00:00"),
        (-0.5, "+00:00"),  # overtime counts up from zero
        (-135.9, "+02:15"),
        (-3723, "+1:02:03"),
    ],
)
def test_format_remaining(seconds: float, shown: str) -> None:
    assert format_remaining(seconds) == shown


# -- property ---------------------------------------------------------------------------------------

COMMANDS = st.sampled_from(
    ["toggle", "next", "back", "extend+1", "extend+5", "extend-1", "finish", "extend-9", "rebalance"]
)


@settings(max_examples=200, deadline=None)
@given(steps=st.lists(st.tuples(COMMANDS, st.floats(min_value=0, max_value=2000)), max_size=40))
def test_any_sequence_of_commands_gives_a_sane_clock(steps: list[tuple[str, float]]) -> None:
    session, fake = Session(title="p"), FakeClock(T0)
    for command, gap in steps:
        fake.advance(gap)
        now = fake.now()
        if command == "toggle":
            clock.toggle(session, now)
        elif command == "next":
            clock.next_phase(session, now)
        elif command == "back":
            clock.previous_phase(session, now)
        elif command == "finish":
            clock.finish(session, now)
        elif command == "rebalance":
            rebalance(session, now)
        else:
            clock.extend(session, now, int(command.removeprefix("extend")))
        st_ = state_of(session, now)
        assert st_.elapsed_seconds >= 0
        assert st_.budget_seconds >= 60
        assert st_.remaining_seconds == st_.budget_seconds - st_.elapsed_seconds
        assert st_.elapsed_seconds == st_.timings[st_.index].actual_seconds
        spent = sum(t.actual_seconds for t in st_.timings)
        if st_.started_at is None:
            assert spent == 0
        else:
            assert spent <= (now - st_.started_at).total_seconds() + 1e-6
        if st_.state == "finished":
            assert st_.projected_finish == st_.finished_at
        else:
            assert st_.projected_finish >= now


# -- times of day to the minute: rounded, never cut -------------------------------------------------


@pytest.mark.parametrize(
    ("hms", "shown"),
    [("07:49:55", "07:50"), ("07:49:29", "07:49"), ("07:49:30", "07:50"), ("07:49:00", "07:49")],
)
def test_time_of_day_rounds_to_the_minute(hms: str, shown: str) -> None:
    h, m, s = (int(x) for x in hms.split(":"))
    assert clock.time_of_day(datetime(2026, 6, 1, h, m, s, tzinfo=UTC), UTC) == shown


def test_time_of_day_rounds_before_it_compares_the_day() -> None:
    late = datetime(2026, 6, 1, 23, 59, 45, tzinfo=UTC)
    assert clock.time_of_day(late, UTC, day=late.date()) == "2026-06-02 00:00"
    assert clock.time_of_day(late.replace(second=10), UTC, day=late.date()) == "23:59"
    assert clock.to_minute(datetime(2026, 6, 1, 7, 49, 29, 999999, tzinfo=UTC)).minute == 49


def test_time_of_day_in_a_zone() -> None:
    from zoneinfo import ZoneInfo

    moment = datetime(2026, 6, 1, 5, 49, 55, tzinfo=UTC)
    assert clock.time_of_day(moment, ZoneInfo("Europe/Madrid")) == "07:50"


# -- go to a phase (the palette's "Go to ...") ---------------------------------------------------------


def test_go_to_a_later_phase_is_next_events_and_keeps_running(session: Session) -> None:
    clock.toggle(session, at(0))
    events = clock.go_to(session, at(60), "reflect")
    assert events is not None and [e.event for e in events] == ["next", "next", "next"]
    assert [e.phase for e in events] == ["rapport", "context", "insights"]
    st = state_of(session, at(100))
    assert (st.phase, st.state, st.elapsed_seconds) == ("reflect", "running", 40)
    assert [t.actual_seconds for t in st.timings] == [60, 0, 0, 40, 0]


def test_go_to_an_earlier_phase_is_back_events_and_its_time_carries_on(session: Session) -> None:
    clock.toggle(session, at(0))
    clock.go_to(session, at(60), "agree")
    clock.toggle(session, at(120))  # paused
    events = clock.go_to(session, at(130), "rapport")
    assert events is not None and [e.event for e in events] == ["back"] * 4
    st = state_of(session, at(500))
    assert (st.phase, st.state, st.elapsed_seconds) == ("rapport", "paused", 60)


def test_go_to_before_the_start_is_a_preview_and_f5_starts_there(session: Session) -> None:
    assert clock.go_to(session, at(0), "agree") is not None
    st = state_of(session, at(30))
    assert (st.phase, st.state, sum(t.actual_seconds for t in st.timings)) == ("agree", "ready", 0)
    clock.toggle(session, at(30))
    assert state_of(session, at(90)).timings[4].actual_seconds == 60


def test_go_to_never_finishes_and_does_nothing_when_there_or_finished(session: Session) -> None:
    assert clock.go_to(session, at(0), "rapport") is None
    clock.toggle(session, at(0))
    clock.go_to(session, at(10), "agree")
    assert state_of(session, at(20)).state == "running"
    clock.finish(session, at(30))
    count = len(session.clock)
    assert clock.go_to(session, at(40), "context") is None
    assert len(session.clock) == count


@given(targets=st.lists(st.sampled_from(PHASE_IDS), max_size=12))
def test_go_to_always_lands_on_the_target(targets: list[str]) -> None:
    session = Session(title="Heat plan")
    clock.toggle(session, at(0))
    for i, target in enumerate(targets):
        clock.go_to(session, at(10 * (i + 1)), target)  # type: ignore[arg-type]
        st = state_of(session, at(10 * (i + 1)))
        assert (st.phase, st.state) == (target, "running")
