"""How many typed-ahead and pasted captures are saved exactly right: `python bench/pty_input.py`.

The same runs as tests/hardening/test_pty_input.py, counted instead of asserted: (a) 20 lines whose Enter
and the next line's first two characters arrive in one write, (b) ten `n: burst iN` lines in one write,
(c) a bracketed paste of ten lines, (d) a paste with a lone ESC byte, (e) ten SIGTERM / SIGHUP 10 ms
after an Enter. An item is right when an entry has exactly its text; merged, cut or lost ones are not.
"""

from __future__ import annotations

import os
import signal
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests" / "hardening")]

from pty_app import paste, quit_and_load, start, texts, wait_exit

from c2c_tui.core import store
from c2c_tui.core.model import Session
from c2c_tui.core.reading import load


def run(folder: Path, name: str, write) -> list[str]:  # type: ignore[no-untyped-def]
    path = folder / f"{name}.toml"
    store.save(path, Session(title=name))
    process = start(path)
    write(process)
    process.drain(0.5)
    _, session = quit_and_load(process, path)
    return texts(session)


def type_ahead(process) -> None:  # type: ignore[no-untyped-def]
    lines = [f"note {n} ok" for n in range(1, 21)]
    process.send(lines[0][:-2].encode())
    for line, following in zip(lines, [*lines[1:], ""]):
        process.send((line[-2:] + "\r" + following[:2]).encode())
        time.sleep(0.02)
        if following:
            process.send(following[2:-2].encode())
        process.drain(0.02)


def signals(folder: Path, rounds: int = 10) -> None:
    saved = restored = 0
    for n in range(rounds):
        path = folder / f"signal-{n}.toml"
        store.save(path, Session(title="signal"))
        process = start(path)
        process.send(f"n: entered {n}\r".encode())
        time.sleep(0.01)
        os.kill(process.pid, signal.SIGTERM if n % 2 == 0 else signal.SIGHUP)
        wait_exit(process)
        saved += texts(load(path)) == [f"entered {n}"]
        tail = bytes(process.output).rsplit(b"\x1b[?1049h", 1)[-1]
        restored += b"\x1b[?1049l" in tail and b"\x1b[?25h" in tail
    print(f"e signals      {saved:2d} of {rounds} saved, terminal restored {restored} of {rounds}")


def main() -> None:
    cases = {
        "a type-ahead": ([f"note {n} ok" for n in range(1, 21)], type_ahead),
        "b one write": (
            [f"burst i{n}" for n in range(10)],
            lambda p: p.send(b"".join(f"n: burst i{n}\r".encode() for n in range(10))),
        ),
        "c paste": (
            [f"pasted line {n}" for n in range(10)],
            lambda p: p.send(paste("\n".join(f"pasted line {n}" for n in range(10)))),
        ),
        "d paste ESC": (
            ["LONEESC a\x1bb c"],
            lambda p: (p.send(paste("LONEESC a\x1bb c")), p.drain(0.3), p.send(b"\r")),
        ),
    }
    with tempfile.TemporaryDirectory() as folder:
        for name, (wanted, write) in cases.items():
            got = run(Path(folder), name.split()[0], write)
            right = sum(1 for text in wanted if text in got)
            print(f"{name:14} {right:2d} of {len(wanted)} right   {len(got)} entries: {got[:3]!r}...")
        signals(Path(folder))


if __name__ == "__main__":
    main()
