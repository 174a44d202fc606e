"""Snapshots of the work area at 80x24: Part 2 (advisor panel + entries), Part 3 (options + 2x2)."""

from __future__ import annotations

from datetime import UTC, datetime

from capture_harness import CaptureApp, sample_session

from c2c_tui.core.model import Entry, Option, Session

AT = datetime(2026, 5, 4, 9, 30, tzinfo=UTC)


def insights_session() -> Session:
    session = sample_session()
    session.entries = [
        Entry(
            id="e1", phase="insights", kind="surprise", text="They map shade street by street", team="seville"
        ),
        Entry(id="e2", phase="insights", kind="gap", text="No word on night-time heat", team="seville"),
        Entry(id="e3", phase="insights", kind="example", text="[bold]Fountain finder[/] app", team="seville"),
        Entry(id="e4", phase="insights", kind="question", text="Who owns the tree budget?"),
    ]
    return session


def reflect_session() -> Session:
    session = sample_session()
    session.options = [
        Option(
            id="o1", title="Cooling centres in libraries", team="seville", moscow="must", impact=5, risk=2
        ),
        Option(id="o2", title="Shade sails on squares", team="rotterdam", moscow="should", impact=3, risk=4),
        Option(id="o3", title="Night-time heat alerts", moscow="could", impact=2, risk=1),
        Option(id="o4", title="Paint every roof white", moscow="wont", impact=2, risk=5),
        Option(id="o5", title="Tree budget review"),
    ]
    session.entries = [Entry(id="e1", phase="reflect", kind="consideration", text="Budget cycle is annual")]
    return session


def test_part2_work_area(snap_compare) -> None:
    assert snap_compare(CaptureApp(insights_session(), phase="insights"), terminal_size=(80, 24))


def test_part3_options_and_matrix(snap_compare) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("escape", "v")
        await pilot.pause()

    app = CaptureApp(reflect_session(), phase="reflect")
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
