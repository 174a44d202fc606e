"""Issue 10 §2: a symlink, hard link, pipe or folder planted beside a session never redirects c2c's writes.

A shared folder where someone else can create files: ``x.md -> ../victim/important.txt`` and
``.x.toml.lock -> ../victim/config.txt``. c2c writes only the session file, its summary, its lock and its
own temporary files, never through a symlink it did not expect; what it refuses is one line naming the file.
The one symlink followed is the session path the user named: then its lock, temporary file and summary go
beside the real file.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from c2c_tui.cli import main
from c2c_tui.core import store
from c2c_tui.core.model import Session
from c2c_tui.core.store import SessionError, SessionFile
from c2c_tui.core.store.demo import make_demo_copy

SECRET = b"precious: nobody may overwrite this\n"


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    """``shared/`` (where the session lives) beside ``victim/`` (what an attacker points into)."""
    (tmp_path / "shared").mkdir()
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "important.txt").write_bytes(SECRET)
    (victim / "config.txt").write_bytes(SECRET)
    return tmp_path / "shared"


def victim_files(shared: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((shared.parent / "victim").iterdir())}


UNTOUCHED = {"config.txt": SECRET, "important.txt": SECRET}


def test_new_never_writes_the_summary_through_a_planted_symlink(
    shared: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (shared / "x.md").symlink_to("../victim/important.txt")
    code = main(["new", str(shared / "x.toml")])
    out, err = capsys.readouterr()
    assert victim_files(shared) == UNTOUCHED
    assert (shared / "x.md").is_symlink()  # refused, not replaced either
    assert store.load(shared / "x.toml").title == "X"  # the session itself was written
    assert code == 0 and out.startswith("Created ")
    assert err.count("\n") == 1 and "x.md: is a symbolic link" in err and "x.toml was saved" in err


def test_new_never_follows_a_symlink_named_as_the_new_file(
    shared: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (shared / "y.toml").symlink_to("../victim/new.toml")  # dangling: "not existing" must not mean "free"
    code = main(["new", str(shared / "y.toml")])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "already exists" in err
    assert victim_files(shared) == UNTOUCHED


def test_a_planted_lock_symlink_is_refused_and_its_target_never_truncated(shared: Path) -> None:
    path = shared / "x.toml"
    store.save(path, Session(title="X"))
    (shared / ".x.toml.lock").symlink_to("../victim/config.txt")
    with pytest.raises(SessionError) as refused:
        SessionFile.open(path)
    message = str(refused.value)
    assert ".x.toml.lock" in message and "symbolic link" in message and "\n" not in message
    assert victim_files(shared) == UNTOUCHED


def test_a_lock_that_is_a_hard_link_or_a_pipe_is_refused(shared: Path) -> None:
    path = shared / "x.toml"
    store.save(path, Session(title="X"))
    lock = shared / ".x.toml.lock"
    os.link(shared.parent / "victim" / "config.txt", lock)
    with pytest.raises(SessionError, match="hard link"):
        SessionFile.open(path)
    assert victim_files(shared) == UNTOUCHED
    lock.unlink()
    os.mkfifo(lock)
    with pytest.raises(SessionError, match="not a regular file"):
        SessionFile.open(path)
    assert lock.exists() and not lock.is_file()


def test_saving_never_writes_the_summary_through_a_symlink(shared: Path) -> None:
    path = shared / "x.toml"
    store.save(path, Session(title="X"))
    (shared / "x.md").unlink()
    (shared / "x.md").symlink_to("../victim/important.txt")
    with SessionFile.open(path) as opened:
        opened.session.title = "Changed"
        with pytest.raises(SessionError, match="summary not written"):
            opened.save()
    assert store.load(path).title == "Changed"
    assert victim_files(shared) == UNTOUCHED and (shared / "x.md").is_symlink()


def test_a_symlinked_session_is_followed_and_everything_goes_beside_its_target(tmp_path: Path) -> None:
    real_folder, link_folder = tmp_path / "real", tmp_path / "links"
    real_folder.mkdir()
    link_folder.mkdir()
    store.save(real_folder / "w.toml", Session(title="Old"))
    link = link_folder / "w.toml"
    link.symlink_to(real_folder / "w.toml")
    with SessionFile.open(link) as opened:
        assert (real_folder / ".w.toml.lock").exists()
        opened.session.title = "New"
        opened.save()
    assert link.is_symlink() and store.load(real_folder / "w.toml").title == "New"
    assert "New" in (real_folder / "w.md").read_text(encoding="utf-8")
    assert sorted(p.name for p in link_folder.iterdir()) == ["w.toml"]  # no summary, lock or temp file here


def test_demo_never_writes_through_a_planted_symlink(shared: Path) -> None:
    (shared / "cooling-valmora.toml").symlink_to("../victim/new.toml")  # to nowhere: looks free, is not
    path = make_demo_copy(shared)
    assert victim_files(shared) == UNTOUCHED
    assert path.name != "cooling-valmora.toml" and store.load(path).title
