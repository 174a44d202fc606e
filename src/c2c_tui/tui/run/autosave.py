"""Saving without stutter: every change is on disk within a moment, written in a thread.

- ``changed()`` marks the session dirty and schedules a save: at once after a quiet spell, at most one
  save every ``MIN_INTERVAL`` seconds in a burst (the last change of a burst is always saved).
- The main thread only takes ``session.model_dump()`` (a few ms for 2,000 entries: a consistent snapshot,
  since every change happens on the main thread); the thread rebuilds a Session from it and writes the file
  and its summary through ``SessionFile.save`` (atomic). So the live session is never read by the thread.
  The session file remembers the TOML text of every item by its content (``core.store.toml_memo``), so a save
  formats only what changed; ``warm()`` (once the first frame is up) fills that memo from the session as it
  is, so the first save is as quick as the next ones.
- A failed save (disk full, read-only, changed on disk): everything stays in memory, the app is told once
  (``on_problem``), and it is retried every ``RETRY_SECONDS``. Saves never overlap (one lock).
- ``save_now()`` saves synchronously (ctrl+s, quit, after a crash) and returns the problem or None.
- The session saved but not its summary (``NAME.md`` is a folder, a planted symlink): that is not a failed
  save; ``summary_problem`` holds it, ``on_summary`` is told once, and the session counts as saved.
- A read-only session file (no write permission): nothing is ever written or retried; the first change
  sets ``problem`` (the changes live in memory only).

Its collaborators are handed in: the session file, the clock, and the app's ``set_timer`` and
``run_worker``; the app passes its worker events to ``worker_changed`` and shows ``status_words()``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from textual.worker import Worker, WorkerState

from c2c_tui.core.clock import Clock
from c2c_tui.core.model import Session
from c2c_tui.core.reading.errors import SessionError, SummaryNotWritten
from c2c_tui.core.store import SessionFile
from c2c_tui.core.zone import session_zone

MIN_INTERVAL = 0.3
RETRY_SECONDS = 5.0
GROUP = "autosave"
# what a save can raise: the store's errors, the OS, a session that does not serialise or validate
SAVE_ERRORS = (SessionError, OSError, ValueError, TypeError)


def _problem(error: Exception) -> str:
    if isinstance(error, SessionError):
        return str(error)
    return f"cannot save: {type(error).__name__}: {' '.join(str(error).splitlines())}"


class AutoSaver:
    def __init__(
        self,
        session_file: SessionFile,
        clock: Clock,
        *,
        set_timer: Callable[..., Any],
        run_worker: Callable[..., Any],
        on_problem: Callable[[str | None], None],
        on_summary: Callable[[str], None] | None = None,
    ) -> None:
        self.session_file = session_file
        self.clock = clock
        self.set_timer = set_timer
        self.run_worker = run_worker
        self.on_problem = on_problem  # called with the message on the first failure, None when saved again
        self.on_summary = on_summary  # called once when the session saved but its summary did not
        self.summary_problem: str | None = None
        self.dirty = False
        self.saving = False
        self.problem: str | None = None
        self.saved_at: datetime | None = None
        self._lock = threading.Lock()
        self._last_start = -1e9
        self._timer: Any = None
        self._attempt = 0  # numbers the saves, so a late answer from an older one is ignored
        self._settled = 0

    @property
    def unsaved(self) -> bool:
        return self.dirty or self.saving or self.problem is not None

    def changed(self) -> None:
        self.dirty = True
        if self.session_file.read_only:  # nothing is written, so nothing to schedule or retry
            self._attempt += 1
            self._settle(self._attempt, None, self._read_only_problem())
            return
        self._schedule()

    def _read_only_problem(self) -> str:
        return f"{self.session_file.path}: {self.session_file.read_only_reason}; not saved"

    def _schedule(self, delay: float | None = None) -> None:
        if self._timer is not None or self.saving:
            return
        if delay is None:
            delay = self._last_start + MIN_INTERVAL - time.monotonic()
        delay = max(delay, 0.01)  # a Textual timer cannot have a zero delay
        self._timer = self.set_timer(delay, self._flush, name="autosave")

    def _flush(self) -> None:
        self._timer = None
        if not self.dirty or self.saving:
            return
        self.dirty = False
        self.saving = True
        self._last_start = time.monotonic()
        self._attempt += 1
        attempt, data, now = self._attempt, self.session_file.session.model_dump(), self.clock.now()
        self.run_worker(
            lambda: self._save_in_thread(attempt, data, now),
            name="autosave",
            group=GROUP,
            thread=True,
            exit_on_error=False,
        )

    def warm(self) -> None:
        """Prepare the first save, writing nothing (call it once the first frame is up).

        On the main thread, from the live session: no snapshot, so no second copy of a big session in
        memory (about 50 ms once for 2,000 entries, a few ms for a usual workshop). Skipped when a save is
        under way: that save fills the memo itself."""
        if self._lock.locked():
            return
        try:
            self.session_file.warm()
        except SAVE_ERRORS:
            pass  # only a head start: the next save says what is wrong

    def _save_in_thread(
        self, attempt: int, data: dict[str, Any], now: datetime
    ) -> tuple[int, datetime, str | None, str | None]:
        try:
            snapshot = Session.model_validate(data)
            with self._lock:
                self.session_file.save(now, session=snapshot)
        except SummaryNotWritten as error:  # the session is on disk: saved, with a word about the summary
            return attempt, now, None, str(error)
        except SAVE_ERRORS as error:  # keep everything in memory, say so, retry
            return attempt, now, _problem(error), None
        return attempt, now, None, None

    def worker_changed(self, event: Worker.StateChanged) -> bool:
        """Take a worker's state change (the app hands on every one); True if it was a save that ended."""
        if event.worker.group != GROUP:
            return False
        if event.state == WorkerState.SUCCESS:
            self.finished(event.worker.result)
        elif event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            self.finished(None)
        else:
            return False
        return True

    def status_words(self) -> tuple[str, str]:
        """(how saved, the problem or "") in the words the status line shows."""
        if self.saved_at is not None:
            zone = session_zone(self.session_file.session)
            saved = "saved " + self.saved_at.astimezone(zone).strftime("%H:%M:%S")
        else:
            saved = "unsaved changes" if self.unsaved else "saved"
        if self.session_file.read_only:
            saved = "read-only"
        elif self.summary_problem:
            saved += " (summary not written)"
        problem = ""
        if self.problem and self.session_file.read_only:
            problem = f"{self.problem} · your changes are only in memory"
        elif self.problem:
            problem = f"{self.problem} · everything is kept in memory; retrying every few seconds"
        return saved, problem

    def finished(self, result: tuple[int, datetime, str | None, str | None] | None) -> None:
        """The worker is done (on the main thread, from ``worker_changed``)."""
        self.saving = False
        if result is None:  # the worker itself failed or was cancelled
            self.dirty = True
            self._settle(self._attempt, None, "cannot save: the save was interrupted")
        else:
            self._settle(*result)
        if self.dirty:
            self._schedule(RETRY_SECONDS if self.problem else None)

    def _settle(
        self, attempt: int, now: datetime | None, problem: str | None, summary: str | None = None
    ) -> None:
        if attempt < self._settled:
            return  # a newer save already answered
        self._settled = attempt
        if problem is None:
            self.saved_at = now
            if summary is not None and summary != self.summary_problem and self.on_summary is not None:
                self.on_summary(summary)
            self.summary_problem = summary
            if self.problem is not None:
                self.problem = None
                self.on_problem(None)
            return
        self.dirty = True
        if problem != self.problem:
            self.problem = problem
            self.on_problem(problem)

    def save_now(self) -> str | None:
        """Save at once on this thread (waits for a save in progress). The problem, or None when saved."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._attempt += 1
        attempt, now = self._attempt, self.clock.now()
        self.dirty = False
        summary: str | None = None
        try:
            with self._lock:
                self.session_file.save(now)
        except SummaryNotWritten as error:
            summary = str(error)
        except SAVE_ERRORS as error:  # same policy as the thread: keep it in memory and say so
            self._settle(attempt, now, _problem(error))
            if not self.session_file.read_only:
                self._schedule(RETRY_SECONDS)
            return self.problem
        self._settle(attempt, now, None, summary)
        return None
