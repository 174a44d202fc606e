"""The file-safety runs of issue 10 §2, §4 and §7, as figures: run it on a checkout to see what it does.

    .venv/bin/python bench/file_safety.py            # this checkout
    PYTHONPATH=OLD/src .venv/bin/python bench/file_safety.py   # another one (git archive COMMIT src)

Each line is one run: a planted symlink, hard link or pipe beside a session, ``summary -o`` aimed at a pipe
or another session, a mode-444 file, a hand edit during a save (racing, and with a slow fsync), and a reader
that closes the pipe. It prints what happened to the files that must not change.
"""

from __future__ import annotations

import os
import random
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import c2c_tui
from c2c_tui.core import store
from c2c_tui.core.model import Entry, Session
from c2c_tui.core.store import SessionError, SessionFile, atomic

SECRET = b"precious\n"
EXAMPLE = Path(__file__).resolve().parents[1] / "sessions" / "cooling-valmora.toml"


def c2c(*argv: str, stdout: int | None = subprocess.DEVNULL) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    return subprocess.run(
        [sys.executable, "-m", "c2c_tui", *argv], stdout=stdout, stderr=subprocess.PIPE, text=True,
        timeout=60, check=False, env=env,
    )  # fmt: skip


def folder() -> tuple[Path, Path]:
    root = Path(tempfile.mkdtemp(prefix="c2c-safety-"))
    (root / "shared").mkdir()
    (root / "victim").mkdir()
    (root / "victim" / "important.txt").write_bytes(SECRET)
    return root / "shared", root / "victim" / "important.txt"


def victim_kept(victim: Path) -> str:
    return "kept" if victim.read_bytes() == SECRET else "OVERWRITTEN"


def planted_summary() -> str:
    shared, victim = folder()
    (shared / "x.md").symlink_to(victim)
    c2c("new", str(shared / "x.toml"))
    return victim_kept(victim)


def planted_lock() -> str:
    shared, victim = folder()
    store.save(shared / "x.toml", Session(title="X"))
    (shared / ".x.toml.lock").symlink_to(victim)
    try:
        SessionFile.open(shared / "x.toml").close()
    except SessionError:
        pass
    return victim_kept(victim)


def summary_into_fifo() -> str:
    shared, _victim = folder()
    fifo = shared / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    keep = os.open(fifo, os.O_WRONLY)
    c2c("summary", str(EXAMPLE), "-o", str(fifo))
    os.close(keep)
    os.close(reader)
    return "still a pipe" if stat.S_ISFIFO(os.lstat(fifo).st_mode) else "REPLACED by a regular file"


def summary_over_session() -> str:
    shared, _victim = folder()
    other = shared / "other.toml"
    store.save(other, Session(title="Other"))
    before = other.read_bytes()
    c2c("summary", str(EXAMPLE), "-o", str(other))
    return "kept" if other.read_bytes() == before else "TURNED INTO MARKDOWN"


def read_only_file() -> str:
    shared, _victim = folder()
    path = shared / "x.toml"
    store.save(path, Session(title="X"))
    os.chmod(path, 0o444)
    before = path.read_bytes()
    try:
        with SessionFile.open(path) as opened:
            opened.session.title = "Changed"
            opened.save()
    except SessionError:
        pass
    return "kept" if path.read_bytes() == before else "REPLACED"


def big() -> Session:
    session = Session(title="Before")
    session.entries = [
        Entry(id=f"e{i}", phase="insights", kind="note", text=f"note {i}") for i in range(2000)
    ]
    return session


def edit_in_place(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    with open(path, "r+", encoding="utf-8") as handle:
        handle.write(text.replace('title = "Before"', 'title = "Hand"'))
        handle.truncate()


def edit_during_save(trials: int, slow_fsync: float) -> str:
    lost = conflicts = 0
    real_fsync = os.fsync
    for _trial in range(trials):
        shared, _victim = folder()
        path = shared / "w.toml"
        store.save(path, big())
        with SessionFile.open(path) as opened:
            opened.session.entries[0].text = "ours"
            start = time.perf_counter()
            try:
                opened.save()  # a first save, to time one
            except SessionError:
                pass
            took = time.perf_counter() - start
            opened.session.entries[1].text = "ours too"
            delay = slow_fsync / 2 if slow_fsync else random.uniform(0, took)
            editor = threading.Timer(delay, edit_in_place, (path,))
            if slow_fsync:
                atomic.os.fsync = lambda fd: (time.sleep(slow_fsync), real_fsync(fd))[1]  # type: ignore[assignment,func-returns-value]
            editor.start()
            try:
                opened.save()
            except SessionError:
                conflicts += 1
            finally:
                atomic.os.fsync = real_fsync
            editor.join()
        if store.load(path).title != "Hand":
            lost += 1
    return f"{trials} trials: {conflicts} conflict files, {lost} edits lost"


def closed_pipe() -> str:
    read_end, write_end = os.pipe()
    os.close(read_end)
    result = c2c("summary", str(EXAMPLE), stdout=write_end)
    os.close(write_end)
    return f"exit {result.returncode}, stderr: {result.stderr.strip() or '(nothing)'}"


def main() -> None:
    print(f"c2c from {Path(c2c_tui.__file__).parent}")
    runs = [
        ("x.md -> victim, c2c new x.toml: victim", planted_summary),
        (".x.toml.lock -> victim, open x.toml: victim", planted_lock),
        ("summary -o FIFO: the FIFO is", summary_into_fifo),
        ("summary -o other.toml: other.toml", summary_over_session),
        ("mode-444 session saved: the file", read_only_file),
        ("hand edit racing a save (2,000 entries)", lambda: edit_during_save(25, 0.0)),
        ("hand edit during a slow (0.5 s) fsync", lambda: edit_during_save(5, 0.5)),
        ("summary into a closed pipe", closed_pipe),
    ]
    for label, run in runs:
        print(f"{label:<46} {run()}")


if __name__ == "__main__":
    main()
