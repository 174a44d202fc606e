"""This tree and an older one side by side on one warm folder of 1,000 sessions, in interleaved turns.

On a shared machine single runs vary by 2x from one minute to the next (``bench/folder.py`` measures each
figure in its own turns); here every round runs, back to back: one ``c2c check FILE``, ``c2c actions DIR``
with this tree and with the older one, the bare Textual app, and the home screen (first frame and list
filled) with each tree. Medians of ``--rounds``; ratios against the check and the bare app of the same
rounds.

    python bench/folder_ab.py --old OLD/src [--sessions 1000] [--rounds 7]

``OLD/src`` is a source tree (``git archive main src | tar -x -C OLD``), run with ``PYTHONPATH``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from folder import bare_frame, c2c, home_frame, make_folder


def timed(argv: list[str], env: dict[str, str]) -> float:
    with tempfile.TemporaryFile() as sink:
        began = time.perf_counter()
        subprocess.run(argv, stdout=sink, stderr=subprocess.DEVNULL, env={**os.environ, **env}, check=False)
        return time.perf_counter() - began


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", required=True, type=Path, help="the older source tree (its src folder)")
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    old = {"PYTHONPATH": str(args.old.resolve())}
    n = args.sessions
    rows: dict[str, list[float]] = {}

    def keep(name: str, value: float) -> None:
        rows.setdefault(name, []).append(value)

    with tempfile.TemporaryDirectory(prefix="c2c-folder-ab-") as tmp:
        folder = Path(tmp)
        make_folder(folder, n)
        time.sleep(2.1)
        timed(c2c("actions", folder), {})  # the index, warm for both (the older tree reads it as well)
        home_frame(folder, n, {})  # and this tree's home rows
        for _ in range(args.rounds):
            check = timed(c2c("check", folder / "w0000.toml"), {})
            keep("actions / check, this tree", timed(c2c("actions", folder), {}) / check)
            keep("actions / check, older tree", timed(c2c("actions", folder), old) / check)
            bare, bare_kb = bare_frame()
            for label, env in (("this tree", {}), ("older tree", old)):
                first, filled, kb = home_frame(folder, n, env)
                keep(f"home first frame / bare, {label}", first / bare)
                keep(f"home list filled / bare, {label}", filled / bare)
                keep(f"home peak RSS / bare, {label}", kb / bare_kb)
                keep(f"home peak RSS MB, {label}", kb / 1024)
    print(f"load average: {os.getloadavg()[0]:.1f} (1 min); {n:,} sessions, warm; medians of {args.rounds}")
    for name, values in rows.items():
        spread = f"{min(values):.2f}-{max(values):.2f}"
        unit = "" if "MB" in name else "x"
        print(f"  {name:<38} {statistics.median(values):6.2f}{unit}   ({spread})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
