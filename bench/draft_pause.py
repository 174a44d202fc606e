"""Does keeping the draft slow typing? `python bench/draft_pause.py` (about a minute).

Key to screen in a real pty (120x36) on a 2,000-entry workshop, two ways: keys 50 ms apart (typing: the
draft is never kept in between), and keys about a second apart (1.0 to 1.15 s: each key lands as the pause
check fires and the draft's autosave runs, the worst case). Run it with ``PYTHONPATH=OLD/src`` to compare
with code that does not keep the draft.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import measure
from first_frame import first_frame


def paused_keys(path: Path, keys: int = 12, gap: float = 1.0) -> list[float]:
    """Seconds from each key to the screen showing it, the keys ``gap`` to ``gap + 0.15`` s apart."""
    _, process = first_frame(measure.c2c_run(path), measure.MARKER)
    times = []
    letters = "Zqxjkvbwyfgpmhdcnrtslaeio"  # starts with a letter seen nowhere else on the screen
    try:
        process.drain(1.5)
        for n in range(keys):
            typed = letters[: n + 1]
            mark = len(process.output)
            process.send(typed[-1].encode())
            wanted = typed.encode()
            times.append(measure._wait_for(lambda w=wanted, m=mark: w in measure._plain(process, m), process))
            process.drain(gap + (n % 4) * 0.05)
    finally:
        process.stop()
    return times


def main() -> int:
    big = measure.write_big(measure.scratch(), 2000)
    fast = measure.keystroke(big)
    paused = paused_keys(big)
    print(
        f"2,000 entries, key to screen: keys 50 ms apart, median {fast * 1000:.1f} ms; keys about 1 s apart"
    )
    print(f"(the draft kept and saved between them): median {statistics.median(paused) * 1000:.1f} ms,")
    print(f"max {max(paused) * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
