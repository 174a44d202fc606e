"""The workshop summary: markdown (valid CommonMark/GFM whatever was typed) and a complete HTML page.

Every piece of user text goes through ``mdtext`` so it stays literal; the HTML is rendered from the
markdown with raw HTML switched off, so nothing a user typed is ever passed through as markup.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import UTC, date, datetime
from functools import lru_cache

from ..clock.formats import to_minute
from ..model import ENTRY_KINDS, FEEDBACK_KINDS, ROLE_TITLES, Entry, Session
from ..phases import ADVISOR_KINDS, SEEKING_KINDS, phase
from ..prioritise import ranked
from ..text import mdtext as md
from ..zone import session_zone, zone_label
from .assessment import assessment_section
from .digest import NextWorkshop, digest
from .parts import actions_table, matrix, options_table, timing
from .series import feedback_section, since_section

NOTHING = "*(nothing captured)*"
KIND_TITLES = {
    "note": "Notes",
    "context": "Context",
    "surprise": "Surprises",
    "gap": "Gaps",
    "example": "Examples",
    "idea": "Ideas",
    "question": "Questions",
    "contact": "Contacts",
    "consideration": "Key considerations",
    "follow_up": "Follow-up offers",
    "feedback_useful": "How useful it was",
    "feedback_keep": "What to keep",
    "feedback_change": "What to change",
}
KIND_HINTS = {
    "surprise": "what surprised them",
    "gap": "what they expected to hear but didn't",
    "example": "what they tried",
    "question": "what else we need to know",
    "contact": "whom we could talk to",
}
_MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
)
_MONTHS += ("October", "November", "December")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def long_date(day: date) -> str:
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def _join(parts: Iterable[str], sep: str = "\n") -> str:
    return sep.join(p for p in parts if p)


def attribution(session: Session, team: str | None, speaker: str | None) -> str:
    """`` — *Team, Speaker*`` (markdown, safe) or ``""`` when the item is not attributed."""
    return _who(session.team_name(team), speaker or "")


@lru_cache(maxsize=1024)
def _who(team_name: str, speaker: str) -> str:  # the same few teams and people on every entry
    who = [md.inline(team_name), md.inline(speaker)]
    text = ", ".join(w for w in who if w)
    return f" — *{text}*" if text else ""


def entry_item(session: Session, entry: Entry) -> str:
    return md.item(entry.text, suffix=attribution(session, entry.team, entry.speaker))


def kind_group(session: Session, kind: str, entries: list[Entry]) -> str:
    label = f"**{KIND_TITLES[kind]}**"
    if kind in KIND_HINTS:
        label += f" ({KIND_HINTS[kind]})"
    body = _join(entry_item(session, e) for e in entries) or NOTHING
    return f"{label}\n\n{body}"


def by_kind(session: Session, entries: list[Entry], order: Iterable[str] = ()) -> str:
    """Entries grouped by kind: ``order`` first, then the other kinds; only kinds that have entries."""
    kinds = list(dict.fromkeys([*order, *ENTRY_KINDS]))
    groups = [
        kind_group(session, k, [e for e in entries if e.kind == k])
        for k in kinds
        if any(e.kind == k for e in entries)
    ]
    return "\n\n".join(groups)


# -- sections ---------------------------------------------------------------------------------------


def header(session: Session) -> str:
    w = session.workshop
    when = long_date(w.date) if w.date else "date not set"
    if w.start_time:
        when += f", {w.start_time}" + (f" ({w.timezone})" if w.timezone else "")
    meta = [f"**Date:** {md.inline(when)}"]
    meta.append(f"**Place:** {md.inline(w.place) or 'not set'}")
    meta.append(f"**Mode:** {w.mode}")
    people = []
    if w.facilitator.strip():
        people.append(f"**Facilitator:** {md.inline(w.facilitator)}")
    if w.note_taker.strip():
        people.append(f"**Note-taker:** {md.inline(w.note_taker)}")
    lines = [" · ".join(meta), " · ".join(people)]
    return md.heading(1, session.title) + "\n\n" + md.hard_break(0).join(x for x in lines if x)


def text_section(title: str, text: str) -> str:
    return f"## {title}\n\n{md.paragraphs(text) or '*(not written yet)*'}"


def _participant(p_name: str, role: str, organisation: str, sector: str) -> str:
    line = md.inline(p_name)
    job = ", ".join(x for x in (md.inline(role), md.inline(organisation)) if x)
    if job:
        line += f" — {job}"
    if md.inline(sector):
        line += f" ({md.inline(sector)})"
    return f"  - {line}"


def teams_section(session: Session) -> str:
    out = ["## Teams and participants"]
    known = {t.id for t in session.teams}
    groups: list[tuple[str | None, str, str, str]] = [
        (t.id, t.name, ROLE_TITLES.get(t.role, t.role), t.city) for t in session.teams
    ]
    if any(p.team not in known for p in session.participants):
        groups.append((None, "Other participants", "", ""))
    items = []
    for team_id, name, role, city in groups:
        label = ", ".join(x for x in (role, md.inline(city)) if x)
        head = f"- **{md.inline(name) or '(unnamed team)'}**" + (f" ({label})" if label else "")
        members = [
            _participant(p.name, p.role, p.organisation, p.sector)
            for p in session.participants
            if p.team == team_id or (team_id is None and p.team not in known)
        ]
        items.append(_join([head, *members]) if members else head + "\n  - *(no participants listed)*")
    out.append(_join(items) or "*(no teams yet)*")
    sectors = Counter(p.sector.strip() or "(not given)" for p in session.participants)
    if sectors:
        counts = sorted(sectors.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
        out.append("**Participants by sector**")
        out.append(_join(md.item(f"{sector}: {n}") for sector, n in counts))
    return "\n\n".join(out)


def before_section(session: Session) -> str:
    w = session.workshop
    shared = _join(md.item(text) for text in w.shared_before) or "*(nothing recorded)*"
    questions = []
    for q in w.pre_questions:
        questions.append(md.item(q.text, suffix=attribution(session, q.team, None)))
        if q.answer and q.answer.strip():
            questions.append(md.item("Answer: " + q.answer, indent=2))
    return "\n\n".join(
        [
            "## Before the workshop",
            "### What was shared beforehand",
            shared,
            "### Advisors' pre-questions",
            _join(questions) or "*(none recorded)*",
        ]
    )


def phase_entries(session: Session, phase_id: str) -> list[Entry]:
    """The entries of a phase, follow-up offers (Part 4) and feedback (its own section) excepted."""
    return [
        e
        for e in session.entries
        if e.phase == phase_id and e.kind != "follow_up" and e.kind not in FEEDBACK_KINDS
    ]


def simple_phase(session: Session, phase_id: str) -> str:
    entries = phase_entries(session, phase_id)
    body = by_kind(session, entries, phase(phase_id).kinds) or NOTHING
    return md.heading(2, phase(phase_id).title) + "\n\n" + body


def insights_section(session: Session) -> str:
    entries = phase_entries(session, "insights")
    out = [md.heading(2, phase("insights").title)]
    shown: set[str] = set()
    for team in session.teams:
        if team.role not in ("advisor", "specialist"):
            continue
        mine = [e for e in entries if e.team == team.id and e.kind in ADVISOR_KINDS]
        if not mine and team.role != "advisor":
            continue  # a specialist is listed only when heard; every advisor team is always listed
        out.append(md.heading(3, f"{team.name} ({ROLE_TITLES[team.role].lower()})"))
        shown.update(e.id for e in mine)
        if not mine:
            out.append(NOTHING)
            continue
        kinds = (
            ADVISOR_KINDS
            if team.role == "advisor"
            else [k for k in ADVISOR_KINDS if any(e.kind == k for e in mine)]
        )
        out.extend(kind_group(session, k, [e for e in mine if e.kind == k]) for k in kinds)
    seeking = [e for e in entries if e.kind in SEEKING_KINDS]
    shown.update(e.id for e in seeking)
    out.append("### Seeking team: ideas, questions and contacts")
    if seeking:
        out.extend(kind_group(session, k, [e for e in seeking if e.kind == k]) for k in SEEKING_KINDS)
    else:
        out.append(NOTHING)
    rest = [e for e in entries if e.id not in shown]
    if rest:
        out.append("### Other items")
        out.append(by_kind(session, rest, phase("insights").kinds))
    return "\n\n".join(out)


def reflect_section(session: Session) -> str:
    return "\n\n".join(
        [
            md.heading(2, phase("reflect").title),
            "### Options ranked",
            options_table(session),
            "### Impact vs risk",
            matrix(ranked(session.options)),
            "### Considerations and notes",
            by_kind(session, phase_entries(session, "reflect"), phase("reflect").kinds) or NOTHING,
        ]
    )


def agree_section(session: Session) -> str:
    offers = [e for e in session.entries if e.kind == "follow_up"]
    out = [
        md.heading(2, phase("agree").title),
        "### Actions",
        actions_table(session),
        "### Follow-up offers",
        _join(entry_item(session, e) for e in offers) or "*(no follow-up offered)*",
    ]
    rest = phase_entries(session, "agree")
    if rest:
        out += ["### Other items", by_kind(session, rest, phase("agree").kinds)]
    return "\n\n".join(out)


def render_markdown(
    session: Session, now: datetime | None = None, upcoming: NextWorkshop | None = None
) -> str:
    """The summary as markdown. ``now`` defaults to the last clock event (timing) and the real time (footer);
    ``upcoming`` is the workshop that follows this one, if any (the digest names it)."""
    zone = session_zone(session) or UTC
    generated = (now or datetime.now(UTC)).astimezone(zone)
    sections: list[str] = [
        header(session),
        digest(session, upcoming, long_date),
        text_section("Purpose", session.workshop.purpose),
        text_section("Challenge", session.workshop.challenge),
        teams_section(session),
        since_section(session),
        before_section(session),
        assessment_section(session),
        timing(session, now),
        simple_phase(session, "rapport"),
        simple_phase(session, "context"),
        insights_section(session),
        reflect_section(session),
        agree_section(session),
        feedback_section(session),
        "---",
        f"*generated by c2c · {to_minute(generated):%Y-%m-%d %H:%M} {zone_label(generated, zone)}*",
    ]
    return "\n\n".join(s for s in sections if s) + "\n"


def render_html(session: Session, now: datetime | None = None, upcoming: NextWorkshop | None = None) -> str:
    """The summary as one complete HTML5 page; raw HTML in user text is shown as text, never passed on.
    (The page, its styles and the stdlib's ``html`` are imported here: the app's saves write only markdown.)"""
    from .html import html_page

    when = long_date(session.workshop.date) if session.workshop.date else ""
    return html_page(session.title, render_markdown(session, now, upcoming), when=when)
