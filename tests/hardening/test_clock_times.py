"""Clock times that are not what they seem (issue 10 §5): a hand-edited time without an offset is read in
the machine's local zone (not as UTC: in Tokyo that started the clock nine hours in the future), and events
later than now (a system clock set forward, then corrected) are treated as now: the clock never freezes
waiting for them and never runs backwards."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from app_support import build, fresh, steady  # noqa: F401

from c2c_tui.core import clock, store
from c2c_tui.core.clock import FakeClock, state_of
from c2c_tui.core.model import ClockEvent

NOON = datetime(2026, 11, 12, 3, 0, tzinfo=UTC)  # 12:00 in Tokyo


def test_a_time_without_an_offset_is_read_in_the_local_zone_and_saved_with_one(
    tmp_path: Path, tokyo: None
) -> None:
    path = tmp_path / "edited.toml"
    path.write_text(
        'schema_version = 1\ntitle = "Hand-edited"\ncreated = 2026-11-12T09:00:00\n\n'
        '[[clock]]\nat = 2026-11-12T11:30:00\nevent = "start"\n'
    )
    session = store.load(path)
    assert session.clock[0].at == datetime(2026, 11, 12, 2, 30, tzinfo=UTC)  # 11:30 in Tokyo
    assert session.created == datetime(2026, 11, 12, 0, 0, tzinfo=UTC)
    st = state_of(session, NOON)
    assert st.state == "running" and st.elapsed_seconds == 30 * 60  # not 9 hours in the future
    store.save(path, session)
    assert "at = 2026-11-12 02:30:00+00:00" in path.read_text()  # with its offset from now on


def future_start(session: store.Session, now: datetime) -> None:
    """The log of a clock that was set five hours forward when F5 was pressed, and is right again now."""
    session.clock.append(ClockEvent(at=now + timedelta(hours=5), event="start", phase="rapport"))


def test_commands_after_a_clock_set_back_count_from_now(tmp_path: Path) -> None:
    session_file, fake = fresh(tmp_path)
    session = session_file.session
    future_start(session, fake.now())
    before = state_of(session, fake.now())
    assert before.state == "running" and before.elapsed_seconds == 0  # shown as now, never negative
    fake.advance(60)
    assert state_of(session, fake.now()).elapsed_seconds == 0  # nothing settled it yet (the app does)
    assert clock.toggle(session, fake.now()) is not None  # pause: the start moves to now first
    fake.advance(60)
    clock.toggle(session, fake.now())  # resume
    fake.advance(60)
    st = state_of(session, fake.now())
    assert (st.state, st.elapsed_seconds) == ("running", 60)  # not frozen for five hours
    assert all(event.at <= fake.now() for event in session.clock)


@pytest.mark.usefixtures("steady")
async def test_the_app_does_not_freeze_on_events_in_the_future(tmp_path: Path) -> None:
    session_file, fake = fresh(tmp_path)
    future_start(session_file.session, fake.now())
    session_file.save()
    app = build(session_file, fake)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        fake.advance(90)
        app.tick()
        await pilot.pause()
        st = app.clock_state()
        assert (st.state, st.elapsed_seconds) == ("running", 90)
        await pilot.press("ctrl+s")
    saved = store.load(session_file.path)
    assert saved.clock[0].at == datetime(2026, 6, 1, 9, 0, tzinfo=UTC)  # the log says what was shown
    assert state_of(saved, fake.now()).elapsed_seconds == 90


def test_a_fake_clock_is_never_confused_by_the_local_zone(tokyo: None) -> None:
    assert FakeClock(datetime(2026, 1, 1, 12, 0)).now() == datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
