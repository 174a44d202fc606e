"""The measurements behind ``bench/run.py``: each returns plain numbers (seconds, percent, kB).

In-process: ``core_timings`` (load, save, summary). In a real pty, against the running program:
``startup`` (to the first full frame), ``idle`` (CPU and resident memory while nobody types),
``enter_to_disk`` and ``keystroke``.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bigsession import big_session
from first_frame import Process, first_frame

from c2c_tui.core import store, summary
from c2c_tui.core.model import ClockEvent, Entry, Session

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent / "sessions" / "cooling-valmora.toml"
MARKER = "palette"  # the right end of the footer: the last thing either app paints
BARE = [sys.executable, str(HERE / "bare_app.py")]
BARE_MODELS = [*BARE, "--with-models"]  # the bare app plus c2c's pydantic models, nothing else
BARE_CACHED = [
    *BARE,
    "--with-code-cache",
]  # the bare app with c2c's table of compiled text (c2c_tui/code_cache.py)


def c2c_run(path: Path) -> list[str]:
    return [sys.executable, "-m", "c2c_tui", "run", str(path)]


@contextmanager
def bytecode_cached(folder: Path) -> Iterator[None]:
    """The programs started inside write and reuse .pyc files (under ``folder``/pycache, so nothing is
    written into the source tree) and c2c's table of compiled text (under ``folder``/c2c-cache),
    as an installed c2c does; the environment is restored after."""
    names = ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX", "C2C_CACHE_DIR")
    saved = {name: os.environ.get(name) for name in names}
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    os.environ["C2C_CACHE_DIR"] = str(folder / "c2c-cache")  # c2c's compiled text (c2c_tui/code_cache.py)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def scratch() -> Path:
    """A new scratch folder; c2c's cache folder (c2c_tui/code_cache.py) is one inside it from now on, so no
    table from an earlier run is used (``bytecode_cached`` gives the cached case its own)."""
    folder = Path(tempfile.mkdtemp(prefix="c2c-bench-"))
    os.environ["C2C_CACHE_DIR"] = str(folder / "no-c2c-cache")
    return folder


def example_copy(folder: Path) -> Path:
    """The shipped example, byte for byte (it is hand-written: comments, multi-line strings)."""
    path = folder / EXAMPLE.name
    shutil.copyfile(EXAMPLE, path)
    return path


def running(session: Session, minutes_ago: float = 3) -> Session:
    """The session with its clock started a few minutes ago (so the clock is running now)."""
    session.clock = [ClockEvent(at=datetime.now(UTC) - timedelta(minutes=minutes_ago), event="start")]
    return session


def write_big(folder: Path, entries: int, *, clock_running: bool = True) -> Path:
    path = folder / f"big-{entries}.toml"
    session = big_session(entries)
    store.save(path, running(session) if clock_running else session)
    return path


def median_time(func: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


# -- in-process -----------------------------------------------------------------------------------


def core_timings(entries: int, repeat: int = 7) -> dict[str, float]:
    """Median seconds of load, save and the summary alone, for a big session. A save is the TOML and the
    summary, written atomically, through ``SessionFile.save`` as the app saves:

    - ``save_cold``: the first save after opening (nothing remembered yet; the modules already imported);
    - ``save_warm``: a save after a small change (one entry appended), the usual autosave;
    - ``autosave``: what the app does for it: ``model_dump`` on the main thread, then in the thread a
      Session rebuilt from it and saved (warm);
    - ``toml``: the TOML text alone by the plain, un-memoised writer.
    """
    folder = scratch()
    try:
        path = folder / "big.toml"
        session = big_session(entries)
        store.save(path, session)
        now = datetime(2026, 11, 12, 12, tzinfo=UTC)
        cold = []
        for _ in range(repeat):
            with store.SessionFile.open(path) as fresh:
                started = time.perf_counter()
                fresh.save(now)
                cold.append(time.perf_counter() - started)
        with store.SessionFile.open(path) as opened:
            opened.save(now)
            live = opened.session

            def autosave() -> None:
                data = live.model_dump()  # on the main thread
                opened.save(now, session=Session.model_validate(data))  # in the autosave thread

            return {
                "load": median_time(lambda: store.load(path), repeat),
                "save_cold": statistics.median(cold),
                "save_warm": _after_a_change(live, lambda: opened.save(now), repeat),
                "autosave": _after_a_change(live, autosave, repeat),
                "summary": median_time(lambda: summary.render_markdown(session, now), repeat),
                "toml": median_time(lambda: store.dumps(session), repeat),
                "kb": path.stat().st_size / 1024,
            }
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _after_a_change(session: Session, save: Callable[[], object], repeat: int) -> float:
    """Median seconds of ``save``, each time after one entry was appended (not timed)."""
    times = []
    for _ in range(repeat):
        session.entries.append(
            Entry(id=session.next_id("e"), phase="agree", kind="note", text="one more line, typed just now")
        )
        started = time.perf_counter()
        save()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


# -- in a pty -------------------------------------------------------------------------------------


def startup(rounds: int, *argvs: list[str], cpu: list[list[float]] | None = None) -> list[list[float]]:
    """Seconds to the first full frame of each program, taken in turns (so all see the same machine).
    With ``cpu`` (one list per program), also the CPU seconds each had used by then (/proc: user +
    system, 10 ms steps), a figure a loaded machine disturbs less than the wall clock."""
    times: list[list[float]] = [[] for _ in argvs]
    for _ in range(rounds):
        for n, (argv, out) in enumerate(zip(argvs, times, strict=True)):
            seconds, process = first_frame(argv, MARKER)
            if cpu is not None:
                cpu[n].append(_cpu_seconds(process.pid))
            process.stop()
            out.append(seconds)
    return times


def _cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _status(pid: int, key: str) -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def idle(argv: list[str], seconds: float, settle: float = 2.0) -> tuple[float, int, int]:
    """(percent of one core used while nobody types, peak RSS kB, current RSS kB) after the first frame."""
    _, process = first_frame(argv, MARKER)
    try:
        process.drain(settle)
        cpu, started = _cpu_seconds(process.pid), time.monotonic()
        process.drain(seconds)
        used = _cpu_seconds(process.pid) - cpu
        elapsed = time.monotonic() - started
        return 100 * used / elapsed, _status(process.pid, "VmHWM"), _status(process.pid, "VmRSS")
    finally:
        process.stop()


def _wait_for(check: Callable[[], bool], process: Process, timeout: float = 10.0) -> float:
    started = time.perf_counter()
    while not check():
        if time.perf_counter() - started > timeout:
            raise TimeoutError("the app did not get there in time")
        process.drain(0.001)
    return time.perf_counter() - started


def enter_to_disk(path: Path, tries: int = 5) -> float:
    """Median seconds from Enter on a capture line to the session file on disk holding it."""
    _, process = first_frame(c2c_run(path), MARKER)
    times = []
    try:
        process.drain(1.0)
        for n in range(tries):
            text = f"n: measured capture number {n} zq"
            process.send(text.encode())
            process.drain(0.3)
            needle = text[3:].encode()
            process.send(b"\r")
            times.append(_wait_for(lambda needle=needle: needle in path.read_bytes(), process))
            process.drain(0.5)
    finally:
        process.stop()
    return statistics.median(times)


def keystroke(path: Path, keys: int = 20) -> float:
    """Median seconds from a key typed in the capture line to the terminal showing it."""
    _, process = first_frame(c2c_run(path), MARKER)
    times = []
    letters = "Zqxjkvbwyfgpmhdcnrtslaeio"  # starts with a letter seen nowhere else on the screen
    try:
        process.drain(1.0)
        for n in range(keys):
            typed = letters[: n % len(letters) + 1]
            mark = len(process.output)
            process.send(typed[-1].encode())
            wanted = typed.encode()
            times.append(_wait_for(lambda w=wanted, m=mark: w in _plain(process, m), process))
            process.drain(0.05)
            if n % len(letters) == len(letters) - 1:
                process.send(b"\x15")  # ctrl+u: clear the line
                process.drain(0.2)
    finally:
        process.stop()
    return statistics.median(times)


def _plain(process: Process, start: int) -> bytes:
    from first_frame import ANSI

    return ANSI.sub(b"", bytes(process.output[start:]))
