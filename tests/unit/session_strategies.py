"""Hypothesis strategies for valid sessions: any text users may type (unicode, brackets, quotes, newlines,
control characters, emoji), consistent team references, every clock event kind, and with ``pre_work`` a
self-assessment. Reusable by other tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import strategies as st

from c2c_tui.core.assessment_rows import Assessment, AssessmentArea
from c2c_tui.core.model import (
    ACTION_STATUSES,
    ENTRY_KINDS,
    MOSCOW,
    PHASE_IDS,
    Action,
    AgendaItem,
    ClockEvent,
    Entry,
    Option,
    Participant,
    PreQuestion,
    Session,
    Settings,
    Team,
    Workshop,
)

TRICKY = [
    "",
    "[/] [b]bold[/b] [@click=app.quit]x[/]",
    '"quoted" \'single\' """triple"""',
    "line one\nline two\r\nthree\ttab",
    "a | b | c # not a heading",
    "\x00\x01\x1b[31mred\x7f",
    "emoji 🌡️🏙️👩🏽‍🔧",
    "Ελληνικά, العربية, 中文, हिन्दी",
    'key = "value"\n[[entries]]\n',
    "\\ backslash \\n not a newline",
    "\u2028\u2029\ufeff",
]
texts = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=30),
    st.sampled_from(TRICKY),
)
names = texts.filter(lambda s: len(s) >= 1)
ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,8}", fullmatch=True)
zones = st.one_of(
    st.none(), st.sampled_from([UTC, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-7))])
)
moments = st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2200, 1, 1), timezones=zones)
days = st.dates()
phases = st.sampled_from(PHASE_IDS)


def maybe(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(st.none(), strategy)


@st.composite
def clock_events(draw: st.DrawFn) -> ClockEvent:
    event = draw(
        st.sampled_from(["start", "pause", "resume", "next", "back", "extend", "rebalance", "finish"])
    )
    minutes = draw(st.integers(-1440, 1440)) if event == "extend" else draw(maybe(st.integers(-1440, 1440)))
    adjust = draw(st.dictionaries(phases, st.integers(-1440, 1440))) if event == "rebalance" else None
    return ClockEvent(
        at=draw(moments), event=event, minutes=minutes, phase=draw(maybe(phases)), adjust=adjust
    )


@st.composite
def sessions(draw: st.DrawFn, max_items: int = 4, pre_work: bool = False) -> Session:
    def many(strategy: st.SearchStrategy) -> list:
        return draw(st.lists(strategy, max_size=max_items))

    team_ids = draw(st.lists(ids, unique=True, max_size=3))
    team = st.sampled_from(team_ids) if team_ids else st.nothing()
    team_ref = maybe(team)
    teams = [
        Team(
            id=i,
            name=draw(names),
            role=draw(st.sampled_from(["seeking", "advisor", "specialist", "facilitation"])),
            city=draw(texts),
            organisation=draw(texts),
        )
        for i in team_ids
    ]
    people = [
        Participant(id=i, name=draw(names), team=draw(team_ref), role=draw(texts), email=draw(texts))
        for i in draw(st.lists(ids, unique=True, max_size=max_items))
    ]
    entries = [
        Entry(
            id=i,
            phase=draw(phases),
            kind=draw(st.sampled_from(ENTRY_KINDS)),
            text=draw(texts),
            team=draw(team_ref),
            speaker=draw(maybe(texts)),
            created=draw(maybe(moments)),
            edited=draw(maybe(moments)),
        )
        for i in draw(st.lists(ids, unique=True, max_size=max_items))
    ]
    options = [
        Option(
            id=i,
            title=draw(texts),
            detail=draw(texts),
            team=draw(team_ref),
            moscow=draw(maybe(st.sampled_from(MOSCOW))),
            impact=draw(maybe(st.integers(1, 5))),
            risk=draw(maybe(st.integers(1, 5))),
            speaker=draw(maybe(texts)),
            created=draw(maybe(moments)),
        )
        for i in draw(st.lists(ids, unique=True, max_size=max_items))
    ]
    actions = [
        Action(
            id=i,
            text=draw(texts),
            owner=draw(texts),
            due=draw(maybe(days)),
            status=draw(st.sampled_from(ACTION_STATUSES)),
            team=draw(team_ref),
            note=draw(texts),
            created=draw(maybe(moments)),
            updated=draw(maybe(moments)),
        )
        for i in draw(st.lists(ids, unique=True, max_size=max_items))
    ]
    workshop = Workshop(
        purpose=draw(texts),
        challenge=draw(texts),
        date=draw(maybe(days)),
        start_time=draw(maybe(st.from_regex(r"([01]\d|2[0-3]):[0-5]\d", fullmatch=True))),
        timezone=draw(
            maybe(st.sampled_from(["Europe/Madrid", "America/Phoenix", "Pacific/Kiritimati", "Etc/GMT+12"]))
        ),
        place=draw(texts),
        mode=draw(st.sampled_from(["in-person", "hybrid", "online"])),
        facilitator=draw(texts),
        note_taker=draw(texts),
        shared_before=many(texts),
        pre_questions=many(st.builds(PreQuestion, text=texts, team=team_ref, answer=maybe(texts))),
    )
    area_names = names.filter(lambda s: bool(s.strip()) and len(s.splitlines()) == 1)
    area_list = [  # only when asked for (``pre_work``): the summary's outline tests pin the sections
        AssessmentArea(id=f"area{n}", name=name, question=draw(texts))
        for n, name in enumerate(
            draw(
                st.lists(
                    area_names,
                    max_size=3 if pre_work else 0,
                    unique_by=lambda s: " ".join(s.split()).casefold(),
                )
            )
        )
    ]
    pairs = [(t, a.id) for t in team_ids for a in area_list]
    scored = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=max_items)) if pairs else []
    assessments = [
        Assessment(team=t, area=a, score=draw(st.integers(1, 5)), note=draw(texts)) for t, a in scored
    ]
    warning = draw(st.integers(0, 3600))
    return Session(
        title=draw(names),
        created=draw(maybe(moments)),
        workshop=workshop,
        settings=Settings(
            warning_seconds=warning, danger_seconds=draw(st.integers(0, warning)), bell=draw(st.booleans())
        ),
        teams=teams,
        participants=people,
        agenda=[AgendaItem(phase=p, minutes=draw(st.integers(1, 1440)), note=draw(texts)) for p in PHASE_IDS],
        clock=many(clock_events()),
        entries=entries,
        options=options,
        actions=actions,
        areas=area_list or (draw(st.sampled_from([None, []])) if pre_work else None),
        assessments=assessments or None,
    )
