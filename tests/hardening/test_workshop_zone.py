"""The Valmora case of issue 14 §1: a hybrid workshop in Europe/Madrid, the laptop set to another zone
(America/Sao_Paulo, the advisors' America/Phoenix). A hand-edited ``[[clock]]`` start without an offset is
read in the workshop's zone, so the clock does not start hours in the future; the app, ``c2c status`` and
the summary all say the same local times, labelled with the zone where the laptop's clock reads otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from app_support import build, screen_text, steady  # noqa: F401
from cli_support import run

from c2c_tui.core.clock import FakeClock
from c2c_tui.core.store import SessionFile
from c2c_tui.tui.follow.app import make_follow_app

START = datetime(2026, 11, 12, 14, 0, tzinfo=UTC)  # 15:00 in Madrid (CET), 11:00 in Sao Paulo


def valmora(tmp_path: Path, zone: str = "Europe/Madrid", *, finished: bool = False) -> Path:
    """The hand-edited file: started "at 15:00" (no offset), as the facilitator wrote it."""
    path = tmp_path / "valmora.toml"
    end = '[[clock]]\nat = 2026-11-12T16:33:00\nevent = "finish"\n' if finished else ""
    path.write_text(
        'schema_version = 1\ntitle = "Valmora heat"\n\n'
        f'[workshop]\ndate = 2026-11-12\nstart_time = "15:00"\ntimezone = "{zone}"\nmode = "hybrid"\n\n'
        '[[clock]]\nat = 2026-11-12T15:00:00\nevent = "start"\n\n' + end,
        encoding="utf-8",
    )
    return path


def test_status_reads_the_naive_start_in_the_workshops_zone(
    tmp_path: Path, local_zone: Callable[[str], None], capsys: pytest.CaptureFixture[str]
) -> None:
    local_zone("America/Sao_Paulo")
    path = valmora(tmp_path, finished=True)
    code, out, err = run(capsys, "status", path, "--json")
    assert code == 0, err
    assert '"timezone": "Europe/Madrid"' in out
    assert '"projected_finish": "2026-11-12T16:33:00+01:00"' in out  # ISO 8601, the workshop's offset
    code, out, err = run(capsys, "status", path)
    assert code == 0, err
    # 16:33 in Madrid, not the laptop's 12:33 nor UTC's 15:33; labelled, as the laptop's clock differs
    assert "finished at 2026-11-12 16:33 CET (3 min behind plan)" in out
    code, out, err = run(capsys, "summary", path)
    assert code == 0, err
    assert "Times in Europe/Madrid (CET). Planned 15:00, started 15:00 · finished 16:33 " in out


@pytest.mark.usefixtures("steady")
async def test_the_app_shows_the_workshops_time_and_a_running_clock(
    tmp_path: Path, local_zone: Callable[[str], None]
) -> None:
    local_zone("America/Sao_Paulo")  # after ``steady`` (which sets UTC): the laptop is three hours behind
    fake = FakeClock(START.replace(minute=4))  # 15:04 in Madrid
    app = build(SessionFile.open(valmora(tmp_path)), fake)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        state = app.clock_state()
        assert (state.state, state.elapsed_seconds) == ("running", 4 * 60)  # not hours in the future
        text = screen_text(app)
        assert "15:04 CET" in text  # the time of day in the workshop's zone, labelled
        assert "11:04" not in text  # never the laptop's


@pytest.mark.usefixtures("steady")
async def test_no_label_when_the_laptop_is_in_the_workshops_zone(
    tmp_path: Path, local_zone: Callable[[str], None]
) -> None:
    local_zone("Europe/Madrid")
    app = build(SessionFile.open(valmora(tmp_path)), FakeClock(START.replace(minute=4)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "15:04" in text and "CET" not in text


def test_check_names_an_unknown_zone_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = valmora(tmp_path, zone="Valmora/Central")
    code, out, err = run(capsys, "check", path)
    assert code == 1
    lines = [line for line in (out + err).splitlines() if line.strip()]
    assert len(lines) == 1
    assert str(path) in lines[0] and "workshop.timezone" in lines[0] and "Valmora/Central" in lines[0]
    assert "not a known time zone" in lines[0]


async def test_a_viewer_far_away_follows_in_the_workshops_time(
    tmp_path: Path, local_zone: Callable[[str], None]
) -> None:
    """``c2c follow`` (and ``c2c serve``, which runs it) on a laptop in Phoenix: Madrid's time, labelled."""
    local_zone("America/Phoenix")
    app = make_follow_app(valmora(tmp_path), clock=FakeClock(START.replace(minute=4)))
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(60):
            await pilot.pause(0.05)
            if "15:04 CET" in screen_text(app):  # type: ignore[arg-type]
                break
        text = screen_text(app)  # type: ignore[arg-type]
        assert "Now        15:04 CET" in text and "Ends       16:30" in text
        assert "updated 15:04:00" in text  # when it last read the file, in the same zone
        assert "07:04" not in text  # never Phoenix's


def test_the_plan_beside_the_clock_across_the_autumn_change(
    tmp_path: Path, local_zone: Callable[[str], None]
) -> None:
    """Started 01:30 CEST on 25 October 2026; at 03:30 CET (three hours later) the plan says so, and the
    one-line clock of the live set-up too."""
    from c2c_tui.core import store
    from c2c_tui.core.clock import state_of
    from c2c_tui.tui.widgets.clock_line import line_text
    from c2c_tui.tui.widgets.plan_info import plan_text

    local_zone("UTC")
    path = valmora(tmp_path)
    path.write_text(path.read_text().replace("2026-11-12T15:00:00", "2026-10-25T01:30:00"))
    session = store.load(path)
    st = state_of(session, datetime(2026, 10, 25, 2, 30, tzinfo=UTC))
    assert st.elapsed_seconds == 3 * 3600
    text = plan_text(st).plain
    assert "Now        03:30 CET" in text
    assert "Ends       04:50" in text  # the 15 + 30 + 20 + 15 minutes left after 03:30 (Rapport is over)
    assert "now 03:30 CET" in line_text(st).plain
