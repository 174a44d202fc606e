"""c2c's speed, side by side with a bare Textual app: ``python bench/run.py`` prints the tables.

Figures, not pass/fail tests (the targets are printed beside them). The apps run in a real pty
(120x36, ``TERM=xterm-256color``), started as a user starts them (``python -m c2c_tui run FILE`` and
``python bench/bare_app.py``), in turns, so both see the same machine. Linux only (pty, /proc).

    python bench/run.py            # everything (about three minutes)
    python bench/run.py --quick    # fewer rounds, shorter CPU window, no 10,000-entry app runs
    python bench/run.py --startup  # only the start-up and memory tables

Bytecode: with ``PYTHONDONTWRITEBYTECODE`` set (as on the project's machines) an editable install compiles
c2c's own modules again on every start. The start-up table is measured both ways, "compiled on every
start" (as this environment is set) and "bytecode cached" (the normal installed case: the children write
and reuse .pyc files under a scratch ``PYTHONPYCACHEPREFIX``, after one warm-up run each); the targets and
the memory table are for the cached case. c2c keeps a table of the code Python compiles from text at every
start (dataclasses' methods, string annotations, named tuples: ``c2c_tui/code_cache.py``) in its cache
folder, written only where bytecode is: in the cached case it is in a scratch folder, written by a warm-up
run; the bare app is also measured with that table installed, to show what the table alone is worth.
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
    parser.add_argument("--startup", action="store_true", help="only the start-up and memory tables")
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
        sizes = (2000,) if args.startup else SIZES
        big = {n: measure.write_big(folder, n) for n in sizes}
        if os.environ.get("PYTHONDONTWRITEBYTECODE"):
            run_startup(rounds, example, big[2000], "compiled on every start: PYTHONDONTWRITEBYTECODE is set")
        else:
            print("\n(PYTHONDONTWRITEBYTECODE is not set: .pyc files are written and reused as usual)")
        with measure.bytecode_cached(folder):
            run_startup(rounds, example, big[2000], "bytecode cached, the installed case: the targets")
            run_idle(cpu_seconds, folder, big[2000])
        if not args.startup:
            run_core(5 if args.quick else 9)
            run_typing(big, quick=args.quick)
            __import__("folder").run_folder(rounds=1 if args.quick else 3)  # bench/folder.py
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def run_startup(rounds: int, example: Path, big2000: Path, how: str) -> None:
    argvs = (
        measure.BARE,
        measure.BARE_MODELS,
        measure.BARE_CACHED,
        measure.c2c_run(example),
        measure.c2c_run(big2000),
    )
    measure.startup(1, *argvs)  # one warm-up run each (writes the .pyc files when they are cached)
    for warm in (measure.c2c_run(example), measure.BARE_CACHED):  # c2c's table of compiled text: ~3 s in
        measure.idle(warm, 0.5, settle=3.5)
    cpu: list[list[float]] = [[] for _ in argvs]
    runs = measure.startup(rounds, *argvs, cpu=cpu)
    walls = [statistics.median(times) for times in runs]
    cpus = [statistics.median(times) for times in cpu]
    names = [
        "bare Textual app (header, label, footer)",
        "the same, importing c2c's pydantic models first",
        "the same, with c2c's table of compiled text",
        "c2c run on the example",
        "c2c run on 2,000 entries",
    ]
    targets = ["", "", "", "<= 1.50 (long run: 1.20)", ""]
    table(
        f"Start-up to the first full frame (median of {rounds}, in a pty; {how})\n"
        "(CPU: what the program had used by then, user + system: less disturbed by a busy machine)",
        ["app", "first frame", "ratio to bare", "target", "CPU", "CPU ratio"],
        [
            [name, ms(wall), f"{wall / walls[0]:.2f}", target, ms(used), f"{used / cpus[0]:.2f}"]
            for name, wall, used, target in zip(names, walls, cpus, targets, strict=True)
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
        "(targets: CPU <= 1 % of one core; memory of the example <= 1.50 x the bare app, long run 1.20)",
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
