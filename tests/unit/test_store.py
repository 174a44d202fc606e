"""The session store: TOML shape, round trips, atomic save, the lock, conflicts."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import tempfile
import tomllib
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from session_strategies import sessions

from c2c_tui.core.model import Action, ClockEvent, Entry, Option, PreQuestion, Session, Team, Workshop
from c2c_tui.core.store import SessionError, SessionFile, SessionLocked, dumps, load, loads, save

NOW = datetime(2026, 5, 14, 9, 30, tzinfo=UTC)


def rich_session() -> Session:
    return Session(
        title="Cooling centres [draft]",
        created=NOW,
        workshop=Workshop(
            purpose="Learn\nfrom others", pre_questions=[PreQuestion(text="Budget?", team="t2")]
        ),
        teams=[Team(id="t1", name="Valmora", role="seeking"), Team(id="t2", name="Seville", role="advisor")],
        clock=[
            ClockEvent(at=NOW, event="start"),
            ClockEvent(at=NOW, event="rebalance", adjust={"reflect": -2, "agree": -1}),
        ],
        entries=[Entry(id="e1", phase="insights", kind="surprise", text='No "night" plan 🌡️', team="t2")],
        options=[Option(id="o1", title="Libraries", team="t2", moscow="must", impact=4, risk=2)],
        actions=[Action(id="a1", text="Draft the plan", owner="Maria", due=date(2026, 12, 15))],
    )


def lines(text: str) -> list[str]:
    return text.splitlines()


# -- dumps -------------------------------------------------------------------------------------------


def test_minimal_session_file_reads_back_and_keeps_required_keys() -> None:
    text = dumps(Session(title="T"))
    assert lines(text)[0].startswith("# c2c session (schema 1)")
    assert lines(text)[1:3] == ["schema_version = 1", 'title = "T"']
    data = tomllib.loads(text)
    assert data == Session(title="T").model_dump(exclude_none=True)
    for key in ("teams", "participants", "clock", "entries", "options", "actions"):
        assert f"{key} = []" in lines(text)
    assert lines(text).count("[[agenda]]") == 5


def test_every_array_of_tables_is_written_as_sections_never_inline() -> None:
    text = dumps(rich_session())
    for header in (
        "[[teams]]",
        "[[clock]]",
        "[[entries]]",
        "[[options]]",
        "[[actions]]",
        "[[workshop.pre_questions]]",
    ):
        assert header in lines(text)
    assert lines(text).count("[[teams]]") == 2
    assert "[clock.adjust]" in lines(text)
    assert not any(line.lstrip().startswith("{") or " = [ {" in line or "= {" in line for line in lines(text))


def test_sections_come_in_the_documented_order() -> None:
    text = lines(dumps(rich_session()))
    order = [
        "[workshop]",
        "[settings]",
        "[[teams]]",
        "[[agenda]]",
        "[[clock]]",
        "[[entries]]",
        "[[options]]",
        "[[actions]]",
    ]
    assert [text.index(header) for header in order] == sorted(text.index(header) for header in order)
    assert text.index('title = "Cooling centres [draft]"') < text.index("[workshop]")


def test_dates_and_times_are_native_toml_values() -> None:
    text = lines(dumps(rich_session()))
    assert "due = 2026-12-15" in text
    assert "created = 2026-05-14 09:30:00+00:00" in text
    assert "at = 2026-05-14 09:30:00+00:00" in text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_any_valid_session_round_trips(session: Session) -> None:
    text = dumps(session)
    assert tomllib.loads(text) == session.model_dump(exclude_none=True)
    assert loads(text, "x.toml") == session
    for name in ("teams", "participants", "clock", "entries", "options", "actions", "agenda"):
        count = len(getattr(session, name))
        assert lines(text).count(f"[[{name}]]") == count
        assert (f"{name} = []" in lines(text)) == (count == 0)


# -- save -----------------------------------------------------------------------------------------------


def test_save_then_load(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    save(path, rich_session(), now=NOW)
    assert load(path) == rich_session()
    assert sorted(os.listdir(tmp_path)) == ["w.md", "w.toml"]


def test_save_writes_the_markdown_summary_beside(tmp_path: Path) -> None:
    from c2c_tui.core.summary import render_markdown

    path = tmp_path / "cooling.toml"
    save(path, rich_session(), now=NOW)
    assert (tmp_path / "cooling.md").read_text(encoding="utf-8") == render_markdown(rich_session(), NOW)


def test_save_keeps_the_permission_bits(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o600)
    save(path, Session(title="T"))
    assert path.stat().st_mode & 0o777 == 0o600


def test_new_file_honours_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        save(tmp_path / "w.toml", Session(title="T"))
    finally:
        os.umask(old)
    assert (tmp_path / "w.toml").stat().st_mode & 0o777 == 0o640


def test_save_through_a_symlink_replaces_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real.toml"
    save(real, Session(title="Old"))
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    save(link, Session(title="New"))
    assert link.is_symlink() and load(real).title == "New"


@pytest.mark.parametrize("failing", ["replace", "write", "fsync"])
def test_failed_write_leaves_the_original_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    path = tmp_path / "w.toml"
    path.write_text('schema_version = 1\ntitle = "Original"\n', encoding="utf-8")
    before, listing = path.read_bytes(), sorted(os.listdir(tmp_path))

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, failing, disk_full)
    with pytest.raises(SessionError) as error:
        save(path, Session(title="New"))
    monkeypatch.undo()
    assert str(error.value) == f"{path}: cannot save: No space left on device; the file on disk is unchanged"
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == listing


def test_unwritable_folder_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    with pytest.raises(SessionError, match=r"w\.toml: cannot save in .*: Read-only file system$"):
        save(tmp_path / "w.toml", Session(title="T"))
    assert os.listdir(tmp_path) == []


# -- SessionFile ------------------------------------------------------------------------------------------


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "w.toml"
    save(target, rich_session(), now=NOW)
    return target


def test_open_edit_save_close(path: Path) -> None:
    with SessionFile.open(path) as opened:
        assert opened.session == rich_session()
        opened.session.entries.append(Entry(id="e2", phase="agree", kind="follow_up", text="Seville visits"))
        opened.save(NOW)
        opened.session.title = "Renamed"
        opened.save(NOW)  # our own last write is not a conflict
    assert load(path).title == "Renamed" and [e.id for e in load(path).entries] == ["e1", "e2"]
    assert not (path.parent / ".w.toml.lock").exists()


def test_a_second_open_is_refused_until_the_first_closes(path: Path) -> None:
    first = SessionFile.open(path)
    assert (path.parent / ".w.toml.lock").exists()
    with pytest.raises(SessionLocked) as error:
        SessionFile.open(path)
    assert str(error.value) == (
        f"{path}: already open in another c2c (pid {os.getpid()} on {os.uname().nodename}): "
        "close it there, or use `c2c follow` to watch"
    )
    first.close()
    SessionFile.open(path).close()


def test_read_only_open_ignores_the_lock_and_cannot_save(path: Path) -> None:
    before = path.read_bytes()
    with SessionFile.open(path) as writer, SessionFile.open(path, lock=False) as reader:
        assert reader.read_only and not writer.read_only
        reader.session.title = "Mine"
        with pytest.raises(SessionError, match=r"w\.toml: opened read-only; not saved"):
            reader.save(NOW)
    assert path.read_bytes() == before


def test_save_after_close_is_refused(path: Path) -> None:
    opened = SessionFile.open(path)
    opened.close()
    with pytest.raises(SessionError, match="already closed"):
        opened.save(NOW)


HOLDER = """
import sys
from c2c_tui.core.store import SessionFile
opened = SessionFile.open(sys.argv[1])
print("holding", flush=True)
sys.stdin.read()
opened.close()
"""


def start_holder(path: Path) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
    return holder


def test_lock_between_processes(path: Path) -> None:
    holder = start_holder(path)
    try:
        with pytest.raises(SessionLocked, match=rf"already open in another c2c \(pid {holder.pid} on "):
            SessionFile.open(path)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        assert holder.wait(timeout=30) == 0
    SessionFile.open(path).close()


def test_a_killed_holder_leaves_no_stale_lock(path: Path) -> None:
    holder = start_holder(path)
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    with SessionFile.open(path) as opened:
        opened.save(NOW)


def test_changed_on_disk_is_never_overwritten_and_ours_goes_to_a_conflict_file(path: Path) -> None:
    opened = SessionFile.open(path)
    theirs = dumps(Session(title="Edited elsewhere")).encode()
    path.write_bytes(theirs)
    opened.session.title = "Ours"
    with pytest.raises(SessionError) as error:
        opened.save(NOW)
    conflict = path.with_name(f"w.conflict-{NOW.astimezone().strftime('%Y%m%d-%H%M%S')}.toml")
    assert str(error.value) == (
        f"{path}: changed on disk by another program since c2c opened it; your version was saved to {conflict}"
    )
    assert path.read_bytes() == theirs
    assert load(conflict).title == "Ours"
    opened.session.title = "Ours, later"
    with pytest.raises(SessionError):
        opened.save(NOW)  # the same conflict file is updated: no pile of files on every autosave
    assert load(conflict).title == "Ours, later"
    assert len(list(path.parent.glob("*.conflict-*"))) == 1
    assert path.read_bytes() == theirs
    opened.close()


def test_a_deleted_file_is_written_again(path: Path) -> None:
    with SessionFile.open(path) as opened:
        path.unlink()
        opened.save(NOW)
    assert load(path) == rich_session()


def test_create_makes_a_new_session_named_after_the_file(tmp_path: Path) -> None:
    path = tmp_path / "heat-wave_2026.toml"
    with SessionFile.open(path, create=True) as opened:
        assert opened.session.title == "Heat wave 2026"
    assert load(path).title == "Heat wave 2026"
    with SessionFile.open(path, create=True) as again:  # an existing file is simply opened
        assert again.session == load(path)


def test_a_failed_save_in_session_file_leaves_the_file(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = path.read_bytes()
    with SessionFile.open(path) as opened:
        opened.session.title = "New"

        def disk_full(*args: object, **kwargs: object) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(os, "replace", disk_full)
        with pytest.raises(SessionError, match="No space left on device"):
            opened.save(NOW)
        monkeypatch.undo()
        assert path.read_bytes() == before
        opened.save(NOW)  # once there is room again, saving works (and is not a conflict)
    assert load(path).title == "New"
