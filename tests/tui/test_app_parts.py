"""The pure parts of the app: the block font, the tick timing, when alerts ring, the command list."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from c2c_tui.core.clock import derive, format_remaining
from c2c_tui.core.clock.alerts import TICK_EPSILON, AlertWatch, next_tick_delay
from c2c_tui.core.model import ClockEvent, default_agenda
from c2c_tui.tui.run.app import C2CApp
from c2c_tui.tui.run.commands import COMMANDS, WALL_KEYS, bindings
from c2c_tui.tui.widgets.block_font import fit

T0 = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def running_at(seconds: float, events: list[ClockEvent] | None = None):
    log = [ClockEvent(at=T0, event="start")] + (events or [])
    return derive(log, default_agenda(), T0 + timedelta(seconds=seconds))


@given(
    text=st.sampled_from(["00:00", "12:05", "+02:15", "-1:02:03", "1:29:59"]),
    width=st.integers(1, 200),
    height=st.integers(1, 60),
)
def test_the_clock_never_overflows_its_box(text: str, width: int, height: int) -> None:
    rendering = fit(text, width, height)
    if rendering.kind != "plain":
        assert rendering.width <= width and rendering.height <= height


def test_the_clock_grows_with_the_room() -> None:
    assert fit("12:05", 120, 9).height >= 7
    assert fit("12:05", 60, 4).height == 4
    assert fit("12:05", 20, 3).kind == "small"
    assert fit("12:05", 10, 2).lines == ("12:05",)


def test_a_bigger_box_never_gives_a_smaller_clock() -> None:
    heights = [fit("+02:15", 3 * h, h).height for h in range(1, 40)]
    assert heights == sorted(heights)


@given(st.floats(min_value=0, max_value=3 * 3600))
def test_the_next_tick_lands_just_after_the_shown_time_changes(seconds: float) -> None:
    state = running_at(seconds)
    delay = next_tick_delay(state)
    assert TICK_EPSILON < delay <= 1 + TICK_EPSILON
    before = format_remaining(running_at(seconds + delay - 2 * TICK_EPSILON).remaining_seconds)
    after = format_remaining(running_at(seconds + delay).remaining_seconds)
    assert before == format_remaining(state.remaining_seconds)
    assert after != before


def test_a_paused_clock_ticks_on_the_wall_clock_second() -> None:
    log = [ClockEvent(at=T0, event="start"), ClockEvent(at=T0 + timedelta(seconds=3), event="pause")]
    state = derive(log, default_agenda(), T0 + timedelta(seconds=10.25))
    assert next_tick_delay(state) == pytest.approx(0.75 + TICK_EPSILON)


def test_alerts_ring_on_crossing_not_on_opening() -> None:
    watch = AlertWatch()
    assert watch.check(running_at(590)) is None  # opened late in the phase: silent
    watch = AlertWatch()
    assert watch.check(running_at(100)) is None
    assert watch.check(running_at(481)) == "warning"
    assert watch.check(running_at(482)) is None
    assert watch.check(running_at(545)) is None  # danger after warning
    assert watch.check(running_at(601)) == "time-up"
    assert watch.check(running_at(700)) is None


def test_moving_to_a_late_phase_is_silent() -> None:
    watch = AlertWatch()
    assert watch.check(running_at(590)) is None
    moved = running_at(620, [ClockEvent(at=T0 + timedelta(seconds=610), event="next")])
    assert watch.check(moved) is None


def test_every_command_has_a_unique_key_and_an_action_on_the_app() -> None:
    keys = [c.key for c in COMMANDS if c.key]  # "" is a palette-only command
    assert len(keys) == len(set(keys))
    for command in COMMANDS:
        name = command.action.split("(")[0]
        assert hasattr(C2CApp, f"action_{name}"), command.id
        assert not (len(command.key) == 1 and command.key.isprintable()), (
            "printable keys belong to the capture line"
        )
    assert {"f5", "pagedown", "pageup"} <= WALL_KEYS
    priority = {b.key for b in bindings() if b.priority}
    assert {"pagedown", "pageup", "ctrl+q"} <= priority
