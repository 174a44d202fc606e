"""A long workshop stays quick: show() with 2,000 entries, and a capture appends instead of rebuilding."""

from __future__ import annotations

import time

from capture_harness import CaptureApp, sample_session, type_line

from c2c_tui.core.model import Entry, Session
from c2c_tui.tui.run.work.area import WorkArea
from c2c_tui.tui.run.work.entry_list import EntryList


def big_session(n: int = 2000) -> Session:
    session = sample_session()
    session.entries = [
        Entry(id=f"e{i}", phase="insights", kind="surprise", text=f"observation {i} [b]x[/b]", team="seville")
        for i in range(1, n + 1)
    ]
    return session


async def test_show_2000_entries_is_fast_and_the_newest_is_visible() -> None:
    session = big_session()
    app = CaptureApp(session, phase="context")
    async with app.run_test(size=(100, 30)) as pilot:
        started = time.perf_counter()
        app.set_phase("insights")
        await pilot.pause()
        assert time.perf_counter() - started < 2.0  # typically ~0.3 s
        table = app.query_one(EntryList)
        assert table.row_count == 2000
        assert table.selected_id == "e2000"
        assert table.scroll_y > 0 and table.scroll_y >= table.max_scroll_y - 1


async def test_a_capture_appends_one_row_without_rebuilding() -> None:
    session = big_session()
    app = CaptureApp(session, phase="insights")
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(EntryList)
        clears: list[bool] = []
        original_clear = table.clear

        def counting_clear(columns: bool = False) -> EntryList:
            clears.append(columns)
            return original_clear(columns)

        table.clear = counting_clear  # type: ignore[method-assign]
        await type_line(pilot, "s: one more #seville")
        area = app.query_one(WorkArea)
        started = time.perf_counter()
        area.show(session, "insights")  # nothing changed: no row touched
        assert time.perf_counter() - started < 0.5
        assert clears == []
        assert table.row_count == 2001 and table.selected_id == "e2001"


async def test_deleting_one_of_2000_removes_one_row_without_rebuilding() -> None:
    session = big_session()
    app = CaptureApp(session, phase="insights")
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(EntryList)
        clears: list[bool] = []
        original_clear = table.clear

        def counting_clear(columns: bool = False) -> EntryList:
            clears.append(columns)
            return original_clear(columns)

        table.clear = counting_clear  # type: ignore[method-assign]
        await pilot.press("escape", "up", "d")
        await pilot.pause()
        assert [e.id for e in session.entries[-2:]] == ["e1998", "e2000"]
        assert table.row_count == 1999 and table.item_ids[-2:] == ["e1998", "e2000"]
        assert table.selected_id == "e2000"
        assert clears == []
