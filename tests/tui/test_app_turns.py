"""Part 2: every Advisor team gets its turn. F10 and the palette give it, the line under the clock band shows
the team and what is left of its share, a capture without #team goes to that team, #team stays as typed."""

from __future__ import annotations

from pathlib import Path

from app_support import build, fresh, wait_for
from capture_harness import type_line

from c2c_tui.core import store
from c2c_tui.core.model import Team
from c2c_tui.core.summary.markdown import render_markdown
from c2c_tui.tui.run.app import C2CApp
from c2c_tui.tui.run.work.advisor_panel import AdvisorPanel
from c2c_tui.tui.widgets.plan_info import PlanInfo
from c2c_tui.tui.widgets.turn_line import TurnLine


def three_teams(tmp_path: Path) -> C2CApp:
    session_file, clock = fresh(tmp_path)
    session_file.session.teams.append(Team(id="rotterdam", name="Rotterdam [Climate] Team", role="advisor"))
    return build(session_file, clock)


def turn_line(app: C2CApp) -> str:
    """The turn as shown: a line of the plan beside the clock, or its own line where the plan is hidden."""
    line = app.query_one(TurnLine)
    if line.display:
        return str(line.render())
    plan = str(app.query_one(PlanInfo).render()).splitlines()
    return plan[-1] if plan and plan[-1].startswith("Turn") else ""


def panel(app: C2CApp) -> list[str]:
    return str(app.query_one(AdvisorPanel).render()).splitlines()


def notes(app: C2CApp) -> str:
    return str(app.query_one("#capture-notes").render())


def said(app: C2CApp) -> list[str]:
    return [n.message for n in app._notifications]


def newest_team(app: C2CApp) -> str | None:
    return app.session.entries[-1].team


async def test_turns_in_part2_key_line_panel_and_captures(tmp_path: Path) -> None:
    app = three_teams(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f10")  # Rapport: turns are for Part 2
        assert any("Turns are for Part 2" in m for m in said(app))
        assert not any(e.event == "turn" for e in app.session.clock)
        await pilot.press("f5", "pagedown", "pagedown")
        await pilot.pause()
        assert app.current_phase == "insights"
        assert turn_line(app) == "Turns  F10 gives the next Advisor team its turn"

        await pilot.press("f10")
        await pilot.pause()
        assert turn_line(app) == "Turn ▶ Seville City Council  15:00 left of 15:00"  # 30 min over two teams
        assert panel(app)[0].startswith("▶ ◉ its turn now   Seville City Council")
        assert panel(app)[1].startswith("  ○ not heard yet  Rotterdam [Climate] Team")
        assert "→ Seville City Council (turn)" in notes(app)

        await type_line(pilot, "s: They map shade per street")
        assert newest_team(app) == "seville"
        assert "added surprise · Seville City Council (turn)" in notes(app)
        await type_line(pilot, "g: nothing on night heat #rotterdam")  # #team stays as typed
        assert newest_team(app) == "rotterdam"
        assert "(turn)" not in notes(app)

        app.clock.advance(16 * 60)
        app.tick()
        await pilot.pause()
        assert turn_line(app) == "Turn ▶ Seville City Council  +01:00 over its 15:00"

        await pilot.press("f10")
        await pilot.pause()
        assert turn_line(app) == "Turn ▶ Rotterdam [Climate] Team  15:00 left of 15:00"
        await type_line(pilot, "e: Their heat app")
        assert newest_team(app) == "rotterdam"
        app.clock.advance(5 * 60)
        await pilot.press("f10")  # after the last team: the Seeking team's own discussion
        await pilot.pause()
        assert turn_line(app).startswith("Turns  over")
        assert notes(app).startswith("Esc: edit items")  # the turn's note is gone
        await type_line(pilot, "i: Shade maps for us too")
        assert newest_team(app) is None
        assert panel(app)[0].startswith("  ● heard")

        summary = render_markdown(app.session, app.clock.now())
        assert "| Seville City Council | 15:00 | 16:00 | +01:00 |" in summary
        assert "| Rotterdam \\[Climate\\] Team | 15:00 | 05:00 | -10:00 |" in summary

        await pilot.press("pagedown")  # Part 3: no turn line, no attribution
        await pilot.pause()
        assert turn_line(app) == ""
        await pilot.press("ctrl+q")
    saved = store.load(tmp_path / "workshop.toml")
    assert [e.team for e in saved.clock if e.event == "turn"] == ["seville", "rotterdam", None]


async def test_the_palette_gives_any_advisor_team_its_turn(tmp_path: Path) -> None:
    app = three_teams(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f5")
        app.action_go_to_phase("insights")
        await pilot.pause()
        await pilot.press("ctrl+p", *"Turn: Rotterdam", "enter")
        await wait_for(pilot, lambda: turn_line(app).startswith("Turn ▶ Rotterdam [Climate] Team"))
        await type_line(pilot, "s: A surprise")
        assert newest_team(app) == "rotterdam"
        await pilot.press("ctrl+p", *"Turns over", "enter")
        await wait_for(pilot, lambda: turn_line(app).startswith("Turns  over"))


async def test_a_workshop_without_advisor_teams_says_so(tmp_path: Path) -> None:
    session_file, clock = fresh(tmp_path)
    session_file.session.teams[1].role = "specialist"
    app = build(session_file, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        app.action_go_to_phase("insights")
        await pilot.press("f10")
        await pilot.pause()
        assert any("this workshop has none" in m for m in said(app))
        assert turn_line(app) == ""


async def test_a_hostile_team_name_is_shown_literally_on_the_line_and_in_the_palette(tmp_path: Path) -> None:
    from textual.content import Content

    from c2c_tui.tui.run.turns import TurnCommands

    session_file, clock = fresh(tmp_path)
    session_file.session.teams[1].name = "[b]Sev\x1b]0;owned\x07ille[/]"
    app = build(session_file, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        app.action_go_to_phase("insights")
        await pilot.press("f10")
        await pilot.pause()
        assert turn_line(app).startswith("Turn ▶ [b]Sev␛]0;owned␇ille[/]  ")
        provider = TurnCommands(app.screen)
        prompts = [hit.prompt async for hit in provider.discover()]
        assert all(isinstance(p, Content) for p in prompts)
        assert prompts[0].plain == "Turn: [b]Sev␛]0;owned␇ille[/]"
