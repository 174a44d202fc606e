"""The digest at the top of the summary: what a busy reader forwards, on the first printed page.

* the purpose in one line (its text on one line, cut at a word near ``PURPOSE_CHARS`` with an ellipsis; the
  whole purpose follows in its own section);
* the top options: the Must options (at most ``MUST_SHOWN``), else the best ranked Should or Could options
  (at most ``BEST_SHOWN``), in the summary's own ranking, so their numbers are the options table's ranks; a
  Won't or an unrated option is never a top option;
* every action with its owner and due date (or "no owner" / "no due date"): the ones still open first, soonest
  due first, then the done and the dropped ones, each with its status;
* the next workshop, when a later session in the same folder follows this one (``NextWorkshop``; the store
  finds it beside the file).

All user text goes through ``mdtext``, like the rest of the summary.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..model import Action, Option, Session
from ..prioritise import MOSCOW_LABELS, ranked
from ..text import mdtext as md

TITLE = "In brief"
PURPOSE_CHARS = 280
MUST_SHOWN = 5
BEST_SHOWN = 3
_STATUS_ORDER = {"open": 0, "done": 1, "dropped": 2}


@dataclass(frozen=True)
class NextWorkshop:
    """A later workshop that follows this one (its ``[workshop] after`` names it), as the digest shows it."""

    title: str
    date: date | None
    file: str  # its file name, in the same folder


def purpose_line(text: str, limit: int = PURPOSE_CHARS) -> str:
    """The purpose on one line (plain text, not yet escaped), cut at a word before ``limit`` with "…"."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-") + "…"


def top_options(options: list[Option]) -> tuple[list[Option], str]:
    """The options the digest names, and how they were chosen (words for the reader)."""
    order = ranked(options)
    musts = [o for o in order if o.moscow == "must"]
    if musts:
        if len(musts) <= MUST_SHOWN:
            return musts, "the Must options"
        return musts[:MUST_SHOWN], f"the first {MUST_SHOWN} of {len(musts)} Must options"
    best = [o for o in order if o.moscow in ("should", "could")][:BEST_SHOWN]
    return best, "none is a Must yet: the best ranked"


def _option_line(session: Session, rank: int, option: Option) -> str:
    team = md.inline(session.team_name(option.team))
    facts = [f"*{team}*"] if team else []
    facts.append(MOSCOW_LABELS[option.moscow])
    if option.impact is not None:
        facts.append(f"impact {option.impact}")
    if option.risk is not None:
        facts.append(f"risk {option.risk}")
    return f"{rank}. {md.inline(option.title) or '(untitled)'} — " + " · ".join(facts)


def options_part(session: Session) -> str:
    if not session.options:
        return "**Top options:** *(no options captured)*"
    chosen, how = top_options(session.options)
    n = len(session.options)
    every = "the one option is" if n == 1 else f"all {n} are"
    if not chosen:
        return f"**Top options:** *(none is rated Must, Should or Could yet; {every} in Part 3)*"
    lines = [_option_line(session, rank, o) for rank, o in enumerate(chosen, start=1)]
    return f"**Top options** ({how}; {every} ranked in Part 3):\n\n" + "\n".join(lines)


def _action_key(action: Action) -> tuple[int, date]:
    return _STATUS_ORDER.get(action.status, 0), action.due or date.max


def _action_line(action: Action) -> str:
    owner = f"**{md.inline(action.owner)}**" if md.inline(action.owner) else "*no owner*"
    due = f"due {action.due.isoformat()}" if action.due else "*no due date*"
    status = "" if action.status == "open" else f", {action.status}"
    return md.item(action.text or "(no text)", suffix=f" — {owner}, {due}{status}")


def actions_part(session: Session) -> str:
    actions = session.actions
    if not actions:
        return "**Actions:** *(no actions agreed)*"
    counts = [
        f"{n} {status}" for status in _STATUS_ORDER if (n := sum(1 for a in actions if a.status == status))
    ]
    lines = [_action_line(a) for a in sorted(actions, key=_action_key)]
    return f"**Actions** ({len(actions)}: {', '.join(counts)}):\n\n" + "\n".join(lines)


def next_part(upcoming: NextWorkshop | None, long_date: Callable[[date], str]) -> str:
    if upcoming is None:
        return ""
    when = long_date(upcoming.date) if upcoming.date else "date not set"
    title = md.inline(upcoming.title) or "(untitled)"
    return f"**Next workshop:** {title}, {when} ({md.inline(upcoming.file)})"


def digest(session: Session, upcoming: NextWorkshop | None, long_date: Callable[[date], str]) -> str:
    """The "In brief" section (markdown, safe whatever users typed)."""
    purpose = md.inline(purpose_line(session.workshop.purpose)) or "*(not written yet)*"
    parts = [
        f"## {TITLE}",
        f"**Purpose:** {purpose}",
        options_part(session),
        actions_part(session),
        next_part(upcoming, long_date),
    ]
    return "\n\n".join(p for p in parts if p)
