"""A crash loses nothing: the app is killed (SIGKILL) a moment after a capture, and the file on disk has
the capture and the clock's start; the clock kept time while the app was down."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

import pytest

from c2c_tui.core import store
from c2c_tui.core.clock import state_of
from c2c_tui.core.model import Session, Team
from c2c_tui.core.store import SessionFile

SCRIPT = textwrap.dedent(
    """
    import asyncio, sys, time
    from c2c_tui.core.store import SessionFile
    from c2c_tui.tui.run.app import make_app

    async def main():
        app = make_app(SessionFile.open(sys.argv[1]))  # the real clock
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("f5", *"n: written before the crash", "enter")
            await pilot.pause(1.5)  # real time: autosave has a second to write
            print("READY", flush=True)
            time.sleep(60)  # blocks the app: the test kills it now

    asyncio.run(main())
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_app_keeps_capture_and_clock(tmp_path: Path) -> None:
    path = tmp_path / "crash.toml"
    store.save(path, Session(title="Crash test", teams=[Team(id="sev", name="Seville", role="seeking")]))
    script = tmp_path / "run_and_wait.py"
    script.write_text(SCRIPT)
    process = subprocess.Popen(
        [sys.executable, str(script), str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TZ": "UTC"},
    )
    try:
        line = process.stdout.readline() if process.stdout else ""
        assert line.strip() == "READY", process.stderr.read() if process.stderr else ""
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL

    with SessionFile.open(path) as reopened:  # the lock died with the process
        session = reopened.session
    assert [e.text for e in session.entries] == ["written before the crash"]
    assert [e.event for e in session.clock] == ["start"]
    started = session.clock[0].at
    later = state_of(session, started + timedelta(minutes=3))
    assert later.state == "running"
    assert later.elapsed_seconds == pytest.approx(180)
    assert path.with_suffix(".md").exists()
