"""What finding the next workshop costs a save, in a folder of many sessions.

The folder holds ``--sessions`` copies of the shipped example (each its own workshop) and, for one of them,
a follow-on made with ``followon.follow_on``. Printed: the look-up (``store.next_workshop``) the first time
in a process (every file read once; only files with an ``after`` key parsed), then on later saves (every
file stat'ed, none read), and a whole save of the followed session with and without it.

    python bench/next_workshop.py [--sessions 1000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from c2c_tui.core.followup.followon import follow_on
from c2c_tui.core.store import load, save
from c2c_tui.core.store import next_workshop as module

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "sessions" / "cooling-valmora.toml"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def timed(action, rounds: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    base = load(EXAMPLE)
    start = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
    with tempfile.TemporaryDirectory(prefix="c2c-next-") as tmp:
        folder = Path(tmp)
        for n in range(args.sessions):
            session = base.model_copy(update={"created": start + timedelta(hours=n), "title": f"W{n}"})
            save(folder / f"w{n:04d}.toml", session)
        first = folder / "w0000.toml"
        later = follow_on(first, folder / "w0000-two.toml", title="Two", now=start + timedelta(days=30))
        save(folder / "w0000-two.toml", later)
        session = load(first)

        module._memo.clear()
        cold_start = time.perf_counter()
        found = module.next_workshop(first, session)
        cold = time.perf_counter() - cold_start
        assert found is not None and found.title == "Two", found
        warm = timed(lambda: module.next_workshop(first, session), args.rounds)
        with_look = timed(lambda: save(first, session), args.rounds)
        real = module.next_workshop  # the save imports it from the module on each call
        module.next_workshop = lambda path, s: None  # type: ignore[assignment]
        try:
            without = timed(lambda: save(first, session), args.rounds)
        finally:
            module.next_workshop = real  # type: ignore[assignment]
    print(f"{args.sessions + 1} sessions in one folder, Python {sys.version.split()[0]}")
    print(f"  next workshop, first look in a process: {ms(cold)}")
    print(f"  next workshop, every later save:        {ms(warm)}")
    print(
        f"  save of the followed session (TOML + summary): {ms(with_look)}; without the look: {ms(without)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
