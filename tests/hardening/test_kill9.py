"""kill -9 at random moments of a scripted session, ten rounds: whatever was captured and had a second on
screen is in the file, and the file always parses.

Each round runs the real app (real clock, real autosave) in its own process, entering captures (the text
pasted into the capture line, then Enter) and now and then starting/pausing the clock or moving on a phase,
and prints each capture as it is entered. The test
kills it at a random moment and reopens the file. Rounds run two at a time; set C2C_KILL_SEED to replay.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from c2c_tui.core import store
from c2c_tui.core.model import Session, Team
from c2c_tui.core.store import SessionFile

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL"),
]

ROUNDS = 10
SCRIPT = textwrap.dedent(
    """
    import asyncio, random, sys
    from c2c_tui.core.store import SessionFile
    from c2c_tui.tui.run.app import make_app

    async def main():
        rng = random.Random(sys.argv[2])
        app = make_app(SessionFile.open(sys.argv[1]))  # the real clock, the real autosave
        async with app.run_test(size=(80, 24)) as pilot:
            print("READY", flush=True)
            n = 0
            while True:
                n += 1
                roll = rng.random()
                if roll < 0.15:
                    await pilot.press("f5")
                elif roll < 0.2:
                    await pilot.press("pagedown")
                line = app.screen.query_one("#capture")
                line.insert_text_at_cursor(f"n: capture {n} #sev [b]")  # typed (as a paste: quicker)
                await pilot.press("enter")
                print(f"CAPTURED capture {n} [b]", flush=True)
                await pilot.pause(rng.uniform(0.01, 0.25))

    asyncio.run(main())
    """
)


def one_round(folder: Path, seed: str, kill_after: float) -> int:
    """One run killed ``kill_after`` seconds after it is ready; the number of captures that had a second."""
    path = folder / f"round-{seed}.toml"
    store.save(path, Session(title=f"Round {seed}", teams=[Team(id="sev", name="Seville", role="seeking")]))
    script = folder / "scripted_session.py"
    child = subprocess.Popen(
        [sys.executable, str(script), str(path), seed],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TZ": "UTC"},
    )
    seen: list[tuple[float, str]] = []  # (when the test read it, the capture's text)
    ready = threading.Event()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith("READY"):
                ready.set()
            elif line.startswith("CAPTURED "):
                seen.append((time.monotonic(), line[len("CAPTURED ") :].rstrip("\n")))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert ready.wait(60), child.stderr.read() if child.stderr else ""
        time.sleep(kill_after)
    finally:
        child.send_signal(signal.SIGKILL)
        killed_at = time.monotonic()
        child.wait(timeout=10)
    reader.join(timeout=10)
    assert child.returncode == -signal.SIGKILL

    with SessionFile.open(path) as reopened:  # it parses, and the lock died with the process
        in_file = {entry.text for entry in reopened.session.entries}
    settled = [text for at, text in seen if killed_at - at >= 1.0]
    missing = [text for text in settled if text not in in_file]
    assert not missing, f"seed {seed}: lost {missing} (killed {kill_after:.2f} s after start)"
    return len(settled)


def test_kill_9_at_random_moments_loses_nothing_that_was_on_screen_for_a_second(tmp_path: Path) -> None:
    base = os.environ.get("C2C_KILL_SEED") or str(random.randrange(10**6))
    rng = random.Random(base)
    (tmp_path / "scripted_session.py").write_text(SCRIPT)
    # three kills early (start-up, first saves), seven later (mid-session)
    plan = [(f"{base}-{n}", rng.uniform(0.2, 1.0) if n < 3 else rng.uniform(1.5, 4.0)) for n in range(ROUNDS)]
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=2) as pool:
        settled = [result.result() for result in [pool.submit(one_round, tmp_path, *step) for step in plan]]
    assert sum(settled) >= ROUNDS, f"C2C_KILL_SEED={base}: too few captures had their second: {settled}"
    assert time.monotonic() - started < 60, f"C2C_KILL_SEED={base}: ten rounds took too long"
