"""The proposal for the approvers (``c2c proposal``): what an approver reads, and that nothing typed breaks it.

The golden file is the whole proposal of the shipped example. After an intended change, regenerate it and
read the diff before keeping it:

    C2C_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/unit/test_proposal.py
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from test_summary import HOSTILE, PARSER, headings, load_example, tables, text_of, token_types

from c2c_tui.core.model import Session
from c2c_tui.core.proposal_rows import Candidate
from c2c_tui.core.series_rows import Review
from c2c_tui.core.setup import new_session
from c2c_tui.core.store import load, save
from c2c_tui.core.summary.proposal import render_proposal, render_proposal_html

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "cooling-valmora-proposal.md"
NOW = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)

EXAMPLE_OUTLINE = [
    ("h1", "Valmora: keeping vulnerable residents safe in extreme heat"),
    ("h2", "Purpose"),
    ("h2", "The challenge"),
    ("h2", "What we hope to gain"),
    ("h2", "Who we could hold it with"),
    ("h3", "Candidate advisor cities and organisations, and why each"),
    ("h3", "Already agreed to take part"),
    ("h2", "How it will be held"),
    ("h3", "Logistics"),
    ("h3", "Agenda"),
    ("h2", "Who takes part"),
    ("h2", "Before the workshop"),
    ("h3", "What will be shared beforehand"),
    ("h3", "The advisors' questions so far"),
]


def items(markdown: str) -> list[str]:
    """The text of every paragraph and list item, as a reader sees it."""
    return [text_of(t) for t in PARSER.parse(markdown) if t.type == "inline"]


def todo(markdown: str) -> list[str]:
    """The items under "Still to be decided" (the last section but the footer)."""
    if "## Still to be decided" not in markdown:
        return []
    section = markdown.split("## Still to be decided\n\n", 1)[1].split("\n\n", 1)[0]
    return [line.removeprefix("- ") for line in section.splitlines()]


# -- the example, as an approver reads it -----------------------------------------------------------


def test_proposal_of_the_example_matches_the_golden_file() -> None:
    markdown = render_proposal(load_example(), NOW)
    if os.environ.get("C2C_REGEN_GOLDEN"):
        GOLDEN.write_text(markdown, encoding="utf-8")
    assert markdown == GOLDEN.read_text(encoding="utf-8")


def test_example_reads_in_the_order_an_approver_needs() -> None:
    markdown = render_proposal(load_example(), NOW)
    assert headings(markdown) == EXAMPLE_OUTLINE
    assert todo(markdown) == []  # everything is filled in: nothing left to decide
    assert markdown.rstrip().endswith("*prepared with c2c · 2026-10-01*")


def test_example_header_says_when_where_and_how_long() -> None:
    markdown = render_proposal(load_example(), NOW)
    assert (
        "**Date:** Thursday 12 November 2026 · **Time:** 15:00–16:30 (1 h 30, Europe/Lisbon time) · "
        "**Place:** Valmora Central Library, Room 3 (Phoenix team online) · **Mode:** hybrid"
    ) in markdown
    assert "**Seeking team:** Valmora City Council" in markdown


def test_example_says_what_the_city_hopes_to_gain_and_with_whom() -> None:
    found = items(render_proposal(load_example(), NOW))
    assert any(i.startswith("A short list of heat-health measures that worked") for i in found)
    assert (
        "Seville (Ayuntamiento de Sevilla, Climate Adaptation): Runs a heat-health plan with named cool"
        " spaces and a phone round to older residents living alone. — contact: Ana Ruiz, Climate"
        " Adaptation Officer"
    ) in found
    assert any(i.startswith("Lyon (Métropole de Lyon): A register of vulnerable residents") for i in found)
    assert "Phoenix Office of Heat Response (Advisor team, Phoenix)" in found
    assert any(i.startswith("Room 3 of the Central Library, booked 14:30-17:00") for i in found)


def test_example_agenda_has_the_times_of_day() -> None:
    agenda = tables(render_proposal(load_example(), NOW))[0]
    assert agenda[0] == ["Time", "Part", "Minutes", "Note"]
    assert [row[0] for row in agenda[1:]] == [
        "15:00–15:10",
        "15:10–15:25",
        "15:25–15:55",
        "15:55–16:15",
        "16:15–16:30",
        "15:00–16:30",
    ]
    assert agenda[3][1:] == [
        "Part 2 · Advisors: surprises and gaps",
        "30",
        "Seville first, then Phoenix; the Public Health Lab last",
    ]
    assert agenda[-1][1:3] == ["Total", "90"]


def test_example_lists_who_takes_part_and_what_is_shared_before() -> None:
    found = items(render_proposal(load_example(), NOW))
    assert "4 teams, 9 people." in found
    assert "Maria Okafor — Head of Community Resilience, Valmora City Council" in found
    assert (
        "Valmora City Council (Seeking team, Valmora) — Valmora City Council, Community Resilience" in found
    )
    assert "Library opening hours and the summer staffing plan" in found
    assert "Answer: None after 5 pm; one on Saturday mornings." in found


# -- a bare new session: nothing blank, everything missing named ----------------------------------


def test_a_new_session_has_no_empty_heading_and_names_what_is_missing() -> None:
    markdown = render_proposal(new_session("Heat plan", now=NOW), NOW)
    assert headings(markdown) == [
        ("h1", "Heat plan"),
        ("h2", "How it will be held"),
        ("h3", "Agenda"),
        ("h2", "Still to be decided"),
    ]
    assert "**Date:** to be decided · **Time:** to be decided (1 h 30) · **Place:** to be decided" in markdown
    assert todo(markdown) == [
        "the purpose: why we want to hold it",
        "the challenge, in the Seeking team's words",
        "what we hope to gain from it",
        "the candidate advisor cities or organisations, and why each",
        "the date",
        "the start time",
        "the place",
        "the facilitator",
        "the note-taker",
        "the logistics (rooms, travel, video link, interpretation, costs)",
        "the teams and the people taking part",
        "what will be shared beforehand",
    ]


def test_without_a_start_time_the_agenda_says_so_and_has_no_times() -> None:
    session = load_example()
    session.workshop.start_time = None
    markdown = render_proposal(session, NOW)
    assert "The start time is not set yet: the times of day follow once it is." in markdown
    assert tables(markdown)[0][0] == ["Part", "Minutes", "Note"]
    assert "the start time" in todo(markdown)
    assert "**Time:** to be decided (1 h 30)" in markdown


def test_only_advisor_teams_and_no_candidates_still_says_with_whom() -> None:
    session = load_example()
    session.workshop.candidates = None
    markdown = render_proposal(session, NOW)
    assert ("h3", "Candidate advisor cities and organisations, and why each") not in headings(markdown)
    assert ("h3", "Already agreed to take part") in headings(markdown)
    assert todo(markdown) == []


def test_a_start_near_midnight_says_the_next_day() -> None:
    session = load_example()
    session.workshop.start_time = "23:30"
    agenda = tables(render_proposal(session, NOW))[0]
    assert agenda[-1][0] == "23:30–01:00 +1d"


# -- a follow-on workshop -----------------------------------------------------------------------------


def test_a_follow_on_says_what_came_of_the_last_workshop() -> None:
    session = load_example()
    session.workshop.after = "first.toml"
    session.reviews = [
        Review(file="first.toml", item="a1", text="Draft the cool-spaces plan", outcome="done"),
        Review(
            file="first.toml",
            item="a2",
            text="Link the two registers",
            outcome="in_progress",
            owner="Daniel Mbeki",
            due=date(2027, 2, 1),
        ),
        Review(file="first.toml", item="a3", text="Same-day alerts"),
        Review(file="first.toml", kind="follow_up", item="e9", text="Seville's phone-round script"),
    ]
    markdown = render_proposal(session, NOW)
    outline = headings(markdown)
    assert outline[-2:] == [("h2", "What came of the last workshop"), ("h3", "Still open, to take forward")]
    found = items(markdown)
    assert "This workshop follows the one in first.toml." in found
    assert "4 items carried from earlier workshops: 1 done, 1 in progress, 2 still open." in found
    assert "Link the two registers (action, in progress) — Daniel Mbeki, 2027-02-01" in found
    assert "Seville's phone-round script (offer, open)" in found
    assert not any("Draft the cool-spaces plan" in i for i in found)  # done: counted, not listed


def test_a_follow_on_with_nothing_carried_says_so() -> None:
    session = load_example()
    session.workshop.after = "first.toml"
    markdown = render_proposal(session, NOW)
    assert "Nothing was left open there." in items(markdown)


# -- whatever users typed ---------------------------------------------------------------------------


def hostile_copy(text: str) -> Session:
    """The example with every piece of user text the proposal shows replaced by ``text``."""
    s = load_example()
    name = text if text.strip() else "x"
    s.title = name
    w = s.workshop
    w.purpose = w.challenge = w.hopes = w.logistics = w.place = w.facilitator = w.note_taker = text
    w.shared_before = [text]
    w.candidates = [Candidate(city=name, organisation=text, why=text, contact=text)]
    for q in w.pre_questions:
        q.text, q.answer = text, text
    for team in s.teams:
        team.name, team.city, team.organisation = name, text, text
    for p in s.participants:
        p.name, p.role, p.organisation = name, text, text
    for item in s.agenda:
        item.note = text
    return s


def _plain() -> str:
    return render_proposal(hostile_copy("plain words"), NOW)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_never_changes_the_structure(text: str) -> None:
    markdown = render_proposal(hostile_copy(text), NOW)
    plain = _plain()
    outline = headings(markdown)[1:]
    expected = headings(plain)[1:]
    if not text.strip():  # empty text: the sections of block text are left out and named as missing
        expected = [h for h in expected if h not in (("h2", "Purpose"), ("h2", "The challenge"))]
        expected = [h for h in expected if h not in (("h2", "What we hope to gain"), ("h3", "Logistics"))]
        expected = [h for h in expected if h[1] != "What will be shared beforehand"]
        expected.append(("h2", "Still to be decided"))
    assert outline == expected
    width = 4 if text.strip() else 3  # the agenda's Note column only when a phase has a note
    assert [[len(r) for r in t] for t in tables(markdown)] == [[width] * 7]
    made = token_types(markdown) - token_types(plain) - {"hardbreak"}  # a line break typed stays one
    assert not made, f"user text made {made}"
    assert "\x1b" not in markdown and "\x00" not in markdown


@pytest.mark.parametrize("text", [t for t in HOSTILE if t.strip() and "\n" not in t and "\r" not in t])
def test_hostile_text_reads_exactly_as_typed_in_the_agenda(text: str) -> None:
    from test_summary import one_line

    agenda = tables(render_proposal(hostile_copy(text), NOW))[0]
    assert agenda[1][3] == one_line(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_html_never_passes_user_markup_through(text: str) -> None:
    page = render_proposal_html(hostile_copy(text), NOW)
    assert page.startswith('<!doctype html>\n<html lang="en">')
    assert page.rstrip().endswith("</html>")
    for tag in ("<script", "<b>", "<div>", "<!--", "<a ", "<img"):
        assert tag not in page
    assert "\x1b" not in page


def test_html_title_says_proposal_and_is_escaped() -> None:
    session = load_example()
    session.title = "Heat <b>plan</b> & co"
    page = render_proposal_html(session, NOW)
    assert "<title>Proposal: Heat &lt;b&gt;plan&lt;/b&gt; &amp; co</title>" in page
    assert "<h2>What we hope to gain</h2>" in page and "<table>" in page


# -- the new fields in the file -----------------------------------------------------------------------


def test_a_candidate_names_a_city_or_an_organisation() -> None:
    with pytest.raises(ValidationError, match="names a city or an organisation"):
        Candidate(why="they did it")
    assert Candidate(organisation="C40 Cities").name == "C40 Cities"
    assert Candidate(city="Lyon", organisation="Métropole").name == "Lyon (Métropole)"


def test_the_new_fields_round_trip_and_a_file_without_them_stays_without(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    save(path, new_session("Heat plan", now=NOW))
    text = path.read_text(encoding="utf-8")
    assert "hopes" not in text and "candidates" not in text and "logistics" not in text
    session = load(path)
    session.workshop.hopes = "Options | and # owners"
    session.workshop.logistics = "Room 3"
    session.workshop.candidates = [Candidate(city="Seville", why="heat plan")]
    save(path, session)
    again = load(path)
    assert again.workshop.hopes == "Options | and # owners"
    assert again.workshop.logistics == "Room 3"
    assert again.workshop.candidates == [Candidate(city="Seville", why="heat plan")]
    assert "[[workshop.candidates]]" in path.read_text(encoding="utf-8")


def test_an_unknown_field_in_a_candidate_is_refused(tmp_path: Path) -> None:
    from c2c_tui.core.store import SessionError

    path = tmp_path / "w.toml"
    save(path, new_session("Heat plan", now=NOW))
    with path.open("a", encoding="utf-8") as f:
        f.write('\n[[workshop.candidates]]\ncity = "Lyon"\nwhy_ = "typo"\n')
    with pytest.raises(SessionError, match="why_"):
        load(path)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(st.text(max_size=40), min_size=4, max_size=4))
def test_any_text_in_the_proposal_fields_keeps_the_outline_and_the_agenda(texts: list[str]) -> None:
    hopes, city, why, note = texts
    session = load_example()
    session.workshop.hopes = "Same-day alerts " + hopes  # never blank: the section stays
    session.workshop.candidates = [Candidate(city="x" + city, why=why)]
    session.agenda[1].note = note
    markdown = render_proposal(session, NOW)
    assert [tag for tag, _ in headings(markdown)] == [tag for tag, _ in EXAMPLE_OUTLINE]
    assert [[len(r) for r in t] for t in tables(markdown)] == [[4] * 7]
    assert not token_types(markdown) & {
        "html_block",
        "html_inline",
        "link_open",
        "image",
        "code_block",
        "fence",
    }


def test_a_blank_team_name_is_still_a_named_item() -> None:
    session = load_example()
    session.teams[1].name = "   "
    found = items(render_proposal(session, NOW))
    assert "(unnamed team) (Advisor team, Seville)" in found
