"""Part 3 rates the option you meant: rows keep their places while the table has focus, the # column
shows the rank at once, the table re-sorts on ``o`` or when focus leaves it; Home / End / paging in
every list; the 2x2 lists every option by its number at 80x24 and 120x36."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from app_support import build, example_at, steady  # noqa: F401
from capture_harness import CaptureApp, cells, sample_session

from c2c_tui.core.model import Entry, Option, Session
from c2c_tui.core.prioritise import ranked, ranks
from c2c_tui.tui.run.work.actions_table import ActionsTable
from c2c_tui.tui.run.work.entry_list import EntryList
from c2c_tui.tui.run.work.matrix import QuadrantBox, UnscoredLine, place
from c2c_tui.tui.run.work.options_table import OptionsTable

TITLES = (
    "Register of residents",
    "Cell broadcast",
    "Cooling centres in libraries",
    "Shade sails on squares",
    "Night-time heat alerts",
    "Buddy calls",
    "Cool roofs",
)
# per row, from Home down: the keys pressed and the values meant (moscow, impact, risk)
PLAN: tuple[tuple[tuple[str, ...], tuple[str | None, int | None, int | None]], ...] = (
    (("w", "i", "1", "r", "5"), ("wont", 1, 5)),
    (("m", "i", "5", "r", "4"), ("must", 5, 4)),
    (("s", "i", "5", "r", "1"), ("should", 5, 1)),
    (("m", "i", "5", "r", "1"), ("must", 5, 1)),
    (("c", "i", "2", "r", "2"), ("could", 2, 2)),
    (("i", "4"), (None, 4, None)),
    (("m", "r", "3"), ("must", None, 3)),
)


def seven_options() -> Session:
    session = sample_session()
    session.options = [Option(id=f"o{n}", title=title) for n, title in enumerate(TITLES, start=1)]
    return session


def values(option: Option) -> tuple[str | None, int | None, int | None]:
    return (option.moscow, option.impact, option.risk)


async def test_rate_down_the_list_rates_every_option_once_with_the_values_meant() -> None:
    app = CaptureApp(seven_options(), phase="reflect")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("escape", "end", "home")
        table = app.query_one(OptionsTable)
        meant: dict[str, tuple[str | None, int | None, int | None]] = {}
        for row, (keys, wanted) in enumerate(PLAN):
            assert table.cursor_row == row
            item = table.selected_id
            assert item is not None and item not in meant
            meant[item] = wanted
            await pilot.press(*keys)
            await pilot.pause()
            assert table.selected_id == item  # rating never moves the cursor to another option
            await pilot.press("down")
        assert len(meant) == 7
        assert {o.id: values(o) for o in app.session.options} == meant
        # the rows kept their places; the # column already shows the new ranks
        assert table.item_ids == [f"o{n}" for n in range(1, 8)]
        number = ranks(app.session.options)
        assert [cells(table, key)[0] for key in table.item_ids] == [str(number[k]) for k in table.item_ids]
        assert number["o4"] == 1 and number["o1"] == 6 and number["o6"] == 7


async def test_o_and_leaving_the_list_put_it_in_priority_order_cursor_on_its_option() -> None:
    app = CaptureApp(seven_options(), phase="reflect")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("escape", "home", "down", "down", "m", "i", "5")  # Cooling centres: must, 5
        await pilot.pause()
        table = app.query_one(OptionsTable)
        assert table.item_ids[2] == "o3" and table.selected_id == "o3"
        await pilot.press("o")
        await pilot.pause()
        assert table.item_ids == [o.id for o in ranked(app.session.options)]
        assert table.item_ids[0] == "o3" and table.selected_id == "o3"
        await pilot.press("end", "s", "tab")  # Cool roofs: should; tab leaves for the entry list
        await pilot.pause()
        assert not table.has_focus
        assert table.item_ids == [o.id for o in ranked(app.session.options)]
        assert table.item_ids[:2] == ["o3", "o7"]


@pytest.mark.usefixtures("steady")
async def test_rating_the_real_example_at_80x24_rates_each_row(tmp_path: Path) -> None:
    app = build(*example_at(tmp_path, "reflect"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape", "home")
        await pilot.pause()
        table = app.screen.query_one(OptionsTable)
        assert table.has_focus
        order = list(table.item_ids)
        assert len(order) == 7
        for row in range(7):
            await pilot.press("i", str(5 - row % 5), "r", str(1 + row % 5), "down")
            await pilot.pause()
        options = {o.id: o for o in app.session.options}
        for row, key in enumerate(order):
            assert (options[key].impact, options[key].risk) == (5 - row % 5, 1 + row % 5)
        assert table.item_ids == order


# -- Home / End / paging in every list ------------------------------------------------------------------


def long_session() -> Session:
    session = sample_session()
    session.entries = [
        Entry(id=f"e{n}", phase="reflect", kind="note", text=f"note {n}") for n in range(1, 41)
    ]
    session.options = [Option(id=f"o{n}", title=f"option {n}") for n in range(1, 41)]
    return session


@pytest.mark.parametrize("which", ["options", "entries"])
async def test_home_end_and_paging_in_a_list(which: str) -> None:
    app = CaptureApp(long_session(), phase="reflect")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        if which == "entries":
            await pilot.press("tab")
        table = app.query_one(OptionsTable if which == "options" else EntryList)
        assert table.has_focus
        await pilot.press("end")
        assert table.cursor_row == 39
        await pilot.press("home")
        assert table.cursor_row == 0
        await pilot.press("shift+down")
        page = table.cursor_row
        assert page > 1
        await pilot.press("ctrl+down")
        assert table.cursor_row > page
        await pilot.press("shift+up", "ctrl+up")
        assert table.cursor_row == 0
        await pilot.press("end", "ctrl+up")
        assert 0 < table.cursor_row < 39


@pytest.mark.usefixtures("steady")
async def test_home_and_end_in_the_actions_list(tmp_path: Path) -> None:
    app = build(*example_at(tmp_path, "agree"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape", "end")
        table = app.screen.query_one(ActionsTable)
        assert table.has_focus and table.cursor_row == table.row_count - 1
        await pilot.press("home")
        assert table.cursor_row == 0


# -- the 2x2 ---------------------------------------------------------------------------------------------

NUMBER = re.compile(r"(?:^| · )(\d+) ")


def numbers_in(lines: list[str]) -> list[int]:
    found: list[int] = []
    for line in lines:
        if line.startswith("+"):
            for run in line.split(":", 1)[1].split():
                first, _, last = run.partition("-")
                found += list(range(int(first), int(last or first) + 1))
        else:
            found += [int(n) for n in NUMBER.findall(line)]
    return found


@pytest.mark.usefixtures("steady")
@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
async def test_the_2x2_lists_every_option_by_its_number(tmp_path: Path, size: tuple[int, int]) -> None:
    app = build(*example_at(tmp_path, "reflect"))
    async with app.run_test(size=size) as pilot:
        await pilot.press("escape", "v")
        await pilot.pause()
        session = app.session
        number = ranks(session.options)
        cells_, unscored = place(session)
        for key, options in cells_.items():
            box = app.screen.query_one(f"#q-{key.replace('_', '-')}", QuadrantBox)
            assert box.size.height >= 1, key  # never an empty border
            lines = str(box.render()).splitlines()
            assert sorted(numbers_in(lines)) == sorted(number[o.id] for o in options), (key, lines)
            if len(options) == 1:
                assert lines[0].startswith(f"{number[options[0].id]} {options[0].title[:5]}")
        line = str(app.screen.query_one(UnscoredLine).render())
        assert sorted(numbers_in([line.split(": ", 1)[1]])) == sorted(number[o.id] for o in unscored)
        if size == (120, 36):  # room for a whole line per option in the quadrants the example fills
            do_first = str(app.screen.query_one("#q-do-first", QuadrantBox).render()).splitlines()
            assert all(" · " not in line and not line.startswith("+") for line in do_first)


async def test_the_2x2_says_more_when_a_quadrant_is_full() -> None:
    session = sample_session()
    session.options = [Option(id=f"o{n}", title=f"Option number {n}", impact=5, risk=1) for n in range(1, 31)]
    app = CaptureApp(session, phase="reflect")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape", "v")
        await pilot.pause()
        lines = str(app.query_one("#q-do-first", QuadrantBox).render()).splitlines()
        assert lines[-1].startswith("+") and " more: " in lines[-1]
        assert sorted(numbers_in(lines)) == list(range(1, 31))


@pytest.mark.usefixtures("steady")
async def test_part3_opens_on_the_top_option(tmp_path: Path) -> None:
    app = build(*example_at(tmp_path, "insights"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("pagedown", "escape")
        await pilot.pause()
        table = app.screen.query_one(OptionsTable)
        assert table.has_focus and table.cursor_row == 0 and table.scroll_y == 0
        assert cells(table, table.item_ids[0])[0] == "1"
