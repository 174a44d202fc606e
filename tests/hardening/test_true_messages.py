"""Issue 10 §7: what c2c says about the files is true.

``run_app`` is driven as the CLI runs it; only ``App.run`` is replaced by a scripted Pilot session (the
same app, the same keys), so the exit lines printed afterwards are the real ones."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from app_support import fresh, steady  # noqa: F401

from c2c_tui.core import store
from c2c_tui.core.clock import FakeClock
from c2c_tui.core.store import SessionFile
from c2c_tui.tui.run import app as app_module
from c2c_tui.tui.run.launch import run_app

pytestmark = pytest.mark.usefixtures("steady")
EXAMPLE = Path(__file__).resolve().parents[2] / "sessions" / "cooling-valmora.toml"

Script = Callable[[Any, Any], Awaitable[None]]


def scripted(monkeypatch: pytest.MonkeyPatch, clock: FakeClock, script: Script) -> list[Any]:
    """Make ``run_app`` build its app with ``clock`` and run ``script(app, pilot)`` as the user's session."""
    apps: list[Any] = []
    real_make = app_module.make_app

    def make(session_file: SessionFile, **_: Any) -> Any:
        app = real_make(session_file, clock=clock)
        apps.append(app)
        return app

    def run(self: Any, *args: Any, **kwargs: Any) -> None:
        async def drive() -> None:
            async with self.run_test(size=(100, 30)) as pilot:
                await pilot.pause()
                await script(self, pilot)

        asyncio.run(drive())

    monkeypatch.setattr(app_module, "make_app", make)
    monkeypatch.setattr(app_module.C2CApp, "run", run)
    return apps


def notes(app: Any) -> list[str]:
    return [n.message for n in app._notifications]


async def quit_at_once(app: Any, pilot: Any) -> None:
    await pilot.press("ctrl+q")
    await pilot.pause()


async def capture_then_quit(app: Any, pilot: Any) -> None:
    await pilot.press(*"n: kept", "enter")
    for _ in range(100):
        await pilot.pause(0.02)
        if not app.saver.saving and not app.saver.dirty:
            break
    await pilot.press("ctrl+q")
    await pilot.pause()


def test_quitting_without_changes_does_not_claim_a_save_or_a_summary_that_is_not_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    session_file, clock = fresh(tmp_path)
    session_file.path.with_suffix(".md").unlink()  # a hand-made file has no summary yet
    before = session_file.path.read_bytes()
    scripted(monkeypatch, clock, quit_at_once)
    assert run_app(session_file) == 0
    out = capsys.readouterr().out
    assert "Saved" not in out and "summary" not in out
    assert out == f"Nothing changed: {session_file.path} was not written.\n"
    assert session_file.path.read_bytes() == before


def test_a_folder_in_place_of_the_summary_is_not_a_failed_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    session_file, clock = fresh(tmp_path)
    summary = session_file.path.with_suffix(".md")
    summary.unlink()
    summary.mkdir()
    apps = scripted(monkeypatch, clock, capture_then_quit)
    assert run_app(session_file) == 0
    out, err = capsys.readouterr()
    said = notes(apps[0])
    assert not [n for n in said if "NOT SAVED" in n or "lose the changes" in n], said
    assert [n for n in said if n.startswith("Saved, but without the summary")]
    assert not apps[0].quit_without_saving  # one ctrl+q was enough: the session was on disk
    assert out == f"Saved {session_file.path}\n"
    assert err.count("\n") == 1 and "workshop.md: is a folder" in err and "workshop.toml was saved" in err
    assert [e.text for e in store.load(session_file.path).entries] == ["kept"]


def test_after_the_folder_is_deleted_no_message_says_the_file_holds_anything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "room"
    folder.mkdir()
    session_file, clock = fresh(folder)

    async def delete_then_quit(app: Any, pilot: Any) -> None:
        shutil.rmtree(folder)
        await capture_then_quit(app, pilot)  # the save fails: the first ctrl+q warns
        await pilot.press("ctrl+q")
        await pilot.pause()

    apps = scripted(monkeypatch, clock, delete_then_quit)
    assert run_app(session_file) == 1
    err = capsys.readouterr().err
    assert "holds the last saved version" not in err
    assert err.count("\n") == 1 and "no longer exists" in err
    warning = [n for n in notes(apps[0]) if "ctrl+q again" in n]
    assert warning and "changes since the last save" not in warning[0] and "no longer exists" in warning[0]


@pytest.mark.parametrize("argv", [["summary", str(EXAMPLE)], ["status", str(EXAMPLE), "--json"]])
def test_a_reader_that_goes_away_is_no_internal_error(argv: list[str]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # `| head` that has already read its lines: every write meets a closed pipe
    try:
        result = subprocess.run(
            [sys.executable, "-m", "c2c_tui", *argv],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == 141


async def test_a_set_up_saved_without_its_summary_is_not_called_not_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from home_support import FOLDER, home

    from c2c_tui.tui.setup.setup_screen import SetupScreen

    monkeypatch.chdir(tmp_path)
    FOLDER.mkdir()
    path = FOLDER / "cooling-valmora.toml"
    store.save(path, store.load(EXAMPLE))
    path.with_suffix(".md").unlink()
    path.with_suffix(".md").mkdir()
    app = home(FOLDER)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("end", *" (2026)", "ctrl+s")
        await pilot.pause()
        said = notes(app)
        assert not [n for n in said if "NOT SAVED" in n], said
        assert "Saved the set-up of cooling-valmora.toml." in said
    assert store.load(path).title.endswith(" (2026)")
