"""The latest state of each action for ``c2c review`` (core/followup/latest.py), on the three-workshop chain."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from series_chain import TODAY, build_chain

from c2c_tui.core.followup.latest import Latest, latest_of, with_info
from c2c_tui.core.followup.library import read_info, scan
from c2c_tui.core.store import load, save

NOW = datetime(2027, 1, 25, 9, 0, tzinfo=UTC)


def chain(tmp_path: Path) -> tuple[Path, Path, Path]:
    return build_chain(tmp_path)


def test_the_first_workshops_actions_in_their_latest_state(tmp_path: Path) -> None:
    chain(tmp_path)
    library = scan(tmp_path, NOW)
    latest = latest_of(library)
    info = next(i for i in library.sessions if i.path.name == "first.toml")
    cells = {a.id: latest.cells(info, a, TODAY) for a in info.outline.actions}
    assert cells["a1"] == ("done", "2026-12-15", "Maria Okafor", "Draft the plan")
    assert cells["a2"] == ("done", "2027-01-31", "Ana Ruiz", "Ask the weather service")
    assert cells["a3"][0] == "OVERDUE"  # carried, never reviewed: as its own file says
    assert cells["a4"][0] == "dropped"
    assert latest.counts(info, TODAY) == (1, 1)  # a3 only; the file alone says 3 open
    assert (info.open_actions, info.overdue_actions(TODAY)) == (3, 2)
    assert latest.changed(info) == 2
    stories = {a.id: latest.story(info, a) for a in info.outline.actions}
    assert stories["a1"] == "agreed open → done in Heat two, 2026-12-10: sent to the board"
    assert stories["a2"] == "agreed open → done in Heat three, 2027-01-20, owner Ana Ruiz"
    assert stories["a3"] == stories["a4"] == ""


def test_in_progress_reads_so_with_its_note_and_a_file_alone_is_as_written(tmp_path: Path) -> None:
    _, _, third = chain(tmp_path)
    third.unlink()
    library = scan(tmp_path, NOW)
    latest = latest_of(library)
    info = next(i for i in library.sessions if i.path.name == "first.toml")
    a2 = next(a for a in info.outline.actions if a.id == "a2")
    assert latest.cells(info, a2, TODAY)[0] == "in progress"
    assert (
        latest.story(info, a2)
        == "agreed open → in progress in Heat two, 2026-12-10, owner Ana Ruiz: draft sent"
    )
    assert latest.counts(info, TODAY) == (2, 1)  # in progress is still open
    empty = Latest()
    assert empty.cells(info, a2, TODAY) == ("open", "2027-01-31", "Maria Okafor", "Ask the weather service")
    assert empty.counts(info, TODAY) == (3, 2) and empty.story(info, a2) == ""


def test_a_change_in_its_own_file_after_the_review_is_the_latest(tmp_path: Path) -> None:
    first, _, _ = chain(tmp_path)
    session = load(first)
    session.actions[0].status = "open"  # a1, reviewed done in Heat two, reopened later in its own file
    session.actions[0].updated = NOW
    save(first, session)
    library = scan(tmp_path, NOW)
    info = read_info(first, NOW)
    latest = latest_of(with_info(library, info))
    assert latest.cells(info, info.outline.actions[0], TODAY)[0] == "OVERDUE"  # open again, past due
    assert latest.story(info, info.outline.actions[0]) == ""
    assert latest.of(first, "a1") is not None and latest.of(first, "zz") is None
    assert date(2026, 12, 15) == info.outline.actions[0].due


def test_only_the_reviewed_actions_are_held_and_every_cell_reads_as_with_all(tmp_path: Path) -> None:
    """``latest_of`` keeps the actions a later workshop reviewed (the home screen's list of a thousand
    sessions pays for those only); every other one reads as its own file says, as if all were held."""
    from c2c_tui.core.followup.latest import _key
    from c2c_tui.core.followup.series import track

    chain(tmp_path)
    library = scan(tmp_path, NOW)
    latest = latest_of(library)
    every = Latest({(_key(t.path), t.item): t for t in track(library) if t.kind == "action"})
    assert all(item.steps for item in latest.items.values())
    assert 0 < len(latest.items) < len(every.items)
    for info in library.sessions:
        assert latest.counts(info, TODAY) == every.counts(info, TODAY)
        assert latest.changed(info) == every.changed(info)
        for action in info.outline.actions:
            assert latest.cells(info, action, TODAY) == every.cells(info, action, TODAY)
            assert latest.story(info, action) == every.story(info, action)
