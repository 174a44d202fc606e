"""What keeps the start quick and an idle app quiet (the figures are in bench/run.py; these guard them).

- Opening a session and building the app imports nothing the first screen does not need: not tomli-w,
  markdown-it, the summary or the TOML writer (saving needs them, in the autosave thread), not the dialogs,
  the set-up screen, the wall or the help (opened later), nothing of the home or follow apps. (tomli is needed: the file is read with it before the first frame; tomllib is not.)
- The capture line's cursor does not blink: an app nobody types in repaints only when the clock changes.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from app_support import build, fresh, steady  # noqa: F401
from bigsession import big_session

from c2c_tui.core import store

EXAMPLE = Path(__file__).resolve().parents[2] / "sessions" / "cooling-valmora.toml"

NOT_AT_START = (
    "tomli_w",
    "tomllib",
    "markdown_it",
    "c2c_tui.core.summary",  # the summary package: markdown, parts, html
    "c2c_tui.core.store.toml_writer",  # the TOML writer (tomli-w): the store's front must not pull it in
    "c2c_tui.core.store.new_files",
    "c2c_tui.core.followup",
    "c2c_tui.core.setup",  # the set-up's checks and edits: imported when the set-up opens or the clock starts
    "importlib.metadata",  # pydantic's plugin loader, skipped without plugins (core/pydantic_plugins.py)
    "email",  # what importlib.metadata brings
    "c2c_tui.tui.dialogs",  # every dialog, the package itself
    "c2c_tui.tui.dialogs.text_dialog",
    "c2c_tui.tui.dialogs.action_form",
    "c2c_tui.tui.dialogs.choice",
    "c2c_tui.tui.setup",  # the set-up screen and its panes
    "c2c_tui.tui.setup.setup_screen",
    "c2c_tui.tui.run.help",
    "c2c_tui.tui.run.wall",
    "c2c_tui.tui.home",
    "c2c_tui.tui.follow",
)


def test_the_first_screen_imports_only_what_it_needs(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    store.save(path, big_session(200))
    code = textwrap.dedent(
        f"""
        import sys
        import c2c_tui.cli
        from c2c_tui.core.store import SessionFile
        from c2c_tui.tui.run.app import make_app

        app = make_app(SessionFile.open(sys.argv[1]))
        loaded = [name for name in {NOT_AT_START!r} if name in sys.modules]
        print(" ".join(loaded))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == []


NOT_AT_FIRST_FRAME = (
    *NOT_AT_START,
    "c2c_tui.tui.run.review_screen",  # "since last time": only a follow-on workshop looks at it
    # the example opens in Part 4: Part 2's and Part 3's own widgets (and the options' ranking) are not loaded
    "c2c_tui.tui.run.work.advisor_panel",
    "c2c_tui.tui.run.work.advisor_line",
    "c2c_tui.tui.run.work.options_table",
    "c2c_tui.tui.run.work.matrix",
    "c2c_tui.core.prioritise",
    "csv",
    "shlex",
)


def test_the_first_full_frame_imports_only_what_it_needs(tmp_path: Path) -> None:
    """What is imported by the time the first full frame is up (headless, the example copied: not a
    follow-on workshop), not only once the app is built."""
    path = tmp_path / "example.toml"
    path.write_bytes(EXAMPLE.read_bytes())
    code = textwrap.dedent(
        f"""
        import asyncio, sys
        import c2c_tui.cli
        from c2c_tui.core.store import SessionFile
        from c2c_tui.tui.run import app as run_app

        seen = []
        real = run_app.C2CApp._first_frame_shown

        def shown(self):
            seen.append([name for name in {NOT_AT_FIRST_FRAME!r} if name in sys.modules])
            real(self)

        run_app.C2CApp._first_frame_shown = shown
        app = run_app.make_app(SessionFile.open(sys.argv[1]))

        async def main():
            async with app.run_test(size=(120, 36)) as pilot:
                for _ in range(100):
                    if seen:
                        break
                    await pilot.pause(0.02)

        asyncio.run(main())
        print("frame" if seen else "no frame", " ".join(seen[0] if seen else []))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["frame"]


@pytest.mark.usefixtures("steady")
async def test_the_capture_cursor_does_not_blink(tmp_path: Path) -> None:
    app = build(*fresh(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        line = app.screen.query_one("#capture")
        assert line.has_focus
        assert line.cursor_blink is False
        await pilot.press(*"n: typed")
        assert line.value == "n: typed"


NOT_FOR_A_SAVE = (
    "html",  # the stdlib's, with its entity table: only an HTML summary needs it
    "c2c_tui.core.summary.html",
    "c2c_tui.core.summary.styles",
    "tomllib",  # the shipped assessment areas' reader: a session with its own areas never reads them
    "importlib.resources",
)


def test_saving_loads_only_what_a_save_writes(tmp_path: Path) -> None:
    """The app's saves write the TOML and the markdown summary: the HTML page's modules stay unloaded."""
    path = tmp_path / "example.toml"
    path.write_bytes(EXAMPLE.read_bytes())
    code = textwrap.dedent(
        f"""
        import sys
        from datetime import UTC, datetime
        from c2c_tui.core.store import SessionFile

        with SessionFile.open(sys.argv[1]) as opened:
            opened.warm()
            opened.session.title = "Saved once"
            opened.save(datetime(2026, 11, 12, 17, tzinfo=UTC))
        print("saved", " ".join(name for name in {NOT_FOR_A_SAVE!r} if name in sys.modules))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["saved"]
    assert "Saved once" in path.with_suffix(".md").read_text(encoding="utf-8")
