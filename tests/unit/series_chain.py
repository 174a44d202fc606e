"""A three-workshop chain in a folder: the second reviews the first's items, the third sees what is open.

first.toml  (2026-11-12): actions a1..a4 (a4 dropped), a follow-up offer e1 from Seville.
second.toml (2026-12-10): reviews a1 done, a2 in progress ("draft sent", new owner Ana Ruiz), the offer
                          taken up; a3 is not reviewed; agrees its own action b1.
third.toml  (2027-01-20): carries a2, a3 and second's b1; reviews a2 done.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from c2c_tui.core.followup.followon import find_review, follow_on, record_review
from c2c_tui.core.model import Action, Session
from c2c_tui.core.store import save

T0 = datetime(2026, 11, 12, 9, 0, tzinfo=UTC)
T1 = datetime(2026, 12, 10, 9, 0, tzinfo=UTC)
T2 = datetime(2027, 1, 20, 9, 0, tzinfo=UTC)
TODAY = date(2027, 1, 25)


def first_session(text: str = "") -> Session:
    return Session.model_validate(
        {
            "title": "Heat one" + text,
            "created": T0,
            "workshop": {"date": date(2026, 11, 12), "purpose": "Keep residents safe" + text},
            "teams": [
                {"id": "valmora", "name": "Valmora City Council", "role": "seeking"},
                {"id": "seville", "name": "Seville City Council", "role": "advisor"},
            ],
            "participants": [
                {"id": "p1", "name": "Maria Okafor", "team": "valmora"},
                {"id": "p2", "name": "Ana Ruiz", "team": "seville"},
            ],
            "entries": [
                {
                    "id": "e1",
                    "phase": "agree",
                    "kind": "follow_up",
                    "text": "Seville shares its alert protocol" + text,
                    "team": "seville",
                }
            ],
            "actions": [
                {
                    "id": "a1",
                    "text": "Draft the plan" + text,
                    "owner": "Maria Okafor",
                    "due": date(2026, 12, 15),
                },
                {
                    "id": "a2",
                    "text": "Ask the weather service",
                    "owner": "Maria Okafor",
                    "due": date(2027, 1, 31),
                },
                {"id": "a3", "text": "Book the call", "owner": "Maria Okafor", "due": date(2026, 11, 30)},
                {"id": "a4", "text": "Price bus travel", "status": "dropped", "due": date(2027, 2, 1)},
            ],
        }
    )


def review(session: Session, kind: str, item: str, outcome: str, at: datetime, **more: object) -> None:
    index = find_review(session, kind, item)  # type: ignore[arg-type]
    assert index is not None, (kind, item)
    record_review(session, index, outcome, now=at, **more)  # type: ignore[arg-type]


def build_chain(folder: Path, text: str = "") -> tuple[Path, Path, Path]:
    first, second, third = folder / "first.toml", folder / "second.toml", folder / "third.toml"
    save(first, first_session(text))
    two = follow_on(first, second, title="Heat two", now=T1)
    two.workshop.date = date(2026, 12, 10)
    review(two, "action", "a1", "done", T1 + timedelta(hours=1), note="sent to the board")
    review(two, "action", "a2", "in_progress", T1 + timedelta(hours=1), note="draft sent", owner="Ana Ruiz")
    review(two, "follow_up", "e1", "done", T1 + timedelta(hours=1))
    two.actions.append(Action(id="b1", text="Run the pilot", owner="Ana Ruiz", due=date(2027, 2, 1)))
    save(second, two)
    three = follow_on(second, third, title="Heat three", now=T2)
    three.workshop.date = date(2027, 1, 20)
    review(three, "action", "a2", "done", T2 + timedelta(hours=1))
    save(third, three)
    return first, second, third
