"""The facilitator app's clock keys, states and alerts, driven with Pilot and a FakeClock."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_support import build, fresh, screen_text, steady  # noqa: F401

from c2c_tui.core import store
from c2c_tui.tui.run.run_screen import RunScreen
from c2c_tui.tui.widgets.agenda_strip import AgendaStrip
from c2c_tui.tui.widgets.big_clock import BigClock

pytestmark = pytest.mark.usefixtures("steady")


def shown(app) -> tuple[str, str]:
    clock = app.screen.query_one(BigClock)
    return clock.digits, clock.word


async def test_f5_starts_pauses_and_resumes(tmp_path: Path) -> None:
    app = build(*fresh(tmp_path))
    fake = app.clock
    async with app.run_test(size=(120, 36)) as pilot:
        assert shown(app) == ("10:00", "READY · F5 starts")
        await pilot.press("f5")
        fake.advance(10)
        app.tick()
        assert shown(app) == ("09:50", "TIME LEFT")
        await pilot.press("f5")
        fake.advance(30)
        app.tick()
        assert shown(app) == ("09:50", "PAUSED")
        assert "PAUSED" in screen_text(app)
        await pilot.press("f5")
        fake.advance(5)
        app.tick()
        assert shown(app) == ("09:45", "TIME LEFT")
    assert [e.event for e in app.session.clock] == ["start", "pause", "resume"]


async def test_page_keys_move_phases_while_the_capture_line_has_focus(tmp_path: Path) -> None:
    app = build(*fresh(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        capture = app.screen.query_one("#capture")
        assert app.screen.focused is capture
        await pilot.press("f5", "h", "i")
        await pilot.press("pagedown")
        assert app.current_phase == "context"
        assert app.clock_state().state == "running"  # the clock keeps running into the next phase
        await pilot.press("pagedown", "pageup")
        assert app.current_phase == "context"
        assert capture.value == "hi"  # nothing typed into the line by the page keys
        assert app.screen.focused is capture
        assert "PART 1 · PURPOSE" in screen_text(app)


async def test_overtime_counts_up_and_says_over(tmp_path: Path) -> None:
    app = build(*fresh(tmp_path))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f5")
        app.clock.advance(10 * 60 + 30)
        app.tick()
        await pilot.pause()
        assert shown(app) == ("+00:30", "OVER")
        assert app.screen.query_one(BigClock).has_class("-overtime")
        assert "OVER" in screen_text(app)


async def test_small_terminal_still_shows_clock_phase_question_and_capture_line(tmp_path: Path) -> None:
    app = build(*fresh(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        text = screen_text(app)
        assert "RAPPORT" in text and "» Who is here" in text and "TIME LEFT" in text
        assert "Type and Enter" in text  # the capture line
        assert app.screen.query_one(BigClock).rendering().height >= 3


async def test_big_clock_is_seven_rows_tall_at_120x36(tmp_path: Path) -> None:
    app = build(*fresh(tmp_path))
    async with app.run_test(size=(120, 36)):
        rendering = app.screen.query_one(BigClock).rendering()
        assert rendering.kind == "blocks" and rendering.height >= 7


async def test_warning_rings_the_bell_once_and_flashes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build(*fresh(tmp_path))
    rings: list[int] = []
    monkeypatch.setattr(app, "bell", lambda: rings.append(1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        app.clock.advance(10 * 60 - 125)
        app.tick()
        assert rings == []
        app.clock.advance(10)  # 01:55 left: warning
        app.tick()
        assert shown(app)[1] == "WRAP UP"
        assert rings == [1]
        assert app.screen.query_one(BigClock).has_class("-flash")
        app.clock.advance(1)
        app.tick()
        app.clock.advance(60)  # danger: no second warning
        app.tick()
        assert shown(app)[1] == "ALMOST UP"
        assert rings == [1]
        app.clock.advance(60)  # time up
        app.tick()
        assert rings == [1, 1]


async def test_mute_stops_the_bell_and_is_saved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    session_file, clock = fresh(tmp_path)
    app = build(session_file, clock)
    rings: list[int] = []
    monkeypatch.setattr(app, "bell", lambda: rings.append(1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5", "f4")
        assert app.session.settings.bell is False
        assert "bell OFF" in screen_text(app)
        app.clock.advance(10 * 60 - 100)
        app.tick()
        assert shown(app)[1] == "WRAP UP"
        assert app.screen.query_one(BigClock).has_class("-flash")  # still a visual alert
        assert rings == []
        await pilot.press("ctrl+s")
    assert store.load(session_file.path).settings.bell is False


async def test_extend_keys_change_the_time_left_and_the_strip(tmp_path: Path) -> None:
    app = build(*fresh(tmp_path))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f5", "f6")
        assert shown(app)[0] == "11:00"
        await pilot.press("f7")
        assert shown(app)[0] == "16:00"
        await pilot.press("f8")
        assert shown(app)[0] == "15:00"
        assert "▶[Rapport 0/15m]" in screen_text(app)


async def test_rebalance_spreads_the_overrun_over_what_is_left(tmp_path: Path) -> None:
    app = build(*fresh(tmp_path))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f5")
        app.clock.advance(14 * 60)  # rapport ran 4 minutes over
        await pilot.press("pagedown")
        assert "4 min behind plan" in screen_text(app)
        await pilot.press("f9")
        await pilot.pause()
        strip = app.screen.query_one(AgendaStrip).render().plain
        assert "→" in strip  # planned→budget on the phases to come
        assert app.session.clock[-1].event == "rebalance"
        assert sum(app.session.clock[-1].adjust.values()) == -4
        assert "on plan" in screen_text(app)


async def test_escape_never_quits(tmp_path: Path) -> None:
    app = build(*fresh(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape", "escape", "escape")
        assert app.is_running
        assert isinstance(app.screen, RunScreen)


async def test_finishing_from_the_last_phase_needs_a_second_page_down(tmp_path: Path) -> None:
    app = build(*fresh(tmp_path))
    fake = app.clock
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f5", "pagedown", "pagedown", "pagedown", "pagedown")
        assert app.current_phase == "agree"
        await pilot.press("pagedown")  # a clicker press too many: nothing finishes yet
        assert app.clock_state().state == "running"
        fake.advance(10)  # too late for the first press to count
        await pilot.press("pagedown")
        assert app.clock_state().state == "running"
        fake.advance(1)
        await pilot.press("pagedown")
        assert app.clock_state().state == "finished"


async def test_a_finished_workshop_shows_its_total_time(tmp_path: Path) -> None:
    app = build(*fresh(tmp_path))
    fake = app.clock
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f5")
        fake.advance(90)
        await pilot.press("pagedown")
        fake.advance(30)
        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown", "pagedown")
        app.tick()
        assert app.clock_state().state == "finished"
        assert shown(app) == ("02:00", "FINISHED · TOTAL TIME")
