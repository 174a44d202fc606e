"""``c2c`` with no arguments, and ``c2c review [DIR]``: the home loop.

home -> (the user picks a session or the demo) -> the facilitator app -> home again, until the user quits
the home. A session that cannot be opened (broken, newer, locked by another c2c) is reported as one line
on the home screen, never a traceback. What the facilitator app prints when it closes ("Saved ...", or a
NOT SAVED line) is shown on the home screen and printed again when the home closes, so it is not lost
behind the full-screen display.
"""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from c2c_tui.core.clock import Clock
from c2c_tui.core.store import SessionError, SessionFile
from c2c_tui.core.store.demo import make_demo_copy
from c2c_tui.tui.home.app import HomeApp, Start


def run_home(folder: Path, start: Start = "home", *, clock: Clock | None = None) -> int:
    """Run the home (or review) screen on ``folder`` and the sessions picked there. Returns the exit code."""
    from c2c_tui.tui.run.launch import run_app

    message: str | None = None
    severity = "information"
    select: Path | None = None
    printed: list[tuple[str, str]] = []  # (stream, text) to print again at the end
    code = 0
    while True:
        app = HomeApp(folder, clock=clock, start=start, message=message, severity=severity, select=select)
        try:
            result = app.run()
        finally:
            app.release_files()
        if result is None:
            for stream, text in printed:
                (sys.stderr if stream == "err" else sys.stdout).write(text)
            return code or (app.return_code or 0)
        kind, path = result
        start = "home"
        demo = kind == "demo"
        message, severity = None, "information"
        try:
            path = make_demo_copy() if demo or path is None else path
            session_file = SessionFile.open(path)
        except SessionError as error:
            message, severity = str(error), "error"
            continue
        select = None if demo else path
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            result_code = run_app(session_file, demo=demo)
        printed += [("out", out.getvalue()), ("err", err.getvalue())]
        lines = [line for line in (out.getvalue() + err.getvalue()).splitlines() if line.strip()]
        if demo:
            where = f"The demo was saved in {path} (the shipped example is unchanged)."
            lines.append(where)
            printed.append(("err", where + "\n"))
        message = " ".join(lines) or None
        if result_code:
            code = result_code
            severity = "error"


__all__ = ["run_home"]
