"""Follow-up of agreed actions across workshops: collect, render (table, CSV, markdown) and update.

``collect`` turns a scanned library into rows sorted by due date (no due date last), then workshop
title: each action once, in its latest state, a later workshop's review included (``series.track``; the
row says where it last changed). An action is overdue when it is open (or in progress) and its due date
is before ``today``.

``update_action`` changes one action in its file the safe way: the file is opened with the store's
lock (a session open in ``c2c run`` is refused with the store's message), the action is changed and
stamped ``updated``, and the store saves atomically and rewrites the summary beside the file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..model import ACTION_STATUSES, Action, ActionStatus
from ..store.session_file import SessionError, SessionFile
from ..text import mdtext
from ..text.mdtext import cell as md_cell
from ..text.neutral import csv_cell
from ..text.textcells import ELLIPSIS, cell_width, fit, plain
from .library import Library, SessionInfo

CSV_HEADER = ("workshop", "file", "id", "action", "owner", "due", "status", "team", "overdue")


class ActionError(SessionError):
    """An update that cannot be made (unknown action id, unknown status); one line."""


@dataclass(frozen=True)
class ActionRow:
    workshop: str  # the session's title
    path: Path  # the session file
    id: str  # the action's id in that file
    text: str
    owner: str
    due: date | None
    status: ActionStatus
    team: str  # team name ("" when none)
    overdue: bool
    changed: Path | None = None  # the later workshop whose review last changed it (None: its own file)
    changed_title: str = ""
    progress: str = ""  # "in progress" and its note, when a review said so (status stays "open")
    # the agreeing workshop's identity and the action id: the same in every export (``ics``)
    uid: str = field(default="", compare=False)


def rows_for(info: SessionInfo, today: date) -> list[ActionRow]:
    """The actions of one session as rows, in the file's order."""
    session = info.outline
    return [
        _row(
            session.title,
            info.path,
            action.id,
            action,
            team=session.team_name(action.team),
            overdue=action.is_overdue(today),
        )
        for action in session.actions
    ]


def latest_rows(library: Library, today: date) -> list[ActionRow]:
    """Every action of the library once, in its latest state across the workshops' reviews (``series``)."""
    from .series import track

    rows = []
    for item in track(library):
        if item.kind != "action":
            continue
        progress = ""
        if item.status == "in_progress":
            progress = "in progress" + (f": {item.note}" if item.note else "")
        reviewed = item.changed_path != item.path
        rows.append(
            ActionRow(
                workshop=item.workshop,
                path=item.path,
                id=item.item,
                text=item.text,
                owner=item.owner,
                due=item.due,
                status="open" if item.status == "in_progress" else item.status,  # type: ignore[arg-type]
                team=item.team,
                overdue=item.overdue(today),
                changed=item.changed_path if reviewed else None,
                changed_title=item.changed_workshop if reviewed else "",
                progress=progress,
                uid=f"{item.identity}-{item.item}@c2c",
            )
        )
    return rows


def _row(workshop: str, path: Path, item_id: str, item: Any, **fields: Any) -> ActionRow:
    """One row: the text, owner, due date and status of ``item`` (an action or its tracked state)."""
    values = {"text": item.text, "owner": item.owner, "due": item.due, "status": item.status} | fields
    return ActionRow(workshop=workshop, path=path, id=item_id, **values)


def sort_key(row: ActionRow) -> tuple[bool, date, str, str]:
    return (row.due is None, row.due or date.min, row.workshop.casefold(), str(row.path))


def collect(
    library: Library,
    *,
    status: str | None = None,
    owner: str | None = None,
    overdue: bool = False,
    today: date,
) -> list[ActionRow]:
    """Every action across the library's sessions that passes the filters, sorted by due date.

    ``status`` keeps one status; ``owner`` keeps owners containing it (case-insensitive);
    ``overdue`` keeps only open actions past their due date. Within a session, file order is kept.
    """
    if status is not None and status not in ACTION_STATUSES:
        raise ActionError(f"unknown status {status!r}; use one of: {', '.join(ACTION_STATUSES)}")
    wanted_owner = owner.casefold() if owner is not None else None
    rows = [
        row
        for row in latest_rows(library, today)
        if (status is None or row.status == status)
        and (wanted_owner is None or wanted_owner in row.owner.casefold())
        and (not overdue or row.overdue)
    ]
    rows.sort(key=sort_key)  # stable: file order holds within one session and due date
    return rows


def count_line(rows: list[ActionRow]) -> str:
    """e.g. "12 actions (3 overdue) in 4 sessions"."""
    n = len(rows)
    late = sum(row.overdue for row in rows)
    files = len({row.path for row in rows})
    line = f"{n} action{'' if n == 1 else 's'}"
    if late:
        line += f" ({late} overdue)"
    return line + f" in {files} session{'' if files == 1 else 's'}"


# -- plain-text table -------------------------------------------------------------------------------

# Flexible columns: (least width, weight). The widest column by width/weight gives a cell first, so the
# action keeps the most room and the file name (which says where to look) is cut last.
_FLEX = {"action": (16, 2.0), "owner": (6, 1.0), "workshop": (10, 1.0), "file": (10, 1.5)}
_COLUMNS = ("due", "status", "id", "action", "owner", "workshop", "file")


def _table_cells(row: ActionRow) -> dict[str, str]:
    return {
        "due": row.due.isoformat() if row.due else "-",
        "status": "OVERDUE" if row.overdue else ("in progress" if row.progress else row.status),
        "changed in": plain(row.changed.name) if row.changed else "",
        "id": plain(row.id),
        "action": plain(row.text),
        "owner": plain(row.owner),
        "workshop": plain(row.workshop),
        "file": plain(row.path.name),
    }


def render_table(rows: list[ActionRow], today: date, width: int = 100) -> str:
    """Aligned plain-text columns fitting ``width`` (long text cut with "…"), then a count line.

    An overdue action says OVERDUE in the status column (never colour alone; overdue implies open).
    The team is left out here for room (CSV and markdown have it). User text is shown on one line
    with control characters replaced, so it can never move the cursor or colour the terminal.
    """
    if not rows:
        return f"No actions to list (as of {today.isoformat()})."
    cells = [_table_cells(row) for row in rows]
    columns = _COLUMNS + (("changed in",) if _reviewed(rows) else ())
    widths = {name: max(cell_width(name), *map(cell_width, [c[name] for c in cells])) for name in columns}
    gap = 2
    total = sum(widths.values()) + gap * (len(columns) - 1)
    while total > width:
        shrinkable = [n for n, (least, _) in _FLEX.items() if widths[n] > least]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda n: widths[n] / _FLEX[n][1])
        widths[widest] -= 1
        total -= 1
    sizes = [widths[n] for n in columns]
    lines = [_line(columns, sizes, gap)]
    lines += [_line([c[n] for n in columns], sizes, gap) for c in cells]
    lines += ["", f"{count_line(rows)}, as of {today.isoformat()}."]
    return "\n".join(lines)


def _reviewed(rows: list[ActionRow]) -> bool:
    """Some action changed in a later workshop's review: the listing says where (an extra column)."""
    return any(row.changed is not None or row.progress for row in rows)


def _line(values: Iterable[str], widths: Iterable[int], gap: int) -> str:
    parts = []
    for value, w in zip(values, widths, strict=True):
        if value.isascii() and w > 0:  # most cells: what ``fit`` and the padding below give, in one step
            parts.append((value if len(value) <= w else value[: w - 1].rstrip() + ELLIPSIS).ljust(w))
            continue
        text = fit(value, w)
        parts.append(text + " " * (w - cell_width(text)))
    return (" " * gap).join(parts).rstrip()


# -- CSV and markdown -------------------------------------------------------------------------------


def render_csv(rows: list[ActionRow]) -> str:
    """CSV with a header row; overdue is yes/no. User text is as stored (quoted where needed) but inert in a
    spreadsheet: a cell that would start a formula gets a leading ``'``, control characters are shown."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    extra = _reviewed(rows)
    writer.writerow(CSV_HEADER + (("changed_in", "progress") if extra else ()))
    for row in rows:
        more = [csv_cell(str(row.changed or "")), csv_cell(row.progress)] if extra else []
        writer.writerow(
            [
                csv_cell(row.workshop),
                csv_cell(str(row.path)),
                csv_cell(row.id),
                csv_cell(row.text),
                csv_cell(row.owner),
                row.due.isoformat() if row.due else "",
                csv_cell(row.status),
                csv_cell(row.team),
                "yes" if row.overdue else "no",
                *more,
            ]
        )
    return out.getvalue()


def render_md(rows: list[ActionRow]) -> str:
    """A GFM table (user text escaped so it stays literal, inside its cell), then the count line."""
    if not rows:
        return "No actions to list.\n"
    headers = ["Due", "Status", "Overdue", "Action", "Owner", "Team", "Workshop", "File", "ID"]
    extra = _reviewed(rows)
    if extra:
        headers += ["Last changed in", "Progress"]
    cells = [
        [
            row.due.isoformat() if row.due else "",
            row.status,
            "**OVERDUE**" if row.overdue else "",
            md_cell(row.text),
            md_cell(row.owner),
            md_cell(row.team),
            md_cell(row.workshop),
            md_cell(row.path.name),
            md_cell(row.id),
            *([md_cell(row.changed.name if row.changed else ""), md_cell(row.progress)] if extra else []),
        ]
        for row in rows
    ]
    return mdtext.table(headers, cells) + "\n\n" + count_line(rows) + ".\n"


# -- writing back -----------------------------------------------------------------------------------


def update_action(
    path: Path,
    action_id: str,
    *,
    status: str | None = None,
    owner: str | None = None,
    due: date | None = None,
    clear_due: bool = False,
    now: datetime,
) -> Action:
    """Change one action in the session file at ``path`` and save it (lock, atomic write, summary).

    ``None`` leaves a field as it is; ``owner=""`` clears the owner, ``clear_due=True`` the due date.
    Raises SessionLocked when another c2c holds the file (nothing is written), ActionError for an
    unknown id or status, SessionError when the file does not load. Returns the changed action.
    """
    if status is not None and status not in ACTION_STATUSES:
        raise ActionError(f"{path}: unknown status {status!r}; use one of: {', '.join(ACTION_STATUSES)}")
    handle = SessionFile.open(path, lock=True)
    try:
        action = next((a for a in handle.session.actions if a.id == action_id), None)
        if action is None:
            known = ", ".join(a.id for a in handle.session.actions) or "none"
            raise ActionError(f"{path}: no action has the id {action_id!r} (actions: {known})")
        if status is not None:
            action.status = status  # type: ignore[assignment]  # checked against ACTION_STATUSES above
        if owner is not None:
            action.owner = owner.strip()
        if clear_due:
            action.due = None
        elif due is not None:
            action.due = due
        action.updated = now
        handle.save(now)
        return action
    finally:
        handle.close()
