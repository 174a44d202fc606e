"""Being told when a file may have changed (Linux inotify, through ctypes), so a watcher need not wait for
its next poll. Only ever a hint: ``FileNotifier.open(path)`` is None wherever inotify is missing or
refuses (another system, a folder that is not there yet, the per-user limit reached), and a watcher
keeps its stat polls anyway (a shared folder often sends no events at all).

The folder is watched, not the file, so a save that renames a new file over the old one, a deletion and
a file that appears later are all seen; only events naming the file count.
"""

from __future__ import annotations

import ctypes
import os
import select
import struct
import sys
import time
from pathlib import Path

# <sys/inotify.h>
IN_MODIFY, IN_ATTRIB, IN_CLOSE_WRITE = 0x002, 0x004, 0x008
IN_MOVED_FROM, IN_MOVED_TO, IN_CREATE, IN_DELETE = 0x040, 0x080, 0x100, 0x200
IN_DELETE_SELF, IN_MOVE_SELF, IN_Q_OVERFLOW, IN_IGNORED = 0x400, 0x800, 0x4000, 0x8000
IN_NONBLOCK, IN_CLOEXEC = 0o4000, 0o2000000
MASK = (IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE) | (
    IN_DELETE_SELF | IN_MOVE_SELF
)
# events without a name that still count: the folder went away, or events were lost
UNNAMED = IN_DELETE_SELF | IN_MOVE_SELF | IN_Q_OVERFLOW | IN_IGNORED
HEADER = struct.Struct("iIII")  # wd, mask, cookie, len; then len bytes of name, NUL-padded
QUIET = 0.01  # seconds without a new event before a burst of writes counts as done


class FileNotifier:
    """``wait(timeout)``: True when the file may have changed, False on the timeout; ``wake()`` ends a wait."""

    def __init__(self, fd: int, name: bytes) -> None:
        self._fd, self._name = fd, name
        self._wake_read, self._wake_write = os.pipe()

    @classmethod
    def open(cls, path: Path) -> FileNotifier | None:
        if not sys.platform.startswith("linux"):
            return None
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            fd = libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC)
        except (OSError, AttributeError):
            return None
        if fd < 0:
            return None
        folder = os.fsencode(path.parent)  # "." for a bare file name
        if libc.inotify_add_watch(fd, folder, MASK) < 0:
            os.close(fd)
            return None
        return cls(fd, os.fsencode(path.name))

    def wait(self, timeout: float) -> bool:
        """Wait up to ``timeout`` s for an event about the file (a burst of them counts once)."""
        end = time.monotonic() + timeout
        found = False
        while (left := end - time.monotonic()) > 0:
            ready, _, _ = select.select([self._fd, self._wake_read], [], [], QUIET if found else left)
            if self._wake_read in ready:
                os.read(self._wake_read, 512)
                return found
            if not ready:  # quiet again after the burst (or the timeout)
                return found
            found = self._read_events() or found
        return found

    def wake(self) -> None:
        """End a wait under way at once (from any thread)."""
        try:
            os.write(self._wake_write, b"x")
        except OSError:  # closed already, or the pipe is full: a wake is pending anyway
            return

    def close(self) -> None:
        for fd in (self._fd, self._wake_read, self._wake_write):
            try:
                os.close(fd)
            except OSError:  # closed already
                continue

    def _read_events(self) -> bool:
        try:
            data = os.read(self._fd, 65536)
        except BlockingIOError:
            return False
        about_file, offset = False, 0
        while offset + HEADER.size <= len(data):
            _wd, mask, _cookie, length = HEADER.unpack_from(data, offset)
            name = data[offset + HEADER.size : offset + HEADER.size + length].rstrip(b"\0")
            offset += HEADER.size + length
            if name == self._name or mask & UNNAMED:
                about_file = True
        return about_file
