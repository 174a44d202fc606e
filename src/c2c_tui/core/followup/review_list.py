"""What the run app's "Since last time" list shows of a follow-on's carried items (pure).

``progress(rows)`` is "3 of 5 reviewed"; ``cells(row)`` is one row of the list, every text as carried
(the screen neutralises it): the item, its outcome with the note, the owner and due date, the file; ``to_review(session)`` says whether the workshop has items not reviewed yet.
"""

from __future__ import annotations

from ..model import Session
from ..series_rows import Review

OUTCOME_LABELS = {"open": "still open", "in_progress": "in progress", "done": "done", "dropped": "dropped"}
OFFER_LABELS = {**OUTCOME_LABELS, "done": "taken up", "dropped": "not taken up"}


def outcome_label(row: Review) -> str:
    """How a row's outcome reads; "not reviewed" before this workshop's review of it."""
    labels = OFFER_LABELS if row.kind == "follow_up" else OUTCOME_LABELS
    word = labels.get(row.outcome, row.outcome)
    if not row.reviewed:
        return "not reviewed" if row.outcome == "open" else f"was {word}"  # as the last review left it
    return word


def progress(rows: list[Review]) -> str:
    reviewed = sum(1 for row in rows if row.reviewed)
    return f"{reviewed} of {len(rows)} reviewed"


def to_review(session: Session) -> int:
    """How many carried items are not reviewed yet in this workshop."""
    return sum(1 for row in session.reviews or () if not row.reviewed)


def cells(row: Review) -> tuple[str, str, str, str]:
    """(item, outcome and note, owner and due, from) for one carried row; an offer says so."""
    item = f"offer: {row.text}" if row.kind == "follow_up" else row.text
    outcome = outcome_label(row)
    if row.note:
        outcome += f": {row.note}"
    who = " · ".join(x for x in (row.owner or "", row.due.isoformat() if row.due else "") if x)
    return item, outcome, who, row.file
