"""`c2c follow` on a file whose clock `check` used to accept and whose display then crashed with a Textual
traceback (and exit 0): a finish at 9999-12-31T20:05Z read in Tokyo. The file is refused with its one-line
problem on the display, which keeps following and shows the workshop once the file is fixed."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console

from c2c_tui.core.clock import FakeClock
from c2c_tui.tui.follow.app import make_follow_app

GOOD = """schema_version = 1
title = "Heat plan"

[[clock]]
at = 2026-06-01T09:00:00Z
event = "start"
"""
BAD = GOOD.replace("2026-06-01T09:00:00Z", "9999-12-31T19:00:00Z") + (
    '\n[[clock]]\nat = 9999-12-31T20:05:00Z\nevent = "finish"\n'
)


def text(app) -> str:  # type: ignore[no-untyped-def]
    update = app.screen._compositor.render_update(full=True)
    console = Console(width=app.size.width, record=True, file=open(os.devnull, "w"), color_system=None)  # noqa: SIM115
    console.print(update)
    return " ".join(console.export_text().split())


async def test_follow_shows_the_problem_instead_of_crashing(tmp_path: Path, tokyo: None) -> None:
    path = tmp_path / "far.toml"
    path.write_text(BAD)
    app = make_follow_app(path, clock=FakeClock(datetime(2026, 6, 1, 9, 5, tzinfo=UTC)))
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(100):
            if "clock[0].at" in text(app):
                break
            await pilot.pause(0.05)
        assert "clock[0].at: should be between the years 1970 and 2200" in text(app)
        path.write_text(GOOD)
        for _ in range(100):
            if "RAPPORT" in text(app):
                break
            await pilot.pause(0.05)
        assert "RAPPORT" in text(app)
    assert app.return_code in (None, 0)
