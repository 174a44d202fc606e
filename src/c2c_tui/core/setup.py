"""Setting up a workshop before the day: the checks and small helpers the set-up screens use, and a new
session from an agenda template (``new_session``). Pure: writing a new file is ``store.new_files``.

The parse functions take what a person typed and return the value, or raise ValueError with a short
message that says what to type instead. ``setup_problems`` lists what blocks saving a set-up.
``apply_setup`` copies an edited set-up into the live session of a running app without touching what
was captured or the clock.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from pydantic import ValidationError

from .clock.agenda import DEFAULT_TEMPLATE, TEMPLATES, agenda_from_template, unknown_template
from .model import Session, Team
from .problems import one_line_error
from .zone import machine_zone_name, zone_named

MAX_MINUTES = 24 * 60
SETUP_FIELDS = ("title", "workshop", "teams", "participants", "agenda", "areas", "assessments")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_HHMM = re.compile(r"(\d{1,2}):(\d{2})")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


# -- what people type -------------------------------------------------------------------------------


def parse_minutes(text: str) -> int:
    """A phase's minutes: a whole number from 1 to 1440."""
    value = text.strip()
    if not value:
        raise ValueError("minutes: type a whole number of minutes, e.g. 15")
    if not re.fullmatch(r"[+-]?[0-9]+", value):
        raise ValueError(f"minutes: {value!r} is not a whole number (type digits, e.g. 15)")
    minutes = int(value)
    if minutes < 1:
        raise ValueError("minutes: a phase needs at least 1 minute")
    if minutes > MAX_MINUTES:
        raise ValueError(f"minutes: at most {MAX_MINUTES} (a whole day)")
    return minutes


def parse_date(text: str, what: str = "date", example: str = "2026-11-12") -> date | None:
    """A date typed in a form, YYYY-MM-DD; empty means not set. ``what`` names the field in the message
    (the workshop date, an action's due date)."""
    value = text.strip()
    if not value:
        return None
    if not _DATE.fullmatch(value):
        raise ValueError(f"{what}: {value!r}: write it YYYY-MM-DD, e.g. {example} (or leave it empty)")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{what}: {value} is not a real date") from None


def parse_due(value: str) -> date | None:
    """An action's due date from a form: empty is no date, else a real YYYY-MM-DD (ValueError says why not)."""
    return parse_date(value, "due date", "2026-12-15")


def parse_hhmm(text: str) -> str | None:
    """A start time HH:MM (24-hour); ``9:30`` becomes ``09:30``; empty means not set."""
    value = text.strip()
    if not value:
        return None
    match = _HHMM.fullmatch(value)
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise ValueError(f"start time: {value!r}: write it HH:MM (24-hour), e.g. 09:30 (or leave it empty)")
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def parse_zone(text: str) -> str | None:
    """The workshop's time zone typed in set-up: an IANA name such as ``Europe/Madrid``; empty means none
    (times are shown in the machine's zone)."""
    value = text.strip()
    if not value:
        return None
    try:
        zone_named(value)
    except ValueError:
        raise ValueError(
            f"time zone: {value!r} is not a known time zone: an IANA name such as Europe/Madrid"
            " (or leave it empty for this machine's)"
        ) from None
    return value


def parse_title(text: str) -> str:
    value = text.strip()
    if not value:
        raise ValueError("title: a workshop needs a title")
    return value


# -- the plan of the day ----------------------------------------------------------------------------


def clock_after(start: str, minutes: int) -> str:
    """``start`` (HH:MM) plus ``minutes`` as HH:MM, with "+1d" when it passes midnight."""
    h, m = (int(part) for part in start.split(":"))
    moment = datetime(2000, 1, 1, h, m) + timedelta(minutes=minutes)
    days = (moment.date() - date(2000, 1, 1)).days
    return moment.strftime("%H:%M") + (f" +{days}d" if days else "")


def plan_times(start: str | None, minutes: Sequence[int]) -> list[tuple[str, str]]:
    """(from, to) for each phase when the day starts at ``start``; [] without a start time."""
    if start is None:
        return []
    times = []
    total = 0
    for m in minutes:
        times.append((clock_after(start, total), clock_after(start, total + m)))
        total += m
    return times


def duration(minutes: int) -> str:
    """90 -> "1 h 30", 45 -> "45 min"."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"


# -- teams ------------------------------------------------------------------------------------------


def slug(text: str, *, limit: int = 48) -> str:
    """Lower-case ASCII words joined by '-' ("Seville City Council" -> "seville-city-council")."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", plain.lower())
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    return out or (words[0][:limit] if words else "")


def new_team_id(session: Session, name: str) -> str:
    """A readable id for a new team (its name as a slug), unique in the session."""
    taken = {team.id for team in session.teams}
    base = slug(name, limit=40)
    if not base or not _ID.match(base):
        return session.next_id("t")
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def team_name_problem(teams: Sequence[Team], name: str, team_id: str | None = None) -> str | None:
    """Why ``name`` cannot be used for the team ``team_id`` (None for a new one), or None."""
    if not name.strip():
        return "name: a team needs a name"
    clash = next((t for t in teams if t.id != team_id and same_name(t.name, name)), None)
    if clash is not None:
        return f"name: there is already a team called {clash.name!r} (team names are unique)"
    return None


def team_references(session: Session, team_id: str) -> list[str]:
    """What in the session refers to the team, e.g. ["2 participants", "5 entries"]; [] when nothing."""
    counts = (
        (sum(p.team == team_id for p in session.participants), "participant"),
        (sum(e.team == team_id for e in session.entries), "entry"),
        (sum(o.team == team_id for o in session.options), "option"),
        (sum(a.team == team_id for a in session.actions), "action"),
        (sum(q.team == team_id for q in session.workshop.pre_questions), "pre-question"),
        (sum(a.team == team_id for a in session.assessments or ()), "self-assessment score"),
    )
    return [f"{n} {_plural(word, n)}" for n, word in counts if n]


def _plural(word: str, n: int) -> str:
    if n == 1:
        return word
    return word[:-1] + "ies" if word.endswith("y") else word + "s"


def start_problem(session: Session) -> str | None:
    """What a workshop lacks before its clock may start (one line), or None. The set-up and F5 both ask."""
    if not session.seeking_teams:
        return "add a Seeking team (the team with the challenge): a workshop needs one to start"
    return None


def setup_problems(session: Session) -> list[str]:
    """What blocks saving this set-up (one line each); [] when it can be saved."""
    problems = []
    missing = start_problem(session)
    if missing is not None:
        problems.append(f"teams: {missing}")
    for index, team in enumerate(session.teams):
        problem = team_name_problem(session.teams[:index], team.name)
        if problem:
            problems.append(f"teams: {problem.removeprefix('name: ')}")
    return problems


# -- a new session ---------------------------------------------------------------------------------


class UnknownTemplate(ValueError):
    pass


def new_session(
    title: str, template: str | None = None, now: datetime | None = None, *, timezone: str | None = None
) -> Session:
    """A new workshop; its time zone is ``timezone`` (an IANA name; ValueError when unknown), else the
    machine's when its name can be found, else none (shown in the machine's zone)."""
    name = template or DEFAULT_TEMPLATE
    if name not in TEMPLATES:
        raise UnknownTemplate(unknown_template(name))
    if timezone is not None:
        zone_named(timezone)
    created = (now or datetime.now(UTC)).replace(microsecond=0)
    workshop: dict[str, str] = {"mode": "online" if name.startswith("online") else "in-person"}
    zone = timezone or machine_zone_name()
    if zone is not None:
        workshop["timezone"] = zone
    return Session.model_validate(
        {"title": title, "created": created, "agenda": agenda_from_template(name), "workshop": workshop}
    )


def apply_setup(live: Session, edited: Session) -> None:
    """Copy the set-up (title, workshop, teams, participants, agenda, self-assessment) of ``edited`` into ``live``.

    What was captured and the clock stay as they are in ``live``. Raises ValueError (one line) and changes
    nothing when the result would not be a valid session (e.g. an entry captured meanwhile refers to a
    team that the edit removed).
    """
    data = live.model_dump()
    for name in SETUP_FIELDS:
        data[name] = edited.model_dump()[name]
    try:
        checked = Session.model_validate(data)
    except ValidationError as error:
        raise ValueError(one_line_error(error)) from None
    for name in SETUP_FIELDS:
        # the whole result is validated above; assigning field by field would check half-changed states
        live.__dict__[name] = getattr(checked, name)
