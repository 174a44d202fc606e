"""The summary's tables and grid: timing (planned vs actual), options ranked, impact vs risk, actions."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import UTC, date, datetime, tzinfo

from ..clock.agenda import total_minutes
from ..clock.formats import format_clock, time_of_day
from ..clock.log import ClockState, state_of
from ..clock.turns import has_turns, turns_of
from ..model import Option, Session
from ..phases import phase
from ..prioritise import MOSCOW_LABELS, QUADRANTS, quadrant, ranked
from ..text import mdtext as md
from ..zone import session_zone, zone_label

_CELL = 22  # inner width of a grid cell


def _signed(seconds: float) -> str:
    if round(seconds) == 0:
        return "00:00"
    return ("+" if seconds > 0 else "-") + format_clock(round(seconds))


def _time(dt: datetime, day: date, zone: tzinfo | None) -> str:
    """A time of day in the workshop's zone (named once, in ``_zone_words``); UTC, labelled, without one."""
    if zone is None:
        return f"{time_of_day(dt, UTC, day=day)} UTC"
    return time_of_day(dt, zone, day=day)


def _zone_words(session: Session, st: ClockState, zone: tzinfo) -> str:
    """``Times in Europe/Madrid (CEST, then CET).``: the zone, and its short names over the workshop."""
    assert st.started_at is not None
    name = session.workshop.timezone or ""
    labels = list(dict.fromkeys(zone_label(at, zone) for at in (st.started_at, st.finished_at or st.now)))
    shown = md.inline(name)
    return f"Times in {shown}." if labels == [name] else f"Times in {shown} ({', then '.join(labels)})."


def _state(session: Session, now: datetime | None) -> ClockState | None:
    at = now if now is not None else max((e.at for e in session.clock), default=None)
    if at is None:
        return None
    state = state_of(session, at)
    return None if state.state == "ready" else state


def _clock_line(session: Session, st: ClockState) -> str:
    assert st.started_at is not None and st.planned_finish is not None
    zone = session_zone(session)
    day = session.workshop.date or st.started_at.astimezone(zone or UTC).date()
    started = _time(st.started_at, day, zone)
    if zone is not None and session.workshop.start_time:  # the plan's local start, in the same zone
        parts = [f"Planned {session.workshop.start_time}, started {started}"]
    else:
        parts = [f"Started {started}"]
    planned = _time(st.planned_finish, day, zone)
    end = st.finished_at if st.finished_at is not None else st.now
    if st.finished_at is not None:
        finished = _time(st.finished_at, day, zone)
        parts.append(f"finished {finished} (planned {planned}, {_signed(st.offset_seconds)})")
    else:
        where = phase(st.phase).title
        parts.append(f"{st.state} in {where} at {_time(st.now, day, zone)}")
        parts.append(f"projected finish {_time(st.projected_finish, day, zone)} (planned {planned})")
    paused = (end - st.started_at).total_seconds() - sum(t.actual_seconds for t in st.timings)
    if round(paused) > 0:
        parts.append(f"paused for {format_clock(round(paused))} in all")
    line = " · ".join(parts) + "."
    return line if zone is None else f"{_zone_words(session, st, zone)} {line}"


def timing(session: Session, now: datetime | None) -> str:
    """Planned vs actual per phase. ``now`` defaults to the time of the last clock event."""
    st = _state(session, now)
    if st is None:
        rows = [[phase(a.phase).title, format_clock(a.minutes * 60)] for a in session.agenda]
        rows.append(["**Total**", f"**{format_clock(total_minutes(session.agenda) * 60)}**"])
        plan = md.table(["Phase", "Planned"], rows, right=(1,))
        return f"## Timing\n\nThe clock has not been started. The plan:\n\n{plan}"
    rows = []
    for t in st.timings:
        title = phase(t.phase).title
        if t.status == "todo":
            actual, diff = "–", "–"
        else:
            actual, diff = format_clock(t.actual_seconds), _signed(t.actual_seconds - t.planned_seconds)
            if t.status == "current" and st.state != "finished":
                title += " (current)"
        rows.append([title, format_clock(t.planned_seconds), format_clock(t.budget_seconds), actual, diff])
    planned = sum(t.planned_seconds for t in st.timings)
    actual_total = sum(t.actual_seconds for t in st.timings)
    rows.append(
        [
            "**Total**",
            f"**{format_clock(planned)}**",
            f"**{format_clock(sum(t.budget_seconds for t in st.timings))}**",
            f"**{format_clock(actual_total)}**",
            f"**{_signed(actual_total - planned)}**" if st.state == "finished" else "",
        ]
    )
    table = md.table(["Phase", "Planned", "Adjusted", "Actual", "Over/under"], rows, right=(1, 2, 3, 4))
    note = "*Adjusted* is the plan after extensions and rebalancing; over/under is against the plan."
    text = f"## Timing\n\n{_clock_line(session, st)}\n\n{table}\n\n{note}"
    if has_turns(session) and session.advisor_teams:
        text += "\n\n" + _turns_table(session, st)
    return text


def _turns_table(session: Session, st: ClockState) -> str:
    """Part 2's turns: each Advisor team's share against the time its turns took."""
    rows = []
    for turn in turns_of(session, st):
        name = md.cell(turn.name) + (" (current)" if turn.current and st.state != "finished" else "")
        if turn.had_turn:
            actual, diff = format_clock(turn.used_seconds), _signed(turn.used_seconds - turn.share_seconds)
        else:
            actual, diff = "–", "–"
        rows.append([name, format_clock(turn.share_seconds), actual, diff])
    table = md.table(["Advisor team", "Share", "Turn time", "Over/under"], rows, right=(1, 2, 3))
    note = "*Share* is the team's part of Part 2's adjusted time; *turn time* is Part 2's time in its turns."
    return f"### Part 2: the Advisor teams' turns\n\n{table}\n\n{note}"


def _cell_lines(numbers: list[int]) -> list[str]:
    text = ", ".join(str(n) for n in numbers) or "-"
    return textwrap.wrap(text, _CELL - 2) or ["-"]


def matrix(options: Sequence[Option]) -> str:
    """The grid of option numbers (their rank in ``options``) plus a legend with their titles."""
    places = {q.key: [] for q in QUADRANTS}  # type: dict[str, list[int]]
    unscored: list[int] = []
    for number, option in enumerate(options, start=1):
        q = quadrant(option)
        (places[q.key] if q is not None else unscored).append(number)
    if not any(places.values()):
        return "*(no option has both impact and risk scored yet)*"
    rule = " " * 14 + ("+" + "-" * _CELL) * 2 + "+"
    grid = [" " * 16 + f"{'Low risk (1-2)':<{_CELL + 1}}High risk (3-5)", rule]
    for high, label in ((True, "High impact"), (False, "Low impact")):
        left, right = (q for q in QUADRANTS if q.high_impact == high)
        cells = [[q.label, *_cell_lines(places[q.key])] for q in (left, right)]
        height = max(len(c) for c in cells)
        side = [label, "(3-5)" if high else "(1-2)"]
        for i in range(height):
            a, b = (c[i] if i < len(c) else "" for c in cells)
            name = side[i] if i < len(side) else ""
            grid.append(f"{name:>13} | {a:<{_CELL - 1}}| {b:<{_CELL - 1}}|")
        grid.append(rule)
    legend = []
    for q in QUADRANTS:
        named = [f"**{n}** {md.inline(options[n - 1].title)}" for n in places[q.key]]
        legend.append(f"- **{q.label}** ({q.description}): " + ("; ".join(named) or "*(none)*"))
    if unscored:
        named = [f"**{n}** {md.inline(options[n - 1].title)}" for n in unscored]
        legend.append("- **Not scored yet:** " + "; ".join(named))
    return "```text\n" + "\n".join(grid) + "\n```\n\n" + "\n".join(legend)


def options_table(session: Session) -> str:
    if not session.options:
        return "*(no options captured)*"
    rows = []
    for rank, option in enumerate(ranked(session.options), start=1):
        title = md.cell(option.title)
        if md.cell(option.detail):
            title += f" — {md.cell(option.detail)}"
        rows.append(
            [
                str(rank),
                title,
                md.cell(session.team_name(option.team)),
                MOSCOW_LABELS[option.moscow],
                str(option.impact) if option.impact is not None else "–",
                str(option.risk) if option.risk is not None else "–",
            ]
        )
    headers = ["#", "Option", "Source team", "MoSCoW", "Impact", "Risk"]
    return md.table(headers, rows, right=(0, 4, 5))


def actions_table(session: Session) -> str:
    if not session.actions:
        return "*(no actions agreed)*"
    rows = []
    for action in session.actions:
        text = md.cell(action.text)
        if md.cell(action.note):
            text += f" — *{md.cell(action.note)}*"
        due = action.due.isoformat() if action.due else "–"
        owner = md.cell(action.owner) or "–"
        rows.append([text, owner, due, action.status, md.cell(session.team_name(action.team))])
    return md.table(["Action", "Owner", "Due", "Status", "Team"], rows)
