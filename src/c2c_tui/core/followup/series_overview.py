"""The overview of a series of workshops in one folder (``c2c series DIR``), as markdown or HTML.

What it shows, all computed from the sessions (``series.track``) and the series file (``series_file``):
the workshops in date order with their purpose; every action traced from where it was agreed through
each review to today, with counts and the share done on time; the follow-up offers and whether they
were taken up; the teams and people across the series; the feedback per workshop; the topic backlog.
A folder without a series file gets everything but the backlog. User text goes through ``mdtext``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from ..summary.assessment import moves_section
from ..summary.series import OFFER_LABELS, OUTCOME_LABELS, score_line, scores
from ..text import mdtext as md
from .library import Library, SessionInfo
from .series import Tracked, track
from .series_file import SERIES_FILE, SeriesFile

NOTHING = "*(none)*"


@dataclass(frozen=True)
class Counts:
    agreed: int
    done: int
    on_time: int
    in_progress: int
    dropped: int
    open: int
    overdue: int
    dated_due: int  # dated actions done, or due by today: what "on time" is a share of

    @property
    def share_on_time(self) -> str:
        return f"{round(100 * self.on_time / self.dated_due)} %" if self.dated_due else "n/a"


def counts(actions: list[Tracked], today: date) -> Counts:
    status = Counter(a.status for a in actions)
    dated = [a for a in actions if a.due is not None and (a.status == "done" or a.due < today)]
    return Counts(
        agreed=len(actions),
        done=status["done"],
        on_time=sum(1 for a in actions if a.on_time),
        in_progress=status["in_progress"],
        dropped=status["dropped"],
        open=status["open"],
        overdue=sum(1 for a in actions if a.overdue(today)),
        dated_due=len(dated),
    )


def _first_line(text: str, limit: int = 120) -> str:
    """The first line of a purpose, cut at ``limit`` characters (with "…")."""
    lines = md.lines(text)
    line = lines[0] if lines else ""
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _when(info: SessionInfo) -> str:
    return info.sort_date.isoformat()


def workshops_table(infos: list[SessionInfo]) -> str:
    rows = []
    for n, info in enumerate(infos, 1):
        s = info.outline
        fb = score_line(scores(s.entries))
        rows.append(
            [
                str(n),
                _when(info),
                md.cell(s.title),
                md.cell(info.path.name),
                md.cell(_first_line(s.workshop.purpose)),
                md.cell(s.workshop.after or ""),
                str(len(s.actions)),
                md.cell(fb.split(" (")[0] if fb else ""),
            ]
        )
    headers = ["#", "Date", "Workshop", "File", "Purpose", "Follows", "Actions", "Usefulness"]
    return md.table(headers, rows, right=(0, 6))


def _trace(item: Tracked, numbers: dict[str, int]) -> str:
    """e.g. "#1 agreed → #2 in progress (draft sent) → #3 done": workshops by their number above."""
    labels = OFFER_LABELS if item.kind == "follow_up" else OUTCOME_LABELS
    parts = [f"#{numbers.get(_key(item.path), '?')} {'offered' if item.kind == 'follow_up' else 'agreed'}"]
    for step in item.steps:
        note = f" ({md.cell(step.note)})" if step.note else ""
        parts.append(f"#{numbers.get(_key(step.path), '?')} {labels[step.outcome]}{note}")
    return " → ".join(parts)


def _key(path: Path) -> str:
    return str(path.resolve())


def actions_section(actions: list[Tracked], today: date, numbers: dict[str, int]) -> str:
    c = counts(actions, today)
    line = (
        f"{c.agreed} agreed · {c.done} done ({c.on_time} on time) · {c.in_progress} in progress · "
        f"{c.open} open · {c.dropped} dropped · {c.overdue} overdue · done on time: {c.share_on_time}"
        f" of {c.dated_due} due by today or done"
    )
    if not actions:
        return "## Actions\n\n" + NOTHING
    rows = []
    for a in actions:
        today_state = OUTCOME_LABELS[a.status] if a.status != "open" else "open"
        if a.overdue(today):
            today_state = "**OVERDUE**"
        rows.append(
            [
                md.cell(a.text),
                md.cell(a.owner),
                a.due.isoformat() if a.due else "",
                _trace(a, numbers),
                today_state,
            ]
        )
    table = md.table(["Action", "Owner", "Due", "From agreed to today (workshop #)", "Today"], rows)
    return f"## Actions\n\n{line}\n\n{table}"


def offers_section(offers: list[Tracked], numbers: dict[str, int]) -> str:
    if not offers:
        return "## Follow-up offers\n\n" + NOTHING
    taken = sum(1 for o in offers if o.status == "done")
    rows = [[md.cell(o.text), md.cell(o.team), OFFER_LABELS[o.status], _trace(o, numbers)] for o in offers]
    table = md.table(["Offer", "Team", "Taken up?", "From offered to today"], rows)
    return f"## Follow-up offers\n\n{taken} of {len(offers)} taken up.\n\n{table}"


def people_section(infos: list[SessionInfo]) -> str:
    teams: dict[str, tuple[str, set[int]]] = {}
    people: dict[tuple[str, str], set[int]] = {}
    for n, info in enumerate(infos, 1):
        s = info.outline
        for t in s.teams:
            teams.setdefault(t.name.casefold(), (t.role, set()))[1].add(n)
        for p in s.participants:
            people.setdefault((p.name, s.team_name(p.team)), set()).add(n)
    names = {t.name.casefold(): t.name for info in infos for t in info.outline.teams}
    team_rows = [
        [md.cell(names[k]), role, ", ".join(map(str, sorted(seen)))] for k, (role, seen) in teams.items()
    ]
    people_rows = [
        [md.cell(name), md.cell(team), ", ".join(map(str, sorted(seen)))]
        for (name, team), seen in sorted(people.items(), key=lambda kv: kv[0][0].casefold())
    ]
    out = ["## Teams and participants across the series"]
    out.append(md.table(["Team", "Role", "Workshops (#)"], team_rows) if team_rows else NOTHING)
    if people_rows:
        out.append(md.table(["Participant", "Team", "Workshops (#)"], people_rows))
    return "\n\n".join(out)


def feedback_section(infos: list[SessionInfo]) -> str:
    out = ["## Feedback per workshop"]
    any_feedback = False
    for n, info in enumerate(infos, 1):
        entries = [e for e in info.outline.entries if e.kind.startswith("feedback_")]
        if not entries:
            continue
        any_feedback = True
        out.append(md.heading(3, f"{n}. {info.outline.title}"))
        line = score_line(scores(entries))
        out.append(f"**How useful it was:** {line or '*(no score given)*'}")
        for kind, title in (("feedback_keep", "Keep"), ("feedback_change", "Change")):
            items = [md.item(e.text) for e in entries if e.kind == kind]
            out.append(f"**{title}**\n\n" + ("\n".join(items) or NOTHING))
    if not any_feedback:
        out.append("*(no feedback captured)*")
    return "\n\n".join(out)


def backlog_section(series: SeriesFile | None) -> str:
    if series is None:
        return f"## Topic backlog\n\n*(no {SERIES_FILE} in this folder: add one to keep the topic backlog)*"
    if not series.topics:
        return "## Topic backlog\n\n" + NOTHING
    order = {"next": 0, "backlog": 1, "covered": 2}
    topics = sorted(series.topics, key=lambda t: order[t.status])
    rows = [[md.cell(t.title), t.status, md.cell(t.covered_in or ""), md.cell(t.note)] for t in topics]
    return "## Topic backlog\n\n" + md.table(["Topic", "Status", "Covered in", "Note"], rows)


def _title(library: Library, series: SeriesFile | None) -> str:
    if series is not None and series.title.strip():
        return series.title
    return f"Series: {library.folder.resolve().name or library.folder}"


def render_series(
    library: Library, series: SeriesFile | None, *, today: date, now: datetime | None = None
) -> str:
    """The series overview as markdown (valid GFM whatever users typed)."""
    infos = sorted(library.sessions, key=lambda i: (i.sort_date, i.mtime, i.path.name))
    items = track(library)
    actions = [i for i in items if i.kind == "action"]
    offers = [i for i in items if i.kind == "follow_up"]
    title = _title(library, series)
    numbers = {_key(info.path): n for n, info in enumerate(infos, 1)}
    span = f"{_when(infos[0])} to {_when(infos[-1])}" if infos else "no workshops yet"
    head = md.heading(1, title) + f"\n\n{len(infos)} workshop{'' if len(infos) == 1 else 's'}, {span}."
    generated = (now or datetime.now(UTC)).astimezone(UTC)
    sections = [
        head,
        "## Workshops\n\n" + (workshops_table(infos) if infos else NOTHING),
        actions_section(actions, today, numbers),
        offers_section(offers, numbers),
        people_section(infos),
        moves_section([info.outline for info in infos]),
        feedback_section(infos),
        backlog_section(series),
        "---",
        f"*generated by c2c · {generated:%Y-%m-%d %H:%M} UTC · as of {today.isoformat()}*",
    ]
    return "\n\n".join(s for s in sections if s) + "\n"


def render_series_html(library: Library, series: SeriesFile | None, *, today: date) -> str:
    from ..summary.html import html_page

    return html_page(_title(library, series), render_series(library, series, today=today))
