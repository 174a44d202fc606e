"""The proposal for the approvers (``c2c proposal``): the case for holding the workshop, from its set-up.

Seed 000: "put a good case forward for why it will be worth holding a City to City Connection - what you
can gain from it, and initial thoughts on how it can be held and options of who to hold it with". So, in
the order an approver reads: the purpose, the challenge, what the city hopes to gain, whom it could hold
it with (``[[workshop.candidates]]``) and why, how it will be held (format, logistics, the agenda with its
times of day), who takes part, what will be shared beforehand, what came of the last workshop (a
follow-on), and last what is still to be decided. A field not filled in never gives an empty heading: its
section is left out and named under "Still to be decided".

User text goes through ``mdtext`` as in the summary (literal whatever was typed); the HTML page is the
summary's (``html.html_page``: raw HTML never passed through).
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from ..model import ROLE_TITLES, Session, Team
from ..phases import phase
from ..proposal_rows import Candidate
from ..setup import duration, plan_times
from ..text import mdtext as md
from ..zone import session_zone
from .html import html_page
from .markdown import long_date

TBD = "to be decided"
_ROLE_ORDER = ("seeking", "advisor", "specialist", "facilitation")  # "Who takes part", in this order


class _Case:
    """The proposal being written: its sections, and what is still to be decided, in the order met."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.sections: list[str] = []
        self.todo: list[str] = []

    def text(self, title: str, text: str | None, missing: str) -> None:
        """A section of block text (paragraphs kept), or ``missing`` under "Still to be decided"."""
        body = md.paragraphs(text or "")
        if body:
            self.sections.append(f"## {title}\n\n{body}")
        else:
            self.todo.append(missing)


def _times(session: Session) -> tuple[list[tuple[str, str]], int]:
    minutes = [item.minutes for item in session.agenda]
    return plan_times(session.workshop.start_time, minutes), sum(minutes)


def _header(case: _Case) -> str:
    s, w = case.session, case.session.workshop
    times, total = _times(s)
    when = long_date(w.date) if w.date else TBD
    hours = f"{times[0][0]}–{times[-1][1]}" if times else TBD
    zone = f", {md.inline(w.timezone)} time" if times and w.timezone else ""  # the times' zone, named once
    meta = [
        f"**Date:** {when}",
        f"**Time:** {hours} ({duration(total)}{zone})",
        f"**Place:** {md.inline(w.place) or TBD}",
        f"**Mode:** {w.mode}",
    ]
    seeking = ", ".join(md.inline(t.name) for t in s.seeking_teams)
    lines = [
        "*A proposal to hold a City to City Connection, for the people who approve it.*",
        " · ".join(meta),
    ]
    if seeking:
        lines.append(f"**Seeking team:** {seeking}")
    return md.heading(1, s.title) + "\n\n" + "\n\n".join(lines)


def _candidate(candidate: Candidate) -> str:
    line = f"- **{md.inline(candidate.name)}**"
    why = md.inline(candidate.why, sep=md.hard_break(2))
    if why:
        line += f": {why}"
    contact = md.inline(candidate.contact)
    if contact:
        line += f" — *contact: {contact}*"
    return line


def _team_label(team: Team, *, detail: bool = True) -> str:
    """``- **Seville City Council** (Advisor team, Seville) — Ayuntamiento de Sevilla``."""
    bits = ", ".join(x for x in (ROLE_TITLES.get(team.role, team.role), md.inline(team.city)) if x)
    line = f"- **{md.inline(team.name) or '(unnamed team)'}** ({bits})"
    organisation = md.inline(team.organisation)
    return line + (f" — {organisation}" if detail and organisation else "")


def _with_whom(case: _Case) -> None:
    s = case.session
    candidates = s.workshop.candidates or []
    advisors = [t for t in s.teams if t.role in ("advisor", "specialist")]
    out = ["## Who we could hold it with"]
    if candidates:
        out.append("### Candidate advisor cities and organisations, and why each")
        out.append("\n".join(_candidate(c) for c in candidates))
    if advisors:
        out.append("### Already agreed to take part")
        out.append("\n".join(_team_label(t, detail=False) for t in advisors))
    if len(out) == 1:
        case.todo.append("the candidate advisor cities or organisations, and why each")
        return
    case.sections.append("\n\n".join(out))


def _agenda(case: _Case) -> str:
    s = case.session
    times, total = _times(s)
    notes = any(item.note.strip() for item in s.agenda)
    headers = (["Time"] if times else []) + ["Part", "Minutes"] + (["Note"] if notes else [])
    rows: list[list[str]] = []
    for index, item in enumerate(s.agenda):
        row = [f"{times[index][0]}–{times[index][1]}"] if times else []
        row += [phase(item.phase).title, str(item.minutes)]
        rows.append(row + ([md.cell(item.note)] if notes else []))
    total_row = ([f"**{times[0][0]}–{times[-1][1]}**"] if times else []) + ["**Total**", f"**{total}**"]
    rows.append(total_row + ([""] if notes else []))
    right = (headers.index("Minutes"),)
    table = md.table(headers, rows, right=right)
    if times:
        return f"### Agenda\n\n{table}"
    return f"### Agenda\n\nThe start time is not set yet: the times of day follow once it is.\n\n{table}"


def _how(case: _Case) -> None:
    s, w = case.session, case.session.workshop
    times, total = _times(s)
    for missing, what in (
        (w.date is None, "the date"),
        (not times, "the start time"),
        (not w.place.strip(), "the place"),
    ):
        if missing:
            case.todo.append(what)
    facts = [f"- **Mode:** {w.mode}", f"- **Duration:** {duration(total)}: rapport, then the four parts"]
    for label, value in (("Facilitator", w.facilitator), ("Note-taker", w.note_taker)):
        if md.inline(value):
            facts.append(f"- **{label}:** {md.inline(value)}")
        else:
            case.todo.append(f"the {label.lower()}")
    out = ["## How it will be held", "\n".join(facts)]
    logistics = md.paragraphs(w.logistics or "")
    if logistics:
        out += ["### Logistics", logistics]
    else:
        case.todo.append("the logistics (rooms, travel, video link, interpretation, costs)")
    out.append(_agenda(case))
    case.sections.append("\n\n".join(out))


def _person(name: str, role: str, organisation: str) -> str:
    job = ", ".join(x for x in (md.inline(role), md.inline(organisation)) if x)
    return f"  - {md.inline(name)}" + (f" — {job}" if job else "")


def _who(case: _Case) -> None:
    s = case.session
    if not s.teams and not s.participants:
        case.todo.append("the teams and the people taking part")
        return
    known = {t.id for t in s.teams}
    items = []
    for team in sorted(s.teams, key=lambda t: _ROLE_ORDER.index(t.role)):
        people = [_person(p.name, p.role, p.organisation) for p in s.participants if p.team == team.id]
        items.append("\n".join([_team_label(team), *people]))
    others = [_person(p.name, p.role, p.organisation) for p in s.participants if p.team not in known]
    if others:
        items.append("\n".join(["- **Other participants**", *others]))
    teams, count = len(s.teams), len(s.participants)
    line = f"{teams} team{'' if teams == 1 else 's'}, {count} {'person' if count == 1 else 'people'}"
    case.sections.append("\n\n".join(["## Who takes part", line + ".", "\n".join(items)]))


def _before(case: _Case) -> None:
    s, w = case.session, case.session.workshop
    shared = [md.item(text) for text in w.shared_before if md.inline(text)]
    questions = []
    for q in w.pre_questions:
        team = md.inline(s.team_name(q.team))
        questions.append(md.item(q.text, suffix=f" — *{team}*" if team else ""))
        if q.answer and q.answer.strip():
            questions.append(md.item("Answer: " + q.answer, indent=2))
    if not shared:
        case.todo.append("what will be shared beforehand")
    if not shared and not questions:
        return
    out = ["## Before the workshop"]
    if shared:
        out += ["### What will be shared beforehand", "\n".join(shared)]
    if questions:
        out += ["### The advisors' questions so far", "\n".join(questions)]
    case.sections.append("\n\n".join(out))


_OUTCOMES = (("done", "done"), ("in_progress", "in progress"), ("open", "still open"), ("dropped", "dropped"))


def _last_time(case: _Case) -> None:
    """A follow-on workshop: what came of the earlier ones (the carried review rows)."""
    s = case.session
    rows = s.reviews or []
    if s.workshop.after is None and not rows:
        return
    out = ["## What came of the last workshop"]
    if s.workshop.after is not None:
        out.append(f"This workshop follows the one in {md.inline(s.workshop.after)}.")
    if not rows:
        out.append("Nothing was left open there.")
        case.sections.append("\n\n".join(out))
        return
    counts: Counter[str] = Counter(r.outcome for r in rows)
    told = ", ".join(f"{counts[key]} {label}" for key, label in _OUTCOMES if counts[key])
    out.append(f"{len(rows)} item{'' if len(rows) == 1 else 's'} carried from earlier workshops: {told}.")
    still = [r for r in rows if r.outcome in ("open", "in_progress")]
    lines = []
    for r in still:
        extra = [x for x in (md.inline(r.owner or ""), r.due.isoformat() if r.due else "") if x]
        kind = "offer" if r.kind == "follow_up" else "action"
        state = "in progress" if r.outcome == "in_progress" else "open"
        suffix = f" ({kind}, {state})" + (f" — *{', '.join(extra)}*" if extra else "")
        lines.append(md.item(r.text or r.item, suffix=suffix))
    if lines:
        out += ["### Still open, to take forward", "\n".join(lines)]
    case.sections.append("\n\n".join(out))


def render_proposal(session: Session, now: datetime | None = None) -> str:
    """The proposal as markdown (valid CommonMark/GFM whatever was typed); ``now`` dates it (the real time)."""
    case = _Case(session)
    w = session.workshop
    header = _header(case)
    case.text("Purpose", w.purpose, "the purpose: why we want to hold it")
    case.text("The challenge", w.challenge, "the challenge, in the Seeking team's words")
    case.text("What we hope to gain", w.hopes, "what we hope to gain from it")
    _with_whom(case)
    _how(case)
    _who(case)
    _before(case)
    _last_time(case)
    if case.todo:
        case.sections.append("## Still to be decided\n\n" + "\n".join(f"- {item}" for item in case.todo))
    prepared = (now or datetime.now(UTC)).astimezone(session_zone(case.session) or UTC)
    footer = f"---\n\n*prepared with c2c · {prepared:%Y-%m-%d}*"
    return "\n\n".join([header, *case.sections, footer]) + "\n"


def render_proposal_html(session: Session, now: datetime | None = None) -> str:
    """The proposal as one complete HTML5 page, printable; user text is shown as text, never as markup."""
    return html_page(f"Proposal: {session.title}", render_proposal(session, now))
