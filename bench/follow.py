"""``c2c follow`` in a real pty: idle CPU, CPU and memory while another process writes, write-to-screen.

    python bench/follow.py                          # this tree's c2c
    python bench/follow.py --old /tmp/old/src       # and another tree's, side by side, in turns

The other tree is any checkout's ``src`` (``git archive main src | tar -x -C /tmp/old``); it is put on
``PYTHONPATH`` of the follow process only (this script writes the files with this tree's store).
Figures, not pass/fail (the targets are printed beside them). Linux only (pty, /proc).

- idle: CPU % of one core over a window, the clock running, nobody writing (target <= 1 %);
- writing: another process (this script) appends an entry to a 2,000-entry file every 2 s, atomically as
  ``c2c run`` saves; CPU % over the whole run and resident memory after the first frame and after each
  update (``RSS start`` is after the first update, ``RSS end`` after the last);
- write-to-screen: from the new file being in place (``os.replace`` returned) to the pty showing the new
  entry's text (median and p90; target median < 250 ms), on the example and on 2,000 entries.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import measure
from first_frame import Process, first_frame

from c2c_tui.core import clock as core_clock
from c2c_tui.core import store
from c2c_tui.core.model import Entry, Session

MARKER = "q quits"  # the end of the follow screen's status line, the last thing it paints


def follow_argv(path: Path) -> list[str]:
    return [sys.executable, "-m", "c2c_tui", "follow", str(path)]


def env_for(src: str | None) -> dict[str, str] | None:
    return {"PYTHONPATH": src} if src else None


def start(path: Path, src: str | None) -> Process:
    _, process = first_frame(follow_argv(path), MARKER, env=env_for(src))
    process.drain(1.5)  # the first parse, the first ticks
    return process


def replace(path: Path, session: Session) -> float:
    """Write the session's TOML atomically (temporary file, then rename); perf_counter when it is in place."""
    temporary = path.with_name(path.name + ".bench-tmp")
    temporary.write_text(store.dumps(session), encoding="utf-8")
    os.replace(temporary, path)
    return time.perf_counter()


def append(session: Session, text: str) -> None:
    phase = core_clock.state_of(session, datetime.now(UTC)).phase or "rapport"
    now = datetime.now(UTC)  # the newest item: shown at the bottom of the latest items
    session.entries.append(Entry(id=session.next_id("e"), phase=phase, kind="note", text=text, created=now))


def idle(path: Path, src: str | None, seconds: float) -> float:
    process = start(path, src)
    try:
        before, began = measure._cpu_seconds(process.pid), time.monotonic()
        process.drain(seconds)
        return 100 * (measure._cpu_seconds(process.pid) - before) / (time.monotonic() - began)
    finally:
        process.stop()


def writing(path: Path, src: str | None, updates: int, every: float) -> tuple[float, int, int, list[int]]:
    """(CPU %, RSS kB after the first update, after the last, RSS after each) while the file changes."""
    session = store.load(path)
    process = start(path, src)
    rss: list[int] = []
    try:
        before, began = measure._cpu_seconds(process.pid), time.monotonic()
        for n in range(updates):
            append(session, f"appended by another process, number {n}")
            replace(path, session)
            process.drain(every)
            rss.append(measure._status(process.pid, "VmRSS"))
        cpu = 100 * (measure._cpu_seconds(process.pid) - before) / (time.monotonic() - began)
        return cpu, rss[0], rss[-1], rss
    finally:
        process.stop()


def write_to_screen(path: Path, src: str | None, tries: int) -> list[float]:
    """Seconds from each new file in place to its new entry's text on the screen."""
    session = store.load(path)
    process = start(path, src)
    times = []
    try:
        for n in range(tries):
            text = f"Zqx shown {n} xqZ"
            append(session, text)
            mark = len(process.output)
            placed = replace(path, session)
            wanted = text.encode()
            while wanted not in measure._plain(process, mark):
                if time.perf_counter() - placed > 10:
                    raise TimeoutError(f"not shown within 10 s: {text}")
                process.drain(0.002)
            times.append(time.perf_counter() - placed)
            process.drain(0.6)
    finally:
        process.stop()
    return times


def p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10)[-1] if len(values) >= 2 else values[0]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", help="another tree's src folder, measured in turns with this one")
    parser.add_argument("--rounds", type=int, default=2, help="turns of each measurement (default 2)")
    parser.add_argument("--idle-seconds", type=float, default=20.0)
    parser.add_argument("--updates", type=int, default=25)
    parser.add_argument("--every", type=float, default=2.0, help="seconds between two writes")
    parser.add_argument("--tries", type=int, default=12, help="write-to-screen samples per round")
    args = parser.parse_args(argv)
    variants = [("new (this tree)", None)] + ([("old (" + args.old + ")", args.old)] if args.old else [])
    print(f"c2c follow bench · {os.cpu_count()} CPUs · load average at start {os.getloadavg()}")
    folder = measure.scratch()
    try:
        example = folder / "example.toml"
        store.save(example, measure.running(store.load(measure.example_copy(folder))))
        big = measure.write_big(folder, 2000)
        figures: dict[str, dict[str, list[float]]] = {name: {} for name, _ in variants}

        def add(name: str, key: str, *values: float) -> None:
            figures[name].setdefault(key, []).extend(values)

        for _ in range(args.rounds):
            for name, src in variants:
                add(name, "idle", idle(example, src, args.idle_seconds))
                add(name, "idle_big", idle(big, src, args.idle_seconds))
            for name, src in variants:
                cpu, first, last, rss = writing(big, src, args.updates, args.every)
                add(name, "write_cpu", cpu)
                add(name, "rss_first", first / 1024)
                add(name, "rss_last", last / 1024)
                print(f"  {name}: RSS after each update (MB): {' '.join(f'{r / 1024:.0f}' for r in rss)}")
            for name, src in variants:
                add(name, "shown_example", *write_to_screen(example, src, args.tries))
                add(name, "shown_big", *write_to_screen(big, src, args.tries))
        print(f"load average at the end {os.getloadavg()}\n")
        report(figures, args)
    finally:
        measure.shutil.rmtree(folder, ignore_errors=True)
    return 0


def report(figures: dict[str, dict[str, list[float]]], args: argparse.Namespace) -> None:
    rows = [
        ("idle CPU, example, clock running (target <= 1 %)", "idle", "%"),
        ("idle CPU, 2,000 entries, clock running", "idle_big", "%"),
        (f"CPU, 2,000 entries, a write every {args.every:g} s", "write_cpu", "%"),
        ("RSS after the first update, 2,000 entries", "rss_first", "MB"),
        (f"RSS after {args.updates} updates", "rss_last", "MB"),
    ]
    names = list(figures)
    print(f"median of {args.rounds} rounds; each value in brackets")
    for title, key, unit in rows:
        cells = []
        for name in names:
            values = figures[name][key]
            cells.append(
                f"{name}: {statistics.median(values):.2f} {unit} ({', '.join(f'{v:.2f}' for v in values)})"
            )
        print(f"  {title}\n      " + "\n      ".join(cells))
    for title, key in (
        ("write-to-screen, example", "shown_example"),
        ("write-to-screen, 2,000 entries", "shown_big"),
    ):
        cells = []
        for name in names:
            values = figures[name][key]
            cells.append(
                f"{name}: median {statistics.median(values) * 1000:.0f} ms, p90 {p90(values) * 1000:.0f} ms "
                f"({len(values)} samples)"
            )
        print(f"  {title} (target median < 250 ms)\n      " + "\n      ".join(cells))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
