"""`c2c actions` and `c2c series` over a folder of 200 three-workshop chains (600 sessions).

Each chain is the shipped example (8 actions, 3 follow-up offers, 60 entries) followed by two follow-on
workshops made with ``followon.follow_on``: the second reviews four of the first's items, the third one
more. Each command runs as a user runs it (``python -m c2c_tui ...`` in a fresh process, output to a
file), three times; the median is printed, with the part spent in core (scan + track + render) in-process.

    python bench/folder.py [--chains 200] [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from c2c_tui.core.followup.followon import follow_on, record_review
from c2c_tui.core.store import load, save

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "sessions" / "cooling-valmora.toml"


def make_folder(folder: Path, chains: int) -> None:
    base = load(EXAMPLE)
    start = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
    for n in range(chains):
        created = start + timedelta(hours=n)
        first = folder / f"chain{n:03d}-1.toml"
        save(first, base.model_copy(update={"created": created, "title": f"{base.title} #{n}"}))
        second = folder / f"chain{n:03d}-2.toml"
        two = follow_on(first, second, title=f"Second #{n}", now=created + timedelta(days=30))
        two.workshop.date = date(2026, 12, 10)
        for index, outcome in enumerate(("done", "in_progress", "dropped", "open")):
            record_review(two, index, outcome, now=created + timedelta(days=30, minutes=index), note="bench")
        save(second, two)
        third = folder / f"chain{n:03d}-3.toml"
        three = follow_on(second, third, title=f"Third #{n}", now=created + timedelta(days=60))
        three.workshop.date = date(2027, 1, 20)
        record_review(three, 0, "done", now=created + timedelta(days=60))
        save(third, three)


def timed(argv: list[str], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        with tempfile.TemporaryFile() as sink:
            began = time.perf_counter()
            subprocess.run([sys.executable, "-m", "c2c_tui", *argv], stdout=sink, check=False)
            times.append(time.perf_counter() - began)
    return statistics.median(times)


def in_process(folder: Path, rounds: int) -> tuple[float, float]:
    from c2c_tui.core.followup import collect, render_table
    from c2c_tui.core.followup.library import scan
    from c2c_tui.core.followup.series_overview import render_series

    today = date(2027, 1, 25)
    actions, series = [], []
    for _ in range(rounds):
        began = time.perf_counter()
        render_table(collect(scan(folder), today=today), today)
        actions.append(time.perf_counter() - began)
        began = time.perf_counter()
        render_series(scan(folder), None, today=today)
        series.append(time.perf_counter() - began)
    return statistics.median(actions), statistics.median(series)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chains", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        began = time.perf_counter()
        make_folder(folder, args.chains)
        sessions = len(list(folder.glob("*.toml")))
        print(
            f"{sessions} sessions ({args.chains} chains of three) made in {time.perf_counter() - began:.1f} s"
        )
        core_actions, core_series = in_process(folder, args.rounds)
        for name, argv_, core in (
            ("c2c actions DIR", ["actions", str(folder)], core_actions),
            ("c2c actions DIR --format ics", ["actions", str(folder), "--format", "ics"], None),
            ("c2c series DIR", ["series", str(folder)], core_series),
            ("c2c series DIR --format html", ["series", str(folder), "--format", "html"], None),
        ):
            total = timed(argv_, args.rounds)
            extra = f" (core {core * 1000:.0f} ms)" if core is not None else ""
            print(f"{name:<30} {total * 1000:>7.0f} ms{extra}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
