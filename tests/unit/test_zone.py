"""The workshop's own time zone (issue 14 §1): every time shown in ``[workshop] timezone``, a time without an
offset read in it, the same file shown alike whatever the machine's zone, and right across a DST change.

Valmora (fictional) is given Europe/Madrid here; the advisors online from Phoenix (America/Phoenix, no DST).
The machine's zone is set per test (``machine``) to one that differs from the workshop's on purpose.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from c2c_tui.core import store
from c2c_tui.core.clock import state_of
from c2c_tui.core.clock.status import status_json, status_lines
from c2c_tui.core.model import ClockEvent, Session
from c2c_tui.core.reading.errors import SessionError
from c2c_tui.core.setup import new_session, parse_zone
from c2c_tui.core.summary import render_markdown
from c2c_tui.core.zone import machine_zone_name, session_zone, zone_label, zone_named


@pytest.fixture
def machine(local_zone: Callable[[str], None]) -> Callable[[str], None]:
    """``machine("America/Sao_Paulo")`` makes that the machine's zone for the test (``local_zone``)."""
    return local_zone


def workshop_file(
    tmp_path: Path,
    zone: str | None,
    tables: str,
    *,
    day: str = "2026-11-12",
    start: str = "15:00",
    top: str = "",
) -> Path:
    """A hand-written file: the plan at ``start`` on ``day`` in ``zone``, then ``tables`` (``[[clock]]`` ...)."""
    path = tmp_path / "valmora.toml"
    zone_line = f'timezone = "{zone}"\n' if zone else ""
    path.write_text(
        f'schema_version = 1\ntitle = "Valmora heat"\n{top}\n'
        f'[workshop]\ndate = {day}\nstart_time = "{start}"\n{zone_line}\n' + tables,
        encoding="utf-8",
    )
    return path


def clock_lines(*events: tuple[str, str]) -> str:
    return "".join(f'[[clock]]\nat = {at}\nevent = "{kind}"\n\n' for at, kind in events)


# -- the name ------------------------------------------------------------------------------------------


def test_an_iana_name_is_a_zone_and_anything_else_is_refused_in_one_line() -> None:
    assert zone_named("Europe/Madrid").key == "Europe/Madrid"
    for bad in ("Mars/Olympus", "", " Europe/Madrid", "../etc/passwd", "/etc/localtime", "Europe/"):
        with pytest.raises(ValueError, match="unknown time zone") as caught:
            zone_named(bad)
        assert "\n" not in str(caught.value)


def test_an_unknown_zone_in_a_file_names_the_field_and_the_name(tmp_path: Path) -> None:
    path = workshop_file(tmp_path, "Valmora/Central", "")
    with pytest.raises(SessionError) as caught:
        store.load(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: workshop.timezone: ")
    assert "'Valmora/Central'" in message and "\n" not in message


def test_set_up_takes_a_zone_or_nothing_and_words_a_wrong_one() -> None:
    assert parse_zone(" America/Phoenix ") == "America/Phoenix"
    assert parse_zone("") is None
    with pytest.raises(ValueError, match=r"time zone: 'Phoenix' is not a known time zone"):
        parse_zone("Phoenix")


def test_a_new_workshop_gets_the_zone_asked_for_else_the_machines(machine: Callable[[str], None]) -> None:
    machine("America/Sao_Paulo")
    assert machine_zone_name() == "America/Sao_Paulo"
    assert new_session("Heat").workshop.timezone == "America/Sao_Paulo"
    assert new_session("Heat", timezone="Europe/Madrid").workshop.timezone == "Europe/Madrid"
    with pytest.raises(ValueError, match="unknown time zone"):
        new_session("Heat", timezone="Nowhere/Town")
    machine("CET-1")  # a POSIX rule, not a name: the file gets none (shown in the machine's zone)
    assert machine_zone_name() is None
    assert new_session("Heat").workshop.timezone is None


# -- a time without an offset ---------------------------------------------------------------------------


def test_a_naive_time_is_read_in_the_workshops_zone_not_the_machines(
    tmp_path: Path, machine: Callable[[str], None]
) -> None:
    machine("America/Sao_Paulo")
    path = workshop_file(tmp_path, "Europe/Madrid", clock_lines(("2026-11-12T15:00:00", "start")))
    session = store.load(path)
    assert session.clock[0].at == datetime(2026, 11, 12, 14, 0, tzinfo=UTC)  # 15:00 CET
    st = state_of(session, datetime(2026, 11, 12, 14, 10, tzinfo=UTC))
    assert st.state == "running" and st.elapsed_seconds == 600  # started ten minutes ago, not in the future


def test_a_naive_time_in_every_table_is_read_in_the_workshops_zone(tmp_path: Path) -> None:
    path = workshop_file(
        tmp_path,
        "America/Phoenix",
        '[[entries]]\nphase = "rapport"\nkind = "note"\ntext = "hi"\ncreated = 2026-11-12T15:01:00\n\n'
        '[[actions]]\ntext = "Map the cooling centres"\ncreated = 2026-11-12T16:20:00\n',
        top="created = 2026-11-01T09:00:00\n",
    )
    session = store.load(path)
    assert session.created == datetime(2026, 11, 1, 16, 0, tzinfo=UTC)  # Phoenix is UTC-7 all year
    assert session.entries[0].created == datetime(2026, 11, 12, 22, 1, tzinfo=UTC)
    assert session.actions[0].created == datetime(2026, 11, 12, 23, 20, tzinfo=UTC)


def test_a_file_without_a_zone_still_reads_a_naive_time_in_the_machines(
    tmp_path: Path, machine: Callable[[str], None]
) -> None:
    machine("Asia/Tokyo")
    session = store.load(workshop_file(tmp_path, None, clock_lines(("2026-11-12T15:00:00", "start"))))
    assert session_zone(session) is None
    assert session.clock[0].at == datetime(2026, 11, 12, 6, 0, tzinfo=UTC)


# -- shown in the workshop's zone, whatever the machine's ------------------------------------------------

FINISHED = clock_lines(
    ("2026-11-12T14:04:00Z", "start"), ("2026-11-12T14:30:00Z", "pause"), ("2026-11-12T14:33:00Z", "resume")
) + clock_lines(*((f"2026-11-12T15:{m:02d}:00Z", "next") for m in (0, 10, 20, 30, 37)))


@pytest.mark.parametrize(
    ("zone", "started", "finished", "label"),
    [("Europe/Madrid", "15:04", "16:37", "CET"), ("America/Phoenix", "07:04", "08:37", "MST")],
)
def test_status_and_summary_agree_in_two_zones_on_a_machine_in_a_third(
    tmp_path: Path, machine: Callable[[str], None], zone: str, started: str, finished: str, label: str
) -> None:
    machine("America/Sao_Paulo")
    session = store.load(workshop_file(tmp_path, zone, FINISHED))
    later = datetime(2026, 11, 12, 18, 0, tzinfo=UTC)
    st = state_of(session, later)
    assert st.state == "finished"
    lines = status_lines(session, st)
    assert f"finished at {finished} {label} (" in lines[2]  # labelled: the machine's clock reads otherwise
    summary = render_markdown(session, later)
    assert f"Times in {zone} ({label}). Planned 15:00, started {started} · finished {finished} " in summary
    assert f"15:00 ({zone})" in summary.splitlines()[2]  # the date line names the zone too
    assert f"*generated by c2c · 2026-11-12 {later.astimezone(zone_named(zone)):%H:%M} {label}*" in summary


def test_status_json_keeps_iso_8601_with_the_workshops_offset(tmp_path: Path) -> None:
    session = store.load(
        workshop_file(tmp_path, "Europe/Madrid", clock_lines(("2026-11-12T15:00:00", "start")))
    )
    data = status_json(session, state_of(session, datetime(2026, 11, 12, 14, 5, tzinfo=UTC)))
    assert data["timezone"] == "Europe/Madrid"
    assert data["projected_finish"] == "2026-11-12T16:30:00+01:00"  # 90 minutes from 15:00 CET
    assert datetime.fromisoformat(data["projected_finish"]) == datetime(2026, 11, 12, 15, 30, tzinfo=UTC)


def test_no_label_where_the_machine_reads_the_same(tmp_path: Path, machine: Callable[[str], None]) -> None:
    machine("Europe/Madrid")
    session = store.load(
        workshop_file(tmp_path, "Europe/Madrid", clock_lines(("2026-11-12T15:00:00", "start")))
    )
    lines = status_lines(session, state_of(session, datetime(2026, 11, 12, 14, 5, tzinfo=UTC)))
    assert lines[-1] == "projected finish 16:30 (on plan)"


def test_a_file_without_a_zone_keeps_the_summary_in_utc(
    tmp_path: Path, machine: Callable[[str], None]
) -> None:
    machine("America/Sao_Paulo")
    session = store.load(workshop_file(tmp_path, None, FINISHED))
    summary = render_markdown(session, datetime(2026, 11, 12, 18, 0, tzinfo=UTC))
    assert "Started 14:04 UTC · finished 15:37 UTC (planned 15:34 UTC, +03:00)" in summary
    assert "Times in" not in summary


# -- daylight saving -----------------------------------------------------------------------------------


def test_a_clock_across_the_autumn_change_shows_the_right_elapsed_time_and_local_times(
    tmp_path: Path, machine: Callable[[str], None]
) -> None:
    """Europe/Madrid, night of 24 to 25 October 2026: at 03:00 CEST the clocks go back to 02:00 CET. A
    clock from 01:30 to 03:30 local ran three hours."""
    machine("UTC")
    agenda = '[[agenda]]\nphase = "rapport"\nminutes = 180\n\n' + "".join(
        f'[[agenda]]\nphase = "{p}"\nminutes = 1\n\n' for p in ("context", "insights", "reflect", "agree")
    )
    path = workshop_file(
        tmp_path,
        "Europe/Madrid",
        agenda + clock_lines(("2026-10-25T01:30:00", "start"), ("2026-10-25T03:30:00", "finish")),
        day="2026-10-25",
        start="01:30",
    )
    session = store.load(path)
    assert session.clock[0].at == datetime(2026, 10, 24, 23, 30, tzinfo=UTC)  # 01:30 CEST
    assert session.clock[1].at == datetime(2026, 10, 25, 2, 30, tzinfo=UTC)  # 03:30 CET
    st = state_of(session, datetime(2026, 10, 25, 6, 0, tzinfo=UTC))
    assert st.timings[0].actual_seconds == 3 * 3600
    summary = render_markdown(session, datetime(2026, 10, 25, 6, 0, tzinfo=UTC))
    assert "Times in Europe/Madrid (CEST, then CET). Planned 01:30, started 01:30 · finished 03:30" in summary
    assert zone_label(st.started_at or st.now, session_zone(session)) == "CEST"


def test_a_series_across_the_change_shows_each_workshop_at_its_own_local_time(
    tmp_path: Path, machine: Callable[[str], None]
) -> None:
    """Two workshops at 15:00 in Madrid, the week before and the week after the change: 13:00 and 14:00 UTC,
    both shown at 15:00, one CEST and one CET."""
    machine("America/Phoenix")
    shown = []
    for day, utc_hour, label in (("2026-10-21", 13, "CEST"), ("2026-10-28", 14, "CET")):
        folder = tmp_path / day
        folder.mkdir()
        session = store.load(
            workshop_file(folder, "Europe/Madrid", clock_lines((f"{day}T15:00:00", "start")), day=day)
        )
        start = session.clock[0].at
        assert start.hour == utc_hour
        st = state_of(session, start + timedelta(minutes=10))
        assert status_lines(session, st)[-1] == f"projected finish 16:30 {label} (on plan)"
        shown.append(render_markdown(session, start + timedelta(minutes=10)))
    assert "Times in Europe/Madrid (CEST). Planned 15:00, started 15:00 ·" in shown[0]
    assert "Times in Europe/Madrid (CET). Planned 15:00, started 15:00 ·" in shown[1]


def test_the_zone_survives_a_save(tmp_path: Path) -> None:
    path = workshop_file(tmp_path, "America/Phoenix", clock_lines(("2026-11-12T15:00:00", "start")))
    session = store.load(path)
    store.save(path, session)
    again = store.load(path)
    assert again.workshop.timezone == "America/Phoenix"
    assert again.clock == session.clock
    assert "at = 2026-11-12 22:00:00+00:00" in path.read_text()  # with its offset from now on
    assert isinstance(Session.model_validate(again.model_dump()), Session)
    assert ClockEvent(at=datetime(2026, 1, 1, tzinfo=UTC), event="start").at.tzinfo is UTC


# -- the folder: review rows and dates -----------------------------------------------------------------


def test_a_review_late_in_the_evening_is_dated_in_the_reviewing_workshops_zone(tmp_path: Path) -> None:
    """Reviewed at 23:30 in Phoenix on 10 December (06:30 UTC on the 11th): the story says the 10th, and an
    action due on the 10th was done on time."""
    from series_chain import first_session

    from c2c_tui.core.followup.followon import find_review, follow_on, record_review
    from c2c_tui.core.followup.latest import latest_of
    from c2c_tui.core.followup.library import scan
    from c2c_tui.core.followup.series import track

    first, second = tmp_path / "first.toml", tmp_path / "second.toml"
    one = first_session()
    one.workshop.timezone = "America/Phoenix"
    one.actions[0].due = datetime(2026, 12, 10).date()
    store.save(first, one)
    two = follow_on(first, second, title="Heat two", now=datetime(2026, 12, 10, 16, 0, tzinfo=UTC))
    assert two.workshop.timezone == "America/Phoenix"
    index = find_review(two, "action", "a1")
    assert index is not None
    record_review(two, index, "done", now=datetime(2026, 12, 11, 6, 30, tzinfo=UTC))
    store.save(second, two)
    library = scan(tmp_path, datetime(2026, 12, 12, tzinfo=UTC))
    info = next(i for i in library.sessions if i.path.name == "first.toml")
    story = latest_of(library).story(info, info.outline.actions[0])
    assert story == "agreed open → done in Heat two, 2026-12-10"
    [a1] = [t for t in track(library) if t.item == "a1" and t.path.name == "first.toml"]
    assert a1.on_time is True


def test_the_day_a_workshop_without_a_date_sorts_by_is_its_local_day(tmp_path: Path) -> None:
    from c2c_tui.core.followup.library import read_info

    path = workshop_file(tmp_path, "America/Phoenix", "", top="created = 2026-11-12T23:30:00\n")
    path.write_text(path.read_text().replace("date = 2026-11-12\n", ""))
    info = read_info(path, datetime(2026, 11, 14, tzinfo=UTC))
    assert info.outline.created == datetime(2026, 11, 13, 6, 30, tzinfo=UTC)
    assert info.sort_date == datetime(2026, 11, 12).date()


def test_a_zone_whose_short_name_is_its_name_is_named_once(tmp_path: Path) -> None:
    session = store.load(workshop_file(tmp_path, "UTC", FINISHED))
    summary = render_markdown(session, datetime(2026, 11, 12, 18, 0, tzinfo=UTC))
    assert "Times in UTC. Planned 15:00, started 14:04 · finished 15:37 (planned 15:34, +03:00)" in summary
