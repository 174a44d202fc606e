"""Ranking options (MoSCoW, then impact, then risk) and placing them on the impact-vs-risk grid.

Pure functions, shared by the summary and the app's options and matrix views.
Impact and risk are scored 1-5; 3 and above counts as high (for risk that is the cautious reading).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .model import MOSCOW, Option

HIGH = 3  # a score of 3 or more is "high"

MOSCOW_LABELS: dict[str | None, str] = {
    "must": "Must",
    "should": "Should",
    "could": "Could",
    "wont": "Won't",
    None: "–",
}


@dataclass(frozen=True)
class Quadrant:
    key: str
    label: str
    description: str
    high_impact: bool
    high_risk: bool


QUADRANTS: tuple[Quadrant, ...] = (
    Quadrant("do_first", "Do first", "high impact, low risk", True, False),
    Quadrant("plan", "Plan carefully", "high impact, high risk", True, True),
    Quadrant("nice", "Nice to have", "low impact, low risk", False, False),
    Quadrant("avoid", "Think twice", "low impact, high risk", False, True),
)


def _key(pair: tuple[int, Option]) -> tuple[int, bool, int, bool, int, int]:
    position, option = pair
    moscow = MOSCOW.index(option.moscow) if option.moscow is not None else len(MOSCOW)
    return (
        moscow,
        option.impact is None,
        -(option.impact or 0),
        option.risk is None,
        option.risk or 0,
        position,
    )


def ranked(options: Sequence[Option]) -> list[Option]:
    """Must, should, could, won't, then unset; within each, higher impact first, then lower risk.

    Unscored impact or risk sorts after scored ones; ties keep the order of capture.
    """
    return [option for _, option in sorted(enumerate(options), key=_key)]


def quadrant(option: Option) -> Quadrant | None:
    """Where the option sits on the impact-vs-risk grid; ``None`` until both are scored."""
    if option.impact is None or option.risk is None:
        return None
    high_impact, high_risk = option.impact >= HIGH, option.risk >= HIGH
    return next(q for q in QUADRANTS if q.high_impact == high_impact and q.high_risk == high_risk)
