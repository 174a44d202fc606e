"""A programme's folder: the folder commands and the home screen at 50, 200 and 1,000 sessions, cold and warm.

The folder holds copies of the shipped example (60 entries, 8 actions, 3 follow-up offers each) with
distinct titles, workshop dates, created times and action texts; every tenth is a follow-on that reviews
two of the previous one's actions (so ``series`` and the actions' latest states have work to do).

For each size: ``c2c check DIR``, ``c2c actions DIR`` (with its peak RSS), ``c2c series DIR``, each run as a
user runs it (``python -m c2c_tui ...``, a fresh process, output to a file), and the home screen's first
full frame and resident memory in a real pty (``python -m c2c_tui --dir DIR``), side by side with one
``c2c check FILE`` and the bare Textual app (``bench/bare_app.py``) measured in the same turns. In a big
folder the home screen's first frame comes before its list ("reading the sessions…"): the time until the
list is filled (the heading counts the sessions) is printed under it.
*cold*: no folder index nor rows file (removed before each run); *warm*: the index of a previous run is there and
every file is older than two seconds. Medians of ``--rounds``.

    python bench/folder.py [--sizes 50,200,1000] [--rounds 3]

Run it against older code with ``PYTHONPATH=OLD/src`` (``git archive main src``): "warm" is then the same
as cold (no index).
"""

from __future__ import annotations

import argparse
import itertools
import os
import select
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import measure
from first_frame import ANSI, Process, first_frame, spawn

from c2c_tui.core.series_rows import Review
from c2c_tui.core.store import dumps, load

HERE = Path(__file__).resolve().parent

EXAMPLE = HERE.parent / "sessions" / "cooling-valmora.toml"
INDEXES = (".c2c-index.json", ".c2c-rows.json")  # the folder commands' outlines, the home list's rows
READING = "reading the sessions"  # the home screen's first frame in a big folder, before its list
SIZES = (50, 200, 1000)
Cell = tuple[float, float]  # (cold, warm)


def make_folder(folder: Path, sessions: int) -> None:
    """``sessions`` copies of the example (TOML only: the summaries beside them are not read by a scan)."""
    base = load(EXAMPLE)
    start = datetime(2024, 1, 8, 9, 0, tzinfo=UTC)
    for n in range(sessions):
        s = base.model_copy(deep=True)
        s.title = f"{base.title} #{n}"
        s.created = start + timedelta(days=n, hours=n % 7)
        s.workshop.date = (start + timedelta(days=n)).date()
        s.workshop.after = None
        for a in s.actions:
            a.text = f"{a.text} (workshop {n})"
            a.due = date(2026, 1, 1) + timedelta(days=(n * 7 + len(a.id)) % 400)
        if n % 10 == 9:  # a follow-on of the previous one, reviewing two of its actions
            s.workshop.after = f"w{n - 1:04d}.toml"
            s.reviews = [
                Review(
                    kind="action", item=base.actions[i].id, file=f"w{n - 1:04d}.toml", outcome=o, at=s.created
                )
                for i, o in ((0, "done"), (1, "in_progress"))
            ]
        (folder / f"w{n:04d}.toml").write_text(dumps(s), encoding="utf-8")


def c2c(*argv: str | Path) -> list[str]:
    return [sys.executable, "-m", "c2c_tui", *map(str, argv)]


def timed(argv: list[str]) -> tuple[float, int]:
    """Seconds and peak RSS (kB) of one run, its output to a scratch file."""
    with tempfile.TemporaryFile() as sink:
        began = time.perf_counter()
        process = subprocess.Popen(argv, stdout=sink, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - began
    process.returncode = 0
    return seconds, usage.ru_maxrss


def home_frame(folder: Path, sessions: int, env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Seconds to the home screen's first full frame (a big folder's says it is reading the sessions; a
    small one's already counts them), seconds until its list is filled (the heading counts the sessions),
    and its peak RSS (kB); ``env`` added to the environment (another tree's ``PYTHONPATH``)."""
    started = time.perf_counter()
    process = spawn(c2c("--dir", folder), env)
    try:
        first = _until(process, (READING, f"{sessions} sessions")) - started
        filled = _until(process, (f"{sessions} sessions",)) - started
        process.drain(0.5)
        return first, filled, measure._status(process.pid, "VmHWM")
    finally:
        process.stop()


def _until(process: Process, markers: tuple[str, ...], timeout: float = 60.0) -> float:
    """The moment one of ``markers`` is on the screen (escape sequences left out)."""
    wanted = [m.encode() for m in markers]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        shown = ANSI.sub(b"", bytes(process.output))
        if any(w in shown for w in wanted):
            return time.perf_counter()
        ready, _, _ = select.select([process.fd], [], [], 0.05)
        if ready and not process._read():
            break
    raise RuntimeError(f"no {markers!r} on screen: {process.text()[-500:]!r}")


def bare_frame() -> tuple[float, int]:
    seconds, process = first_frame(measure.BARE, measure.MARKER)
    try:
        process.drain(0.5)
        return seconds, measure._status(process.pid, "VmHWM")
    finally:
        process.stop()


def cold_warm(folder: Path, run: Callable[[], tuple[float, ...]], rounds: int) -> list[Cell]:
    """(cold, warm) medians of each figure ``run`` gives; the indexes removed before each cold run."""
    cold, warm = [], []
    indexes = [folder / name for name in INDEXES]
    for _ in range(rounds):
        for index in indexes:
            index.unlink(missing_ok=True)
        cold.append(run())
        if not any(index.exists() for index in indexes):  # older code: no index, warm is cold again
            run()
        time.sleep(0.1)
        warm.append(run())
    med = statistics.median
    return [(med(c[i] for c in cold), med(w[i] for w in warm)) for i in range(len(cold[0]))]


def measure_size(folder: Path, sessions: int, rounds: int) -> dict[str, object]:
    one = folder / "w0000.toml"
    check_file = statistics.median(timed(c2c("check", one))[0] for _ in range(rounds))
    bare = [bare_frame() for _ in range(rounds)]
    out: dict[str, object] = {
        "check FILE": check_file,
        "bare": (statistics.median(b[0] for b in bare), statistics.median(b[1] for b in bare)),
    }
    for name, argv in (
        ("check DIR", c2c("check", folder)),
        ("actions DIR", c2c("actions", folder)),
        ("series DIR", c2c("series", folder)),
    ):
        out[name] = cold_warm(folder, lambda argv=argv: timed(argv), rounds)  # type: ignore[misc]
    out["home"] = cold_warm(folder, lambda: home_frame(folder, sessions), rounds)
    return out


def report(results: dict[int, dict[str, object]], rounds: int) -> None:
    print(f"\nA programme's folder (median of {rounds}; cold: no index, warm: the index of the last run)\n")
    header = f"  {'':<28}" + "".join(f"{f'{n:,} sessions':>22}" for n in results)
    print(header)
    print(f"  {'':<28}" + "".join(f"{'cold':>11}{'warm':>11}" for _ in results))

    def line(label: str, cells: list[tuple[str, str]]) -> None:
        print(f"  {label:<28}" + "".join(f"{c:>11}{w:>11}" for c, w in cells))

    def secs(x: float) -> str:
        return f"{x * 1000:.0f} ms"

    line("c2c check FILE (one)", [(secs(r["check FILE"]), "") for r in results.values()])  # type: ignore[arg-type]
    for name in ("check DIR", "actions DIR", "series DIR"):
        line(f"c2c {name}", [tuple(map(secs, r[name][0])) for r in results.values()])  # type: ignore[index,misc]
        line(
            "  x one check FILE",
            [tuple(f"{t / r['check FILE']:.2f}x" for t in r[name][0]) for r in results.values()],  # type: ignore[index,misc,operator]
        )
    line(
        "c2c actions DIR peak RSS",
        [tuple(f"{kb / 1024:.0f} MB" for kb in r["actions DIR"][1]) for r in results.values()],  # type: ignore[index,misc]
    )
    line("bare Textual app first frame", [(secs(r["bare"][0]), "") for r in results.values()])  # type: ignore[index]
    line("home screen first frame", [tuple(map(secs, r["home"][0])) for r in results.values()])  # type: ignore[index,misc]
    line(
        "  x bare app (target <= 2)",
        [tuple(f"{t / r['bare'][0]:.2f}x" for t in r["home"][0]) for r in results.values()],  # type: ignore[index,misc,operator]
    )
    line("home screen list filled", [tuple(map(secs, r["home"][1])) for r in results.values()])  # type: ignore[index,misc]
    line(
        "  x bare app",
        [tuple(f"{t / r['bare'][0]:.2f}x" for t in r["home"][1]) for r in results.values()],  # type: ignore[index,misc,operator]
    )
    line(
        "home screen RSS x bare app",
        [tuple(f"{kb / r['bare'][1]:.2f}x" for kb in r["home"][2]) for r in results.values()],  # type: ignore[index,misc,operator]
    )
    line(
        "  (MB; bare app MB)",
        [
            (f"{r['home'][2][0] / 1024:.0f}/{r['bare'][1] / 1024:.0f}", f"{r['home'][2][1] / 1024:.0f}")  # type: ignore[index]
            for r in results.values()
        ],
    )
    sizes = list(results)
    per = [("", "")] + [
        tuple(  # type: ignore[misc]
            f"{(results[n]['home'][2][i] - results[m]['home'][2][i]) / (n - m):.1f} kB"  # type: ignore[index]
            for i in (0, 1)
        )
        for m, n in itertools.pairwise(sizes)
    ]
    line("  RSS per session", per)  # type: ignore[arg-type]
    print(
        "\n  RSS per session: how much the home screen's peak RSS grew from the size before, per session added"
    )


def run_folder(sizes: tuple[int, ...] = SIZES, rounds: int = 3) -> None:
    """Build each folder, measure it, print the table (``bench/run.py`` calls this at the end)."""
    results: dict[int, dict[str, object]] = {}
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="c2c-folder-") as tmp:
            folder = Path(tmp)
            make_folder(folder, n)
            time.sleep(2.1)  # every file settled: older than the index's two-second window
            results[n] = measure_size(folder, n, rounds)
    print(f"load average: {os.getloadavg()[0]:.1f} (1 min), {os.cpu_count()} CPUs")
    report(results, rounds)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    run_folder(tuple(int(n) for n in args.sizes.split(",")), args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
