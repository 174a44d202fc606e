"""The run screen's layout per size (issue 12 §1): digits that grow with the terminal, five items and more
at 80x24 with the text column getting most of the width, the highlighted item whole, the agenda strip in
words, notifications clear of the capture line, and the clock (and F5) in the live set-up."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_support import build, example_at, fresh, screen_text, steady  # noqa: F401
from textual.widgets._toast import Toast

from c2c_tui.core.clock import ClockState
from c2c_tui.tui.run.capture_bar import CaptureBar
from c2c_tui.tui.run.live_setup import LiveSetupScreen
from c2c_tui.tui.run.work.entry_list import EntryList
from c2c_tui.tui.run.work.item_detail import ItemDetail
from c2c_tui.tui.widgets.agenda_strip import strip_text
from c2c_tui.tui.widgets.big_clock import BigClock
from c2c_tui.tui.widgets.clock_line import ClockLine

pytestmark = pytest.mark.usefixtures("steady")

SIZES = [(80, 24), (100, 30), (120, 36), (160, 48), (200, 60)]


@pytest.mark.parametrize("phase", ["rapport", "context", "insights", "reflect", "agree"])
async def test_the_digits_are_5_rows_at_80x24_7_at_120x36_and_grow_above(tmp_path: Path, phase: str) -> None:
    heights = []
    for size in SIZES:
        folder = tmp_path / f"{size[0]}x{size[1]}"
        folder.mkdir()
        app = build(*example_at(folder, phase))
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            rendering = app.screen.query_one(BigClock).rendering()
            assert rendering.kind == "blocks"
            heights.append(rendering.height)
    assert heights[0] >= 5 and heights[2] >= 7
    assert heights == sorted(heights) and heights[-1] > heights[2]


async def test_at_80x24_five_items_show_and_the_text_gets_most_of_the_width(tmp_path: Path) -> None:
    app = build(*example_at(tmp_path, "insights"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(EntryList)
        assert table.size.height - 1 >= 5  # rows under the header
        widths = {key.value: column.width for key, column in table.columns.items()}
        assert widths["text"] >= 40 and widths["text"] > widths["team"] + widths["speaker"]
        text = screen_text(app)
        assert "Type and Enter" in text or app.screen.query_one(CaptureBar).input.value
        session = app.session
        entries = [entry for entry in session.entries if entry.phase == "insights"]
        visible = [entry for entry in entries if entry.text[:20] in text]
        assert len(visible) >= 5


async def test_the_highlighted_item_is_shown_whole(tmp_path: Path) -> None:
    app = build(*fresh(tmp_path))
    long = "Any warning must also reach the people who care for older residents living alone, " * 2
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*long.strip(), "enter")
        await pilot.pause()
        detail = app.screen.query_one(ItemDetail)
        assert long.strip() in " ".join(str(detail.render()).split())
        assert " ".join(long.split()) in " ".join(screen_text(app).split())  # wrapped, every word
        await pilot.press("n", ":", *"short one", "enter", "escape", "up")
        await pilot.pause()
        assert "reach the people who care" in str(detail.render())  # the cursor's item, not the newest


def _state(app) -> ClockState:
    return app.clock_state()


@pytest.mark.parametrize("phase", ["context", "insights", "reflect", "agree"])
async def test_the_agenda_strip_names_phases_in_words_at_every_width(tmp_path: Path, phase: str) -> None:
    app = build(*example_at(tmp_path, phase))
    async with app.run_test(size=(120, 36)):
        state = _state(app)
    for width in range(30, 200, 7):
        line = strip_text(state, width).plain
        assert not any(f"P{number} " in line or f"P{number}]" in line for number in range(5)), line
        assert "Rapp" in line and "Act" in line
    done = [timing for timing in state.timings if timing.status == "done"]
    wide = strip_text(state, 200).plain
    for timing in done:  # spent against the budget after extends and rebalances
        assert f"/{timing.budget_seconds // 60}m" in wide


async def test_a_finished_phase_shows_its_adjusted_budget(tmp_path: Path) -> None:
    app = build(*fresh(tmp_path))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f5", "f7")  # +5 minutes for Rapport: 15
        app.clock.advance(14 * 60)
        await pilot.press("pagedown")
        await pilot.pause()
        assert "✓ Rapport 14/15m" in screen_text(app)


async def test_notifications_never_cover_the_capture_line(tmp_path: Path) -> None:
    for size in [(80, 24), (120, 36)]:
        folder = tmp_path / f"{size[0]}x{size[1]}"
        folder.mkdir()
        app = build(*fresh(folder))
        async with app.run_test(size=size, notifications=True) as pilot:
            for number in range(4):
                app.say(f"message {number}: " + "words " * 20)
            await pilot.pause()
            bar = app.screen.query_one(CaptureBar).region
            toasts = list(app.screen.query(Toast))
            assert toasts
            rack = app.screen.query_one("ToastRack").region
            assert not rack.overlaps(bar), (rack, bar)
            for toast in toasts:  # what shows of a toast is inside the rack (it scrolls)
                assert not toast.region.intersection(rack).overlaps(bar), (toast.region, bar)


async def test_f3_keeps_the_clock_and_f5_pauses_there(tmp_path: Path) -> None:
    app = build(*fresh(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5", "f3")
        await pilot.pause()
        assert isinstance(app.screen, LiveSetupScreen)
        app.clock.advance(65)
        app.tick()
        await pilot.pause()
        line = app.screen.query_one(ClockLine)
        assert "TIME LEFT 08:55" in str(line.render())
        await pilot.press("f5")  # pauses, on the set-up too
        await pilot.pause()
        assert app.clock_state().state == "paused"
        assert "PAUSED 08:55" in screen_text(app)
        await pilot.press("f5")
        await pilot.pause()
        assert app.clock_state().state == "running"
        assert isinstance(app.screen, LiveSetupScreen)  # F5 did not open the agenda section instead
        await pilot.press("ctrl+pagedown")
        await pilot.pause()
        assert app.screen.query_one("TabbedContent").active == "tab-teams"  # type: ignore[attr-defined]


def test_the_clock_font_steps_down_one_row_at_a_time_where_rows_are_dear() -> None:
    from c2c_tui.tui.widgets.block_font import fit

    assert fit("12:05", 62, 7).height == 7
    assert fit("12:05", 62, 6).height == 5 and fit("12:05", 42, 5).height == 5  # the 3x5 step (80x24)
    assert fit("12:05", 41, 5).height == 5  # narrower pixels before a smaller clock
    assert fit("12:05", 62, 4).height == 4
    assert fit("12:05", 120, 30).height > 7  # big terminals: the 5x7 glyphs, scaled
