"""Issue 12 §5: small things a facilitator notices.

``c2c actions`` ends with a newline in every format; F5 on a workshop without a Seeking team says what is
missing (the set-up's own rule) and does not start; the palette goes to any phase.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from app_support import EXAMPLE, build, fresh, steady  # noqa: F401

from c2c_tui.cli import main
from c2c_tui.core import store

pytestmark = pytest.mark.usefixtures("steady")


@pytest.mark.parametrize("fmt", ["table", "csv", "md"])
def test_actions_output_ends_with_a_newline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    shutil.copyfile(EXAMPLE, tmp_path / "cooling-valmora.toml")
    assert main(["actions", str(tmp_path), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert out.endswith("\n") and not out.endswith("\n\n\n")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["actions", str(empty), "--format", fmt]) == 0
    assert capsys.readouterr().out.endswith("\n")


def messages(app: object) -> list[str]:
    return [n.message for n in app._notifications]  # type: ignore[attr-defined]


async def test_f5_without_a_seeking_team_says_what_is_missing(tmp_path: Path) -> None:
    session_file, clock = fresh(tmp_path)
    session_file.session.teams = []
    app = build(session_file, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        assert app.clock_state().state == "ready" and app.session.clock == []
        wanted = (
            "The clock cannot start yet: add a Seeking team (the team with the challenge):"
            " a workshop needs one to start. F3 opens the set-up."
        )
        assert messages(app) == [wanted]


async def test_f5_with_teams_still_starts_pauses_and_resumes(tmp_path: Path) -> None:
    app = build(*fresh(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        assert app.clock_state().state == "running"
        app.session.teams = []  # teams removed mid-workshop: pausing is never blocked
        await pilot.press("f5")
        assert app.clock_state().state == "paused"


async def palette(pilot: object, text: str) -> None:
    await pilot.press("ctrl+p", *text)  # type: ignore[attr-defined]
    await pilot.pause(0.3)  # type: ignore[attr-defined]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_palette_goes_to_any_phase_and_back(tmp_path: Path) -> None:
    session_file, clock = fresh(tmp_path)
    app = build(session_file, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f5")
        clock.advance(60)
        await palette(pilot, "Go to Part 3")
        state = app.clock_state()
        assert (state.phase, state.state) == ("reflect", "running")
        assert [t.actual_seconds for t in state.timings[:3]] == [60, 0, 0]
        clock.advance(30)
        await palette(pilot, "Go to Rapport")
        assert (app.clock_state().phase, app.clock_state().state) == ("rapport", "running")
        assert app.clock_state().timings[3].actual_seconds == 30
    saved = store.load(session_file.path)
    assert [e.event for e in saved.clock] == ["start", "next", "next", "next", "back", "back", "back"]


async def test_go_to_before_the_start_previews_and_says_so(tmp_path: Path) -> None:
    app = build(*fresh(tmp_path))
    async with app.run_test(size=(120, 36)) as pilot:
        await palette(pilot, "Go to Part 4")
        assert (app.clock_state().phase, app.clock_state().state) == ("agree", "ready")
        assert messages(app) == ["Part 4 · Agreed actions: the clock has not started; F5 starts it here."]
        await pilot.press("f5")
        assert (app.clock_state().phase, app.clock_state().state) == ("agree", "running")
