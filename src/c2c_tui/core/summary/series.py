"""The summary's sections for a series: "Since last time" (a follow-on workshop) and "Feedback".

Both are empty strings when a session has nothing for them, so a summary without a review or feedback
is exactly what it was before. User text goes through ``mdtext`` (literal whatever was typed).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Protocol

from ..model import Entry, Session
from ..series_rows import Review
from ..text import mdtext as md

OUTCOME_LABELS = {"open": "still open", "in_progress": "in progress", "done": "done", "dropped": "dropped"}
OFFER_LABELS = {
    "open": "not yet taken up",
    "in_progress": "in progress",
    "done": "taken up",
    "dropped": "not taken up",
}


def outcome_label(row: Review) -> str:
    return (OFFER_LABELS if row.kind == "follow_up" else OUTCOME_LABELS)[row.outcome]


def _from(row: Review) -> str:
    return PurePosixPath(row.file.replace("\\", "/")).stem or row.file


def _row_cells(row: Review) -> list[str]:
    return [
        md.cell(row.text or row.item),
        "offer" if row.kind == "follow_up" else "action",
        md.cell(_from(row)),
        outcome_label(row),
        md.cell(row.owner or ""),
        row.due.isoformat() if row.due else "",
        md.cell(row.note),
    ]


def since_section(session: Session) -> str:
    """What was reviewed from the earlier workshops and its outcome, then what is still open."""
    rows = session.reviews or []
    if session.workshop.after is None and not rows:
        return ""
    out = ["## Since last time"]
    after = session.workshop.after
    if after is not None:
        out.append(f"This workshop follows the one in {md.inline(after)}.")
    reviewed = [r for r in rows if r.reviewed and r.outcome != "open"]
    still = [r for r in rows if not r.reviewed or r.outcome == "open"]
    headers = ["Item", "Kind", "From", "Outcome", "New owner", "New due", "Note"]
    out.append("### Reviewed")
    out.append(
        md.table(headers, [_row_cells(r) for r in reviewed]) if reviewed else "*(nothing reviewed yet)*"
    )
    out.append("### Still open")
    if still:
        lines = []
        for r in still:
            extra = [x for x in (md.inline(r.owner or ""), r.due.isoformat() if r.due else "") if x]
            suffix = f" — *{', '.join(extra)}*" if extra else ""
            label = "offer, " if r.kind == "follow_up" else ""
            lines.append(md.item(r.text or r.item, suffix=f" ({label}from {md.inline(_from(r))}){suffix}"))
        out.append("\n".join(lines))
    else:
        out.append("*(nothing left open)*")
    return "\n\n".join(out)


class Scored(Protocol):
    """An entry as far as a score goes (a session's, or one of a folder outline's)."""

    @property
    def kind(self) -> str: ...
    @property
    def score(self) -> int | None: ...


def scores(entries: Sequence[Scored]) -> Counter[int]:
    return Counter(e.score for e in entries if e.kind == "feedback_useful" and e.score is not None)


def score_line(counts: Counter[int]) -> str:
    """e.g. "4.2 of 5 from 6 people (5: 3, 4: 2, 3: 1)"; "" when nobody gave a score."""
    n = sum(counts.values())
    if not n:
        return ""
    mean = sum(k * v for k, v in counts.items()) / n
    spread = ", ".join(f"{k}: {counts[k]}" for k in sorted(counts, reverse=True))
    return f"{mean:.1f} of 5 from {n} {'person' if n == 1 else 'people'} ({spread})"


def _who(session: Session, entry: Entry) -> str:
    who = [md.inline(session.team_name(entry.team)), md.inline(entry.speaker or "")]
    text = ", ".join(w for w in who if w)
    return f" — *{text}*" if text else ""


def feedback_section(session: Session) -> str:
    """How useful it was (scores), what to keep, what to change; "" when no feedback was captured."""
    entries = [e for e in session.entries if e.kind.startswith("feedback_")]
    if not entries:
        return ""
    out = ["## Feedback"]
    line = score_line(scores(entries))
    out.append(f"**How useful it was:** {line}" if line else "**How useful it was:** *(no score given)*")
    useful = [e for e in entries if e.kind == "feedback_useful" and e.text.strip()]
    if useful:
        out.append(
            "\n".join(
                md.item(e.text, suffix=(f" ({e.score}/5)" if e.score else "") + _who(session, e))
                for e in useful
            )
        )
    for kind, title in (("feedback_keep", "What to keep"), ("feedback_change", "What to change")):
        mine = [e for e in entries if e.kind == kind]
        out.append(f"### {title}")
        out.append("\n".join(md.item(e.text, suffix=_who(session, e)) for e in mine) or "*(none)*")
    return "\n\n".join(out)
