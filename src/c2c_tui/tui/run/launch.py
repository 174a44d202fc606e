"""Run the facilitator app from the command line: ``run_app(session_file)`` returns the exit code.

After the app closes: one line on stdout saying where the session was saved (or that nothing was
written), or - if the user chose to quit without saving after a failed save - one line on stderr saying what
was not saved and what is on disk. A summary that could not be written is one more line on stderr. Quit by
SIGTERM or SIGHUP (saved as ctrl+q does): one line on stderr saying so, and the exit code 128 + the signal.
Each line is true: it names only files that were written and exist. The session file is closed (its lock
released) in every case.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from c2c_tui.core.reading.errors import SessionError
from c2c_tui.core.store import SessionFile, summary_path


def say(line: str) -> None:
    """One line on stderr; after a SIGHUP the terminal may be gone, and that must not hide the exit code."""
    try:
        print(line, file=sys.stderr, flush=True)
    except OSError:
        pass  # nobody left to read it: the exit code still says what happened


def run_app(target: SessionFile | str | Path, demo: bool = False) -> int:
    """Run the app on an open session file (or open the path); 0 when everything was saved."""
    if isinstance(target, SessionFile):
        session_file = target
    else:
        try:
            session_file = SessionFile.open(target)
        except SessionError as error:
            print(f"c2c: {error}", file=sys.stderr)
            return 1
    from c2c_tui.tui.run.app import make_app

    app = make_app(session_file)
    try:
        app.run()
        # after a crash inside the app (or anything left unsaved), one last try
        problem = app.saver.save_now() if app.saver.unsaved and not app.quit_without_saving else None
    finally:
        session_file.close()
    path = session_file.path
    if app.quit_without_saving or problem:
        reason = problem or app.saver.problem or "the last save failed"
        if not os.path.lexists(session_file.target):
            say(f"c2c: NOT SAVED: {reason}; {path} no longer exists: nothing of it is on disk")
        elif app.saver.saved_at is None:
            say(f"c2c: NOT SAVED: {reason}; {path} is as it was before this run")
        else:
            say(f"c2c: NOT SAVED: {reason}; {path} holds the last saved version")
        return 1
    if app.stopped_by is not None:  # SIGTERM / SIGHUP: saved; the exit code says what ended it
        say(
            f"c2c: quit on {app.stopped_by.name} with everything saved: {path} (summary: {summary_path(path)})"
        )
        return 128 + int(app.stopped_by)
    if app.return_code not in (0, None):
        return app.return_code or 1
    if app.saver.summary_problem:
        print(f"c2c: warning: {app.saver.summary_problem}", file=sys.stderr)
    if not demo:
        print(exit_line(session_file, saved=app.saver.saved_at is not None))
    return 0


def exit_line(session_file: SessionFile, *, saved: bool) -> str:
    """What the app says on stdout after a clean quit: only what is true of the files on disk."""
    path = session_file.path
    if not saved:
        return f"Nothing changed: {path} was not written."
    summary = summary_path(session_file.target)
    if os.path.isfile(summary):
        return f"Saved {path} (summary: {summary})"
    return f"Saved {path}"
