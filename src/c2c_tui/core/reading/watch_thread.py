"""One long-lived thread that follows a session file: ``WatchThread(watcher, deliver).start()``.

The thread polls ``watcher`` (a ``FileWatcher``: a ``stat`` per poll, a parse only when the file changed)
every ``interval`` seconds, or at once when the system says the file changed (``notify``: inotify on
Linux, only ever a hint: the polls go on without it), and calls ``deliver(result)`` only when there is news: a new good session, a
new reason to wait, or the end of a wait. A poll that finds nothing new costs one ``stat`` and nothing
on the receiver's side. The thread is the only one that touches the watcher, so a slow shared folder
blocks it and never the display; it is a daemon, so one stuck in the kernel cannot hold up the exit.

``deliver`` runs on the watch thread: the receiver hands the result over to its own thread (a Textual
app posts a message). ``stop()`` wakes the thread and joins it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from .notify import FileNotifier
from .watch import FileWatcher, WatchResult

INTERVAL = 0.25  # seconds between two polls
STOP_SECONDS = 1.0  # how long stop() waits for a poll under way


class WatchThread:
    """Polls one watcher in one daemon thread; hands over what changed. Start once, stop once."""

    def __init__(
        self,
        watcher: FileWatcher,
        deliver: Callable[[WatchResult], object],
        *,
        interval: float = INTERVAL,
        name: str = "c2c-watch",
        notify: bool = True,
    ) -> None:
        self.watcher = watcher
        self.deliver = deliver
        self.interval = interval
        self.polls = 0  # polls done so far (for tests and the bench)
        self._stopping = threading.Event()
        self._delivered: str | None = None  # the reason last handed over ("" for none); None before
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._notify = notify
        self._notifier: FileNotifier | None = None  # set while the thread runs, when the system has one
        self._lock = threading.Lock()  # the notifier is closed and woken under it

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    @property
    def notified(self) -> bool:
        """True while the system tells the thread about changes (else it only polls)."""
        return self._notifier is not None

    @property
    def ident(self) -> int | None:
        return self._thread.ident

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = STOP_SECONDS) -> bool:
        """Ask the thread to end and wait for it (at most ``timeout`` s); True when it has ended."""
        self._stopping.set()
        with self._lock:
            if self._notifier is not None:
                self._notifier.wake()
        if self._thread.ident is None:  # never started
            return True
        if self._thread is not threading.current_thread():
            self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        notifier = FileNotifier.open(self.watcher.path) if self._notify else None
        with self._lock:
            self._notifier = notifier
        try:
            while not self._stopping.is_set():
                result = self._poll()
                self.polls += 1
                if self._is_news(result) and not self._stopping.is_set():
                    self.deliver(result)
                if notifier is None:
                    self._stopping.wait(self.interval)
                elif not self._stopping.is_set():
                    notifier.wait(self.interval)
        finally:
            with self._lock:
                self._notifier = None
                if notifier is not None:
                    notifier.close()

    def _poll(self) -> WatchResult:
        try:
            return self.watcher.poll()
        except Exception as error:  # noqa: BLE001 - a bug or an OS surprise: shown as a reason, never a dead thread
            reason = f"cannot read it ({type(error).__name__}: {error})"
            return WatchResult("waiting", self.watcher.session, " ".join(reason.splitlines()))

    def _is_news(self, result: WatchResult) -> bool:
        reason = result.reason if result.waiting else ""
        if result.status != "ok" and reason == self._delivered:
            return False
        self._delivered = reason
        return True
