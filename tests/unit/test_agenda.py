"""Agenda templates and rebalancing what is left so the planned finish holds."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c2c_tui.core import clock
from c2c_tui.core.clock import FakeClock, state_of
from c2c_tui.core.clock.agenda import (
    DEFAULT_TEMPLATE,
    TEMPLATES,
    agenda_from_template,
    plan_rebalance,
    rebalance,
    total_minutes,
)
from c2c_tui.core.model import PHASE_IDS, AgendaItem, Session

T0 = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def agenda(*minutes: int) -> list[AgendaItem]:
    return [AgendaItem(phase=p, minutes=m) for p, m in zip(PHASE_IDS, minutes, strict=True)]


def running(minutes: tuple[int, ...] = (10, 15, 30, 20, 15)) -> tuple[Session, FakeClock]:
    session, fake = Session(title="Heat plan", agenda=agenda(*minutes)), FakeClock(T0)
    clock.toggle(session, fake.now())
    return session, fake


# -- templates --------------------------------------------------------------------------------------


def test_the_default_template_is_the_90_minute_online_workshop() -> None:
    assert DEFAULT_TEMPLATE == "online-90"
    items = agenda_from_template("online-90")
    assert [(i.phase, i.minutes) for i in items] == [
        ("rapport", 10),
        ("context", 15),
        ("insights", 30),
        ("reflect", 20),
        ("agree", 15),
    ]
    assert total_minutes(items) == 90


@pytest.mark.parametrize("name", ["online-90", "half-day", "full-day"])
def test_every_template_makes_a_valid_agenda_with_a_title_and_description(name: str) -> None:
    template = TEMPLATES[name]
    assert template.name == name and template.title and template.description
    session = Session(title="t", agenda=agenda_from_template(name))  # validates: five phases in order
    assert total_minutes(session.agenda) == template.total_minutes
    assert "\n" not in template.description


def test_the_longer_templates_give_rapport_more_time() -> None:
    assert total_minutes(agenda_from_template("half-day")) == 210
    assert total_minutes(agenda_from_template("full-day")) == 390
    rapport = {name: TEMPLATES[name].minutes["rapport"] for name in TEMPLATES}
    assert rapport["online-90"] < rapport["half-day"] < rapport["full-day"]


def test_an_unknown_template_names_the_ones_that_exist() -> None:
    with pytest.raises(KeyError) as caught:
        agenda_from_template("weekend")
    message = caught.value.args[0]
    assert "'weekend'" in message
    assert "online-90, half-day, full-day" in message


# -- plan_rebalance -----------------------------------------------------------------------------------


def test_nothing_to_rebalance_before_the_start_or_on_plan() -> None:
    session, fake = Session(title="t"), FakeClock(T0)
    assert plan_rebalance(state_of(session, fake.now())) == {}
    clock.toggle(session, fake.now())
    fake.advance(300)
    assert plan_rebalance(state_of(session, fake.now())) == {}
    assert rebalance(session, fake.now()) is None
    assert [e.event for e in session.clock] == ["start"]


def test_less_than_half_a_minute_off_rounds_to_nothing() -> None:
    session, fake = running()
    fake.advance(600 + 29)
    assert plan_rebalance(state_of(session, fake.now())) == {}
    fake.advance(1)  # 30 s behind: rounds to one minute
    assert sum(plan_rebalance(state_of(session, fake.now())).values()) == -1


def test_nothing_to_rebalance_on_the_last_phase_or_after_the_finish() -> None:
    session, fake = running()
    for _ in range(4):
        clock.next_phase(session, fake.now())
    fake.advance(15 * 60 + 300)
    assert plan_rebalance(state_of(session, fake.now())) == {}
    clock.finish(session, fake.now())
    assert plan_rebalance(state_of(session, fake.now())) == {}


def test_an_overrun_is_taken_from_the_phases_to_come_in_proportion() -> None:
    session, fake = running()
    fake.advance(600 + 13 * 60)  # rapport 13 minutes over; 80 minutes still to come
    state = state_of(session, fake.now())
    assert state.offset_seconds == 13 * 60
    # 13 * (15, 30, 20, 15) / 80 = 2.44, 4.88, 3.25, 2.44 -> 2, 4, 3, 2 + largest remainders (insights, context)
    assert plan_rebalance(state) == {"context": -3, "insights": -5, "reflect": -3, "agree": -2}


def test_after_a_rebalance_the_planned_finish_holds() -> None:
    session, fake = running()
    fake.advance(600 + 13 * 60 + 10)
    event = rebalance(session, fake.now())
    assert event is not None and event.event == "rebalance" and event.phase == "rapport"
    assert event.adjust == {"context": -3, "insights": -5, "reflect": -3, "agree": -2}
    assert session.clock[-1] is event
    after = state_of(session, fake.now())
    assert after.offset_seconds == 10  # the 10 s under half a minute stay
    assert [t.budget_seconds // 60 for t in after.timings] == [10, 12, 25, 17, 13]
    assert rebalance(session, fake.now()) is None  # already on plan


def test_each_phase_keeps_at_least_one_minute_and_the_rest_stays_over() -> None:
    session, fake = running((10, 2, 2, 1, 3))
    fake.advance(600 + 20 * 60)  # 20 minutes over; only 4 can be taken
    assert plan_rebalance(state_of(session, fake.now())) == {"context": -1, "insights": -1, "agree": -2}
    rebalance(session, fake.now())
    after = state_of(session, fake.now())
    assert [t.budget_seconds for t in after.timings[1:]] == [60, 60, 60, 60]
    assert after.offset_seconds == 16 * 60


def test_a_phase_that_reaches_its_minimum_passes_the_rest_to_the_others() -> None:
    session, fake = running((10, 1, 1, 2, 10))
    fake.advance(600 + 9 * 60)
    # in proportion reflect would give 2 (1.5 rounded up) of its 1 spare minute: it gives 1, agree the other 8
    assert plan_rebalance(state_of(session, fake.now())) == {"reflect": -1, "agree": -8}


def test_spare_time_is_added_to_the_phases_to_come() -> None:
    session, fake = running()
    fake.advance(120)
    clock.next_phase(session, fake.now())  # eight minutes ahead
    state = state_of(session, fake.now())
    assert state.offset_seconds == -480
    # 8 * (30, 20, 15) / 65 = 3.69, 2.46, 1.85 -> 3, 2, 1 + largest remainders (agree, insights)
    assert plan_rebalance(state) == {"insights": 4, "reflect": 2, "agree": 2}
    rebalance(session, fake.now())
    assert state_of(session, fake.now()).offset_seconds == 0


def test_a_paused_workshop_can_be_rebalanced() -> None:
    session, fake = running()
    fake.advance(60)
    clock.toggle(session, fake.now())
    fake.advance(20 * 60)  # a long coffee break
    assert sum(plan_rebalance(state_of(session, fake.now())).values()) == -20


@settings(max_examples=200, deadline=None)
@given(
    minutes=st.lists(st.integers(1, 4) | st.integers(1, 120), min_size=5, max_size=5),
    spent=st.floats(min_value=0, max_value=6 * 3600),
    moves=st.integers(min_value=0, max_value=3),
)
def test_rebalance_properties(minutes: list[int], spent: float, moves: int) -> None:
    session, fake = running(tuple(minutes))
    for _ in range(moves):
        fake.advance(30)
        clock.next_phase(session, fake.now())
    fake.advance(spent)
    before = state_of(session, fake.now())
    plan = plan_rebalance(before)
    todo = {t.phase: t.budget_seconds // 60 for t in before.timings if t.status == "todo"}
    assert set(plan) <= set(todo)
    assert all(change != 0 for change in plan.values())
    assert all(todo[p] + change >= 1 for p, change in plan.items())
    overrun = round(before.offset_seconds / 60)
    room = sum(m - 1 for m in todo.values())
    if todo and abs(before.offset_seconds / 60 - overrun) < 0.49:  # away from a rounding tie
        expected = -min(overrun, room) if overrun > 0 else -overrun
        assert sum(plan.values()) == expected
        if plan:
            rebalance(session, fake.now())
            after = state_of(session, fake.now())
            assert after.offset_seconds == pytest.approx(before.offset_seconds + expected * 60)
            if overrun <= room:
                assert abs(after.offset_seconds) <= 30
