"""Following a session file: cheap polls, half-synced and missing files, never a write."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from c2c_tui.core import store
from c2c_tui.core.model import ClockEvent, Entry, Session
from c2c_tui.core.reading.watch import FileWatcher

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


class CountingWatcher(FileWatcher):
    """A watcher that counts how often it reads the file's bytes."""

    def __init__(self, path: Path, **kwargs: int) -> None:
        super().__init__(path, **kwargs)
        self.reads = 0

    def _read(self) -> bytes:
        self.reads += 1
        return super()._read()


def session(title: str = "Keeping cool", *, started: bool = False) -> Session:
    s = Session(title=title)
    if started:
        s.clock.append(ClockEvent(at=NOW, event="start"))
    return s


def write(path: Path, s: Session) -> bytes:
    """The session written the way `c2c run` writes it (atomic rename, summary beside)."""
    store.save(path, s)
    return path.read_bytes()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "workshop.toml"


def test_first_poll_reads_the_session_then_nothing_changes(path: Path) -> None:
    write(path, session("Keeping cool"))
    watcher = CountingWatcher(path)

    first = watcher.poll()
    assert first.status == "ok"
    assert first.session is not None and first.session.title == "Keeping cool"

    again = [watcher.poll() for _ in range(5)]
    assert [r.status for r in again] == ["unchanged"] * 5
    assert all(r.session is first.session for r in again)
    assert watcher.reads == 1  # stat only, no read while nothing changed


def test_an_atomic_replace_is_picked_up(path: Path) -> None:
    write(path, session("Before"))
    watcher = FileWatcher(path)
    watcher.poll()

    write(path, session("After", started=True))
    result = watcher.poll()

    assert result.status == "ok"
    assert result.session is not None
    assert result.session.title == "After"
    assert [e.event for e in result.session.clock] == ["start"]


def test_a_rewrite_with_the_same_bytes_is_unchanged(path: Path) -> None:
    write(path, session("Same"))
    watcher = CountingWatcher(path)
    first = watcher.poll()

    write(path, session("Same"))  # a new inode, the same content
    result = watcher.poll()

    assert result.status == "unchanged"
    assert result.session is first.session
    assert watcher.reads == 2


def test_a_half_synced_file_waits_and_keeps_the_last_good_session(path: Path) -> None:
    good = session("Good")
    good.entries.append(Entry(id="e1", phase="rapport", kind="note", text="first note, long enough to cut"))
    data = write(path, good)
    watcher = FileWatcher(path)
    watcher.poll()

    cut = data.index(b"long enough")  # in the middle of a string: not valid TOML
    path.write_bytes(data[:cut])
    waiting = watcher.poll()

    assert waiting.status == "waiting"
    assert waiting.waiting
    assert "invalid TOML" in waiting.reason
    assert str(path) not in waiting.reason  # the display names the path itself
    assert "\n" not in waiting.reason
    assert waiting.session is not None and waiting.session.title == "Good"
    assert watcher.poll().status == "waiting"  # still waiting while nothing changes

    later = session("Good, complete")
    write(path, later)
    recovered = watcher.poll()
    assert recovered.status == "ok"
    assert recovered.session is not None and recovered.session.title == "Good, complete"
    assert watcher.reason == ""


def test_a_deleted_file_waits_and_recovers_when_restored(path: Path) -> None:
    data = write(path, session("Here"))
    watcher = FileWatcher(path)
    watcher.poll()

    path.unlink()
    gone = watcher.poll()
    assert gone.status == "waiting"
    assert gone.reason.startswith("no such file")
    assert gone.session is not None and gone.session.title == "Here"

    path.write_bytes(data)  # the same file back: good again, nothing new to show
    back = watcher.poll()
    assert back.status == "unchanged"
    assert not back.waiting

    path.unlink()
    watcher.poll()
    write(path, session("Here again"))
    assert watcher.poll().status == "ok"


def test_a_file_that_is_not_there_yet(path: Path) -> None:
    watcher = FileWatcher(path)
    result = watcher.poll()
    assert result.status == "waiting"
    assert result.session is None
    assert "no such file" in result.reason

    write(path, session("Arrived"))
    arrived = watcher.poll()
    assert arrived.status == "ok"
    assert arrived.session is not None and arrived.session.title == "Arrived"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty file"),
        (b'schema_version = 99\ntitle = "From the future"\n', "newer than this c2c reads"),
        (b'schema_version = 1\ntitle = "x"\nagenda = 3\n', "agenda"),
        (b"\x00\x01binary", "binary file"),
    ],
)
def test_invalid_content_waits_with_a_reason(path: Path, content: bytes, expected: str) -> None:
    path.write_bytes(content)
    result = FileWatcher(path).poll()
    assert result.status == "waiting"
    assert expected in result.reason


def test_a_folder_in_place_of_the_file_waits(path: Path) -> None:
    path.mkdir()
    result = FileWatcher(path).poll()
    assert result.status == "waiting"
    assert "folder" in result.reason


def test_a_change_hidden_from_stat_is_found_by_the_periodic_check(path: Path) -> None:
    """A coarse-mtime file system: same size, same mtime, same inode, different bytes."""
    path.write_bytes(store.dumps(session("Title AAAA")).encode())
    info = os.stat(path)
    watcher = CountingWatcher(path, verify_every=4)
    assert watcher.poll().status == "ok"

    with open(path, "r+b") as handle:  # in place: the inode stays
        handle.write(store.dumps(session("Title BBBB")).encode())
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert os.stat(path).st_size == info.st_size

    statuses = [watcher.poll().status for _ in range(4)]
    assert statuses == ["unchanged", "unchanged", "unchanged", "ok"]
    assert watcher.session is not None and watcher.session.title == "Title BBBB"
    assert watcher.reads == 2


def test_polling_never_writes_or_locks(path: Path) -> None:
    write(path, session("Read only"))
    before = {p.name: p.read_bytes() for p in path.parent.iterdir()}
    watcher = FileWatcher(path)
    for _ in range(3):
        watcher.poll()
    path.write_bytes(b"half")
    watcher.poll()
    before[path.name] = b"half"

    after = {p.name: p.read_bytes() for p in path.parent.iterdir()}
    assert after == before  # no lock file, no summary, no temporary file
