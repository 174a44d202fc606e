"""What the workshop's time zone costs a load: validating a big session (bench/bigsession.py, 2,000 entries)
without a zone, with one (every time already with an offset, as c2c writes them), and with one and every
time hand-edited to have none (``zone.read_naive`` gives each the workshop's zone). Best of N, in-process.

    python bench/zone_load.py [--entries 2000] [--rounds 15]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bigsession import big_session

from c2c_tui.core.model import Session
from c2c_tui.core.store import dumps
from c2c_tui.core.zone import read_naive


def best(text: str, rounds: int, step: str) -> float:
    times = []
    for _ in range(rounds):
        data = tomllib.loads(text)
        began = time.perf_counter()
        read_naive(data) if step == "walk" else Session.model_validate(data)
        times.append(time.perf_counter() - began)
    return min(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    plain = dumps(big_session(args.entries))
    zoned = plain.replace("[workshop]\n", '[workshop]\ntimezone = "Europe/Madrid"\n', 1)
    naive = re.sub(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)(\.\d+)?\+00:00", r"\1", zoned)
    assert "+00:00" not in naive
    print(f"{args.entries} entries, best of {args.rounds} (ms):")
    print(f"  validate, no zone:            {best(plain, args.rounds, 'validate'):7.1f}")
    print(f"  validate, zone, offsets:      {best(zoned, args.rounds, 'validate'):7.1f}")
    print(f"  validate, zone, naive times:  {best(naive, args.rounds, 'validate'):7.1f}")
    print(f"  of which the walk (offsets):  {best(zoned, args.rounds, 'walk'):7.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
