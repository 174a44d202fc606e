"""Time to the first full frame of a terminal app, as a user sees it: the app runs in a real pty (fixed size,
``TERM=xterm-256color``) and the clock runs from just before the process is forked until the pty has shown
``marker`` (text of the footer, the last row Textual paints). Escape sequences are stripped before looking.

``first_frame(argv, marker)`` returns (seconds, the running Process); the caller stops it.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time
from dataclasses import dataclass, field

ANSI = re.compile(
    rb"\x1b\[[0-9;?<>=$!]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]|\x1b[()][0-9A-Za-z]"
)
SIZE = (120, 36)


@dataclass
class Process:
    pid: int
    fd: int
    output: bytearray = field(default_factory=bytearray)

    def drain(self, seconds: float) -> None:
        """Read (and keep) what the app writes for ``seconds``, so it never blocks on a full pty."""
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready and not self._read():
                return

    def send(self, data: bytes) -> None:
        os.write(self.fd, data)

    def _read(self) -> bool:
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            return False
        self.output.extend(chunk)
        return bool(chunk)

    def text(self) -> str:
        return ANSI.sub(b"", bytes(self.output)).decode("utf-8", "replace")

    def stop(self) -> int:
        """SIGKILL it, reap it, close the pty; the exit status."""
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        return status


def spawn(argv: list[str], env: dict[str, str] | None = None, size: tuple[int, int] = SIZE) -> Process:
    environment = {**os.environ, **(env or {}), "TERM": "xterm-256color", "COLORTERM": "truecolor"}
    for name in ("TEXTUAL", "TEXTUAL_DRIVER", "TEXTUAL_DEVTOOLS_PORT", "NO_COLOR", "TEXTUAL_THEME"):
        environment.pop(name, None)
    pid, fd = pty.fork()
    if pid == 0:  # the child: size the terminal, become the program
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        try:
            os.execve(argv[0], argv, environment)
        finally:
            os._exit(127)
    return Process(pid, fd)


def first_frame(
    argv: list[str],
    marker: str,
    *,
    env: dict[str, str] | None = None,
    timeout: float = 30.0,
    size: tuple[int, int] = SIZE,
) -> tuple[float, Process]:
    started = time.perf_counter()
    process = spawn(argv, env, size)
    wanted = marker.encode()
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            process.stop()
            raise TimeoutError(
                f"{argv}: no {marker!r} on screen after {timeout} s: {process.text()[-500:]!r}"
            )
        ready, _, _ = select.select([process.fd], [], [], left)
        if ready:
            alive = process._read()
            if wanted in ANSI.sub(b"", bytes(process.output)):
                return time.perf_counter() - started, process
            if not alive:
                process.stop()
                raise RuntimeError(f"{argv}: ended before {marker!r}: {process.text()[-800:]!r}")
