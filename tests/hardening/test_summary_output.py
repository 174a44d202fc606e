"""Issue 10 §2: ``c2c summary FILE -o OUT`` writes only to a new or regular file, never over another session
file, and streams into a pipe or a device instead of replacing it; ``-o -`` is standard output.
(A character device is tried only through ``core.store.output`` itself: through the old CLI, run as root, that
replaced the system's /dev/null.)"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
from cli_support import run

from c2c_tui.core import store
from c2c_tui.core.model import Session

EXAMPLE = Path(__file__).resolve().parents[2] / "sessions" / "cooling-valmora.toml"


def test_a_fifo_is_streamed_into_never_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader_fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader is there before c2c opens it
    keep_open = os.open(fifo, os.O_WRONLY)  # and a writer, so the reader sees no end until c2c is done

    def read_all() -> None:
        os.set_blocking(reader_fd, True)
        with os.fdopen(reader_fd, "rb") as reader:
            received.append(reader.read())

    reader = threading.Thread(target=read_all, daemon=True)
    reader.start()
    code, _, err = run(capsys, "summary", str(EXAMPLE), "-o", str(fifo))
    os.close(keep_open)
    reader.join(10)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the pipe was replaced by a regular file"
    assert code == 0, err
    assert received and received[0].decode("utf-8").startswith("# Valmora")


def test_another_session_file_is_never_turned_into_markdown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.toml"
    store.save(other, Session(title="Another workshop"))
    before = other.read_bytes()
    code, out, err = run(capsys, "summary", str(EXAMPLE), "-o", str(other))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "other.toml: is a c2c session file" in err
    assert other.read_bytes() == before


def test_a_broken_session_file_counts_as_a_session_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "half.toml"
    other.write_text(
        'schema_version = 1\ntitle = "Being edited"\n[workshop]\nbogus_field = 3\n', encoding="utf-8"
    )
    before = other.read_bytes()
    code, _, err = run(capsys, "summary", str(EXAMPLE), "-o", str(other))
    assert code == 1 and "is a c2c session file" in err and other.read_bytes() == before


def test_dash_is_standard_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "summary", str(EXAMPLE), "-o", "-")
    assert code == 0 and out.startswith("# Valmora")
    assert list(tmp_path.iterdir()) == []  # no file called "-"


def test_a_folder_is_refused_and_a_regular_file_is_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "summary", str(EXAMPLE), "-o", str(tmp_path))
    assert code == 1 and err.count("\n") == 1 and "is a folder" in err
    notes = tmp_path / "notes.md"
    notes.write_text("old notes\n", encoding="utf-8")
    code, out, _ = run(capsys, "summary", str(EXAMPLE), "-o", str(notes))
    assert code == 0 and out == f"Wrote {notes}\n"
    assert notes.read_text(encoding="utf-8").startswith("# Valmora")


def test_a_character_device_is_streamed_into_never_replaced() -> None:
    from c2c_tui.core.store.output import (
        write_output,  # the old code has no such writer: fails before any write
    )

    before = os.lstat(os.devnull)
    assert write_output(os.devnull, "# a summary\n") == os.devnull
    after = os.lstat(os.devnull)
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
