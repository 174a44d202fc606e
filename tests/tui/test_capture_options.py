"""Part 3: MoSCoW / impact / risk keys on the selected option, priority order, the impact-risk view."""

from __future__ import annotations

from capture_harness import CaptureApp, cells, screen_text, type_line
from textual.widgets import Static

from c2c_tui.core.model import Option, Session
from c2c_tui.core.prioritise import ranked
from c2c_tui.tui.run.work.matrix import QuadrantBox, place
from c2c_tui.tui.run.work.options_table import OptionsTable


def titles(app: CaptureApp) -> list[str]:
    table = app.query_one(OptionsTable)
    return [cells(table, key)[1] for key in table.item_ids]


async def test_keys_set_moscow_impact_risk_rows_stay_put_and_resort_on_leaving() -> None:
    app = CaptureApp(phase="reflect")
    async with app.run_test(size=(100, 30)) as pilot:
        for line in ("Trees", "Cooling centres #seville", "Shade sails"):
            await type_line(pilot, line)
        await pilot.press("escape")  # cursor on the newest: Shade sails
        assert titles(app) == ["Trees", "Cooling centres", "Shade sails"]
        await pilot.press("s")
        await pilot.pause()
        table = app.query_one(OptionsTable)
        assert titles(app) == ["Trees", "Cooling centres", "Shade sails"]  # no row moved
        assert [cells(table, key)[0] for key in table.item_ids] == ["2", "3", "1"]  # the rank, at once
        await pilot.press("up", "up", "m", "i", "4", "r", "2")  # Trees
        await pilot.pause()
        trees = next(o for o in app.session.options if o.title == "Trees")
        assert (trees.moscow, trees.impact, trees.risk) == ("must", 4, 2)
        assert cells(table, trees.id) == ["1", "Trees", "", "Must", "4", "2"]
        assert table.selected_id == trees.id
        await pilot.press("escape")  # leaving the list puts it in priority order
        await pilot.pause()
        assert titles(app) == ["Trees", "Shade sails", "Cooling centres"]
        await pilot.press("escape")
        await pilot.pause()
        assert table.has_focus and table.selected_id == trees.id
        await pilot.press("m")  # the same key again clears
        await pilot.pause()
        assert trees.moscow is None
        await pilot.press("i", "0")
        await pilot.pause()
        assert trees.impact is None


async def test_a_key_other_than_a_digit_cancels_the_score() -> None:
    app = CaptureApp(phase="reflect")
    async with app.run_test(size=(100, 30)) as pilot:
        await type_line(pilot, "Trees")
        await pilot.press("escape", "i")
        assert "impact: press 1-5" in str(app.query_one("#work-status", Static).render())
        await pilot.press("x", "7")
        await pilot.pause()
        assert app.session.options[0].impact is None
        assert app.session.options[0].moscow is None


async def test_score_changes_undo_one_by_one() -> None:
    app = CaptureApp(phase="reflect")
    async with app.run_test(size=(100, 30)) as pilot:
        await type_line(pilot, "Trees")
        await pilot.press("escape", "c", "i", "5", "ctrl+z")
        await pilot.pause()
        option = app.session.options[0]
        assert (option.moscow, option.impact) == ("could", None)


def test_priority_order() -> None:
    def opt(i: int, **kw: object) -> Option:
        return Option(id=f"o{i}", title=f"o{i}", **kw)  # type: ignore[arg-type]

    options = [
        opt(1),
        opt(2, moscow="wont", impact=5),
        opt(3, moscow="must", impact=2, risk=1),
        opt(4, moscow="must", impact=5, risk=4),
        opt(5, moscow="must", impact=5, risk=2),
        opt(6, moscow="should"),
        opt(7, moscow="must", impact=5),
    ]
    assert [o.id for o in ranked(options)] == ["o5", "o4", "o7", "o3", "o6", "o2", "o1"]


def test_matrix_places_high_impact_low_risk_in_do_first() -> None:
    session = Session(
        title="T",
        options=[
            Option(id="o1", title="A", impact=5, risk=1),
            Option(id="o2", title="B", impact=4, risk=5),
            Option(id="o3", title="C", impact=1, risk=1),
            Option(id="o4", title="D", impact=2, risk=3),
            Option(id="o5", title="E", impact=5),
        ],
    )
    cells_, unscored = place(session)
    assert {q: [o.title for o in opts] for q, opts in cells_.items()} == {
        "do_first": ["A"],
        "plan": ["B"],
        "nice": ["C"],
        "avoid": ["D"],
    }
    assert [o.title for o in unscored] == ["E"]


async def test_v_shows_the_impact_risk_view() -> None:
    app = CaptureApp(phase="reflect")
    async with app.run_test(size=(100, 30)) as pilot:
        await type_line(pilot, "[bold]Cooling[/] centres")
        await pilot.press("escape", "i", "5", "r", "1", "v")
        await pilot.pause()
        shown = screen_text(app)
        assert "DO FIRST" in shown
        do_first = str(app.query_one("#q-do-first", QuadrantBox).render())
        assert "1 [bold]Cooling[/] centres" in do_first
        await pilot.press("v")
        await pilot.pause()
        assert "DO FIRST" not in screen_text(app)
