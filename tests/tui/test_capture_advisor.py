"""Part 2: every Advisor team gets its turn - the panel marks who has been heard."""

from __future__ import annotations

from capture_harness import CaptureApp, type_line

from c2c_tui.tui.run.work.advisor_panel import AdvisorPanel


def panel(app: CaptureApp) -> list[str]:
    return str(app.query_one(AdvisorPanel).render()).splitlines()


async def test_a_surprise_with_seville_marks_seville_heard() -> None:
    app = CaptureApp(phase="insights")
    async with app.run_test(size=(100, 30)) as pilot:
        seville, rotterdam, _seeking = panel(app)
        assert seville.startswith("▶ ○ not heard yet  Seville City Council")
        assert rotterdam.startswith("  ○ not heard yet  Rotterdam Climate Team")
        await type_line(pilot, "s: They map shade per street #seville")
        seville, rotterdam, _seeking = panel(app)
        assert seville.startswith("  ● heard") and seville.endswith("1 surprise · 0 gaps · 0 examples")
        assert rotterdam.startswith("▶ ○ not heard yet")
        await type_line(pilot, "?: Who owns the tree budget?")
        await type_line(pilot, "w: Talk to the water utility #athens")
        assert "0 ideas · 1 question · 1 contact" in panel(app)[2]


async def test_a_note_does_not_count_as_a_turn_and_undo_unmarks() -> None:
    app = CaptureApp(phase="insights")
    async with app.run_test(size=(100, 30)) as pilot:
        await type_line(pilot, "n: coffee break #rotterdam")
        assert "○ not heard yet" in panel(app)[1]
        await type_line(pilot, "g: no word on night heat #rotterdam")
        assert "● heard" in panel(app)[1]
        await pilot.press("escape", "ctrl+z")
        await pilot.pause()
        assert "○ not heard yet" in panel(app)[1]
