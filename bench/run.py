"""c2c's speed, side by side with a bare Textual app: ``python bench/run.py`` prints the tables.

Figures, not pass/fail tests (the targets are printed beside them). The apps run in a real pty
(120x36, ``TERM=xterm-256color``), started as a user starts them (``python -m c2c_tui run FILE`` and
``python bench/bare_app.py``), in turns, so both see the same machine. Linux only (pty, /proc).

    python bench/run.py            # everything (about three minutes)
    python bench/run.py --quick    # fewer rounds, shorter CPU window, no 10,000-entry app runs
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
from pathlib import Path

import measure
import textual

SIZES = (100, 1000, 2000, 10000)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.0095 else f"{seconds * 1000:.1f} ms"


def table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    print(f"\n{title}\n")
    for n, row in enumerate([header, *rows]):
        cells = [str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(row, widths))]
        print("  " + "  ".join(cells))
        if n == 0:
            print("  " + "  ".join("-" * w for w in widths))


def growth(small: float, big: float, factor: float) -> str:
    """How a figure grows over ``factor`` times the entries: x per x (1.00 = linear, below = better)."""
    return f"x{big / small:.0f} ({big / small / factor:.2f} of linear)" if small > 0 else "-"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds; skip the 10,000-entry app runs")
    parser.add_argument("--rounds", type=int, default=None, help="start-up rounds (default 9, quick 5)")
    parser.add_argument("--cpu-seconds", type=float, default=None, help="idle window (default 20, quick 8)")
    args = parser.parse_args(argv)
    rounds = args.rounds or (5 if args.quick else 9)
    cpu_seconds = args.cpu_seconds or (8.0 if args.quick else 20.0)
    print(
        f"c2c benchmark · Python {platform.python_version()} · Textual {textual.__version__} · "
        f"{platform.machine()} · {os.cpu_count()} CPUs"
    )
    folder = measure.scratch()
    try:
        example = measure.example_copy(folder)
        big = {n: measure.write_big(folder, n) for n in SIZES}
        run_startup(rounds, example, big[2000])
        run_idle(cpu_seconds, folder, big[2000])
        run_core(5 if args.quick else 9)
        run_typing(big, quick=args.quick)
        __import__("folder").run_folder(rounds=1 if args.quick else 3)  # bench/folder.py
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def run_startup(rounds: int, example: Path, big2000: Path) -> None:
    runs = measure.startup(
        rounds, measure.BARE, measure.BARE_MODELS, measure.c2c_run(example), measure.c2c_run(big2000)
    )
    bare, models, c2c, c2c_big = (statistics.median(times) for times in runs)
    table(
        f"Start-up to the first full frame (median of {rounds}, in a pty)",
        ["app", "first frame", "ratio to bare", "target"],
        [
            ["bare Textual app (header, label, footer)", ms(bare), "1.00", ""],
            ["the same, importing c2c's pydantic models first", ms(models), f"{models / bare:.2f}", ""],
            ["c2c run on the example", ms(c2c), f"{c2c / bare:.2f}", "<= 1.20"],
            ["c2c run on 2,000 entries", ms(c2c_big), f"{c2c_big / bare:.2f}", ""],
        ],
    )


def run_idle(seconds: float, folder: Path, big2000: Path) -> None:
    running = folder / "running.toml"
    measure.store.save(running, measure.running(measure.store.load(measure.example_copy(folder))))
    bare = measure.idle(measure.BARE, seconds)
    models = measure.idle(measure.BARE_MODELS, seconds)
    c2c = measure.idle(measure.c2c_run(running), seconds)
    c2c_big = measure.idle(measure.c2c_run(big2000), seconds)

    def row(name: str, figures: tuple[float, int, int]) -> list[str]:
        cpu, peak, rss = figures
        return [
            name,
            f"{cpu:.2f} %",
            f"{rss / 1024:.1f} MB",
            f"{rss / bare[2]:.2f}",
            f"{peak / 1024:.1f} MB",
            f"{peak / bare[1]:.2f}",
        ]

    table(
        f"Nobody typing, the clock running ({seconds:.0f} s window): CPU and resident memory\n"
        "(targets: CPU <= 1 % of one core; memory <= 1.50 x the bare app, with 2,000 entries)",
        ["app", "CPU", "RSS", "x bare", "peak RSS", "x bare"],
        [
            row("bare Textual app", bare),
            row("the same, importing c2c's pydantic models first", models),
            row("c2c run, example, clock running", c2c),
            row("c2c run, 2,000 entries, clock running", c2c_big),
        ],
    )


CORE_COLUMNS = (
    ("load", "load"),
    ("save_cold", "save, cold"),
    ("save_warm", "save, warm"),
    ("autosave", "autosave thread"),
    ("summary", "summary"),
    ("toml", "TOML text, cold"),
)


def run_core(repeat: int) -> None:
    results = {n: measure.core_timings(n, repeat) for n in SIZES}
    rows = []
    for n in SIZES:
        r = results[n]
        rows.append(
            [f"{n:,} entries ({n // 10} options, {n // 10} actions)", f"{r['kb']:.0f} kB"]
            + [ms(r[key]) for key, _ in CORE_COLUMNS]
        )
    first, last = results[SIZES[0]], results[SIZES[-1]]
    factor = SIZES[-1] / SIZES[0]
    rows.append(
        ["growth 100 -> 10,000", ""] + [growth(first[key], last[key], factor) for key, _ in CORE_COLUMNS]
    )
    table(
        f"The session file, in process (median of {repeat}); target at 2,000 entries: each <= 50 ms\n"
        "A save is the TOML and the markdown summary, written atomically (SessionFile.save, as the app saves).\n"
        "  cold: the first save after opening, nothing remembered yet (AutoSaver.warm, run once the first\n"
        "        frame is up, makes the app's first autosave warm too);\n"
        "  warm: after a small change (one entry appended): each item's TOML is remembered by its content;\n"
        "  autosave thread: the app's way, warm: a snapshot (model_dump) on the main thread, then in the\n"
        "        thread a Session rebuilt from it and saved.",
        ["workshop", "file"] + [title for _, title in CORE_COLUMNS],
        rows,
    )


def run_typing(big: dict[int, Path], *, quick: bool) -> None:
    sizes = [n for n in SIZES if not (quick and n == 10000)]
    rows, figures = [], {}
    for n in sizes:
        key = measure.keystroke(big[n])
        enter = measure.enter_to_disk(big[n])
        startup = statistics.median(measure.startup(3, measure.c2c_run(big[n]))[0])
        _, peak, _ = measure.idle(measure.c2c_run(big[n]), 2.0, settle=1.0)
        figures[n] = (key, enter, startup, peak)
        rows.append([f"{n:,} entries", ms(key), ms(enter), ms(startup), f"{peak / 1024:.1f} MB"])
    first, last = figures[sizes[0]], figures[sizes[-1]]
    factor = sizes[-1] / sizes[0]
    rows.append(
        [f"growth {sizes[0]:,} -> {sizes[-1]:,}", *(growth(a, b, factor) for a, b in zip(first, last))]
    )
    table(
        "The app on big workshops, in a pty (targets at 2,000: Enter-to-disk <= 300 ms, keys flat)",
        ["workshop", "key to screen", "Enter to disk", "first frame", "peak RSS"],
        rows,
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
