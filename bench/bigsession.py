"""A big, realistic workshop for benchmarks and tests: ``big_session(entries, options, actions)``.

Deterministic (seeded): the same arguments give the same session. Every phase has entries of its usual
kinds, attributed to teams and people; options are scored; actions have owners, due dates and statuses;
the clock log is a plausible day (started, a few phases moved on, one extension). Text is varied in
length and has what people type: quotes, brackets, ``|``, ``#``, accents and an emoji now and then.

Run as a script to write one: ``python bench/bigsession.py OUT.toml [ENTRIES]``.
"""

from __future__ import annotations

import random
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from c2c_tui.core.model import (
    ACTION_STATUSES,
    MOSCOW,
    Action,
    ClockEvent,
    Entry,
    Option,
    Participant,
    Session,
    Team,
    Workshop,
)
from c2c_tui.core.phases import phase

START = datetime(2026, 11, 12, 9, 0, tzinfo=UTC)
_TEXT = (
    "cooling centres libraries heat alert older residents living alone phone tree volunteers ward map "
    "opening hours budget pilot evaluation outreach pharmacy GP social care register utility data sharing "
    "consent night-time temperatures shade trees water points transport buses community groups faith "
    "leaders text message radio door-knocking checklist training staff guidance summer season weekend"
)
WORDS = tuple(_TEXT.split(" "))
SPICE = ('"quoted"', "[b]not markup[/b]", "a | b", "#1 priority", "café", "naïve", "🌡️", "50%", "(see p. 4)")
TEAMS = (
    ("valmora", "Valmora City Council", "seeking"),
    ("seville", "Seville City Council", "advisor"),
    ("phoenix", "Phoenix Office of Heat Response", "advisor"),
    ("athens", "Athens Resilience Office", "advisor"),
    ("paris", "Paris Climate Agency", "advisor"),
    ("health", "Regional Public Health", "specialist"),
    ("facil", "Facilitation", "facilitation"),
)
PHASE_SHARE = (("rapport", 0.05), ("context", 0.15), ("insights", 0.45), ("reflect", 0.2), ("agree", 0.15))


def _text(rng: random.Random, low: int = 6, high: int = 24) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), rng.choice(SPICE))
    return " ".join(words).capitalize()


def big_session(
    entries: int = 2000, options: int | None = None, actions: int | None = None, seed: int = 6
) -> Session:
    """A workshop with ``entries`` entries, ``options`` options and ``actions`` actions (default: a tenth)."""
    options = entries // 10 if options is None else options
    actions = entries // 10 if actions is None else actions
    rng = random.Random(seed)
    teams = [Team(id=tid, name=name, role=role, city=name.split()[0]) for tid, name, role in TEAMS]
    people = [
        Participant(
            id=f"p{i}",
            name=f"{rng.choice(('Ana', 'Maria', 'Owen', 'Priya', 'Jonas', 'Leila', 'Kwame'))} {i}",
            team=teams[i % len(teams)].id,
            role=rng.choice(("planner", "officer", "director", "")),
            sector=rng.choice(("health", "housing", "emergency planning", "libraries")),
        )
        for i in range(1, 31)
    ]
    clock = [
        ClockEvent(at=START, event="start"),
        ClockEvent(at=START + timedelta(minutes=10), event="next"),
        ClockEvent(at=START + timedelta(minutes=26), event="next"),
        ClockEvent(at=START + timedelta(minutes=50), event="extend", minutes=5),
    ]
    items: list[Entry] = []
    n = 0
    for phase_id, share in PHASE_SHARE:
        kinds = [k for k in phase(phase_id).kinds if k not in ("option", "action")] or ["note"]
        count = round(entries * share) if phase_id != "agree" else entries - n
        for _ in range(count):
            n += 1
            team = rng.choice(TEAMS)[0] if rng.random() < 0.8 else None
            items.append(
                Entry(
                    id=f"e{n}",
                    phase=phase_id,
                    kind=rng.choice(kinds),
                    text=_text(rng),
                    team=team,
                    speaker=rng.choice(people).name if rng.random() < 0.4 else None,
                    created=START + timedelta(seconds=n * 3),
                )
            )
    return Session(
        title=f"Big workshop: {entries} entries",
        created=START - timedelta(days=20),
        workshop=Workshop(
            purpose=_text(rng, 30, 60),
            challenge="\n\n".join(_text(rng, 30, 60) for _ in range(3)),
            date=START.date(),
            start_time="09:00",
            place="Valmora Central Library",
            mode="hybrid",
            facilitator="Priya Nair",
            note_taker="Owen Hart",
            shared_before=[_text(rng) for _ in range(4)],
        ),
        teams=teams,
        participants=people,
        clock=clock,
        entries=items,
        options=[
            Option(
                id=f"o{i}",
                title=_text(rng, 3, 10),
                detail=_text(rng) if rng.random() < 0.5 else "",
                team=rng.choice(TEAMS[1:5])[0],
                moscow=rng.choice((*MOSCOW, None)),
                impact=rng.choice((None, 1, 2, 3, 4, 5)),
                risk=rng.choice((None, 1, 2, 3, 4, 5)),
                created=START + timedelta(minutes=60, seconds=i),
            )
            for i in range(1, options + 1)
        ],
        actions=[
            Action(
                id=f"a{i}",
                text=_text(rng, 5, 16),
                owner=rng.choice(people).name,
                due=date(2027, 1, 1) + timedelta(days=rng.randrange(180)),
                status=rng.choice(ACTION_STATUSES),
                team=rng.choice(TEAMS)[0],
                created=START + timedelta(minutes=80, seconds=i),
            )
            for i in range(1, actions + 1)
        ],
    )


def main(argv: list[str]) -> int:
    if not argv or len(argv) > 2:
        print("usage: python bench/bigsession.py OUT.toml [ENTRIES]", file=sys.stderr)
        return 2
    from c2c_tui.core.store import save

    out = Path(argv[0])
    save(out, big_session(int(argv[1]) if len(argv) > 1 else 2000))
    print(f"Wrote {out} ({out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
