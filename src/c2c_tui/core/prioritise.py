"""Ranking options (MoSCoW, then impact, then risk) and placing them on the impact-vs-risk grid.

Pure functions, shared by the summary and the app's options and matrix views.
Impact and risk are scored 1-5; 3 and above counts as high (for risk that is the cautious reading).
An option's number is its rank (1 = highest priority): the options table and the 2x2 show the same one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import MOSCOW, Option
from .text.textcells import fit

HIGH = 3  # a score of 3 or more is "high"
PACK_SEP = " · "

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


def ranks(options: Sequence[Option]) -> dict[str, int]:
    """Each option's rank by id, 1 for the highest priority (the number the table and the 2x2 show)."""
    return {option.id: rank for rank, option in enumerate(ranked(options), start=1)}


def held_order(ranked_ids: Sequence[str], shown: Iterable[str]) -> list[str]:
    """The ids of ``ranked_ids`` in the order they are ``shown`` now, the ones not shown yet after them.

    While the facilitator rates down the list, rows keep their places (a rating never moves a row);
    gone ids drop out, new ones (a capture, an undone delete) follow in rank order.
    """
    wanted = set(ranked_ids)
    kept = [key for key in dict.fromkeys(shown) if key in wanted]
    placed = set(kept)
    return kept + [key for key in ranked_ids if key not in placed]


PACKED_MIN = 8  # the narrowest "3 Title…" worth packing several to a line


def fit_lines(numbered: Sequence[tuple[int, str]], rows: int, width: int) -> list[str]:
    """One quadrant's options in ``rows`` lines of ``width`` columns, each "3 Title" (the rank, the title).

    One option a line when they fit; otherwise several to a line ("1 Librar… · 2 Same-d…") while each
    keeps at least a few letters; past that the last line says "+N more: 5 7-9", so every option stays
    findable by its number however small the quadrant. No rows gives no lines; no options gives "–".
    """
    if rows <= 0:
        return []
    if not numbered:
        return ["–"]
    labels = [f"{number} {title}" for number, title in numbered]
    if len(labels) <= rows:
        return [fit(label, width) for label in labels]
    per_line = -(-len(labels) // rows)
    each = (width - len(PACK_SEP) * (per_line - 1)) // per_line
    if each >= PACKED_MIN:
        return [
            PACK_SEP.join(fit(label, each) for label in labels[start : start + per_line])
            for start in range(0, len(labels), per_line)
        ]
    shown = [fit(label, width) for label in labels[: rows - 1]]
    rest = numbered[rows - 1 :]
    return shown + [fit(f"+{len(rest)} more: " + number_runs([number for number, _ in rest]), width)]


def number_runs(numbers: Sequence[int]) -> str:
    """Numbers, runs of three or more written as a range: [1, 2, 3, 5, 7, 8] -> "1-3 5 7 8"."""
    out: list[str] = []
    values = sorted(set(numbers))
    start = 0
    while start < len(values):
        end = start
        while end + 1 < len(values) and values[end + 1] == values[end] + 1:
            end += 1
        if end - start >= 2:
            out.append(f"{values[start]}-{values[end]}")
        else:
            out += [str(v) for v in values[start : end + 1]]
        start = end + 1
    return " ".join(out)
