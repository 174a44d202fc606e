"""The workshop summary: what a reader gets, and that nothing typed can break its structure.

The golden file is the whole markdown summary of the shipped example. After an intended change, regenerate
it and read the diff before keeping it:

    C2C_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/unit/test_summary.py
"""

from __future__ import annotations

import os
import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from session_strategies import sessions

from c2c_tui.core import clock
from c2c_tui.core.model import Entry, Option, Session
from c2c_tui.core.phases import PHASES
from c2c_tui.core.prioritise import quadrant, ranked
from c2c_tui.core.summary import render_html, render_markdown
from c2c_tui.core.text import mdtext
from c2c_tui.core.text.neutral import shown

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "sessions" / "cooling-valmora.toml"
GOLDEN = ROOT / "tests" / "golden" / "cooling-valmora.md"
NOW = datetime(2026, 11, 12, 16, 45, tzinfo=UTC)
PARSER = MarkdownIt("commonmark").enable("table")

HOSTILE = [
    "| a | b |\n|---|---|",
    "# a heading",
    "## closed ##",
    "Title\n===",
    "*bold* _em_ **strong** ~~gone~~",
    "[x](http://example.com) ![img](y.png) <http://auto.link>",
    "<b>bold</b>",
    "<script>alert(1)</script>",
    "<div>\n\nblock html",
    "<!-- comment -->",
    "```\nfenced\n```",
    "~~~ tilde fence",
    "    indented code",
    "> a quote",
    "- a\n- list",
    "1. one\n2) two",
    "* * *",
    "---",
    "+ plus",
    ":---|---:",
    "[/] [link=app.quit] [@click=app.quit]x[/]",
    "[ref]: /url",
    "[^1]: footnote",
    "a\\\nb \\ trailing\\",
    "&amp; &#60; &lt;b&gt;",
    "$x^2$ costs $5",
    "line one\nline two\r\nthree\rfour\u2028five",
    "emoji 🌡️🏙️👩🏽‍🔧",
    "\x1b[31mred\x1b[0m \x00 \x7f bell\x07",
    "מים קרים \u200fRTL\u200f مرحبا بالعالم \u202eevil\u202c",
    "",
    "   ",
    "#",
    "1.",
    "|",
]


def load_example() -> Session:
    with EXAMPLE.open("rb") as f:
        return Session.model_validate(tomllib.load(f))


def text_of(inline: Token) -> str:
    """The plain text a reader sees in an inline token (escapes resolved)."""
    out = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
    return "".join(out)


def headings(markdown: str) -> list[tuple[str, str]]:
    tokens = PARSER.parse(markdown)
    return [(t.tag, text_of(tokens[i + 1])) for i, t in enumerate(tokens) if t.type == "heading_open"]


def tables(markdown: str) -> list[list[list[str]]]:
    """Every table as rows of cell texts (header row first)."""
    out: list[list[list[str]]] = []
    rows: list[list[str]] = []
    tokens = PARSER.parse(markdown)
    for i, t in enumerate(tokens):
        if t.type == "table_open":
            rows = []
        elif t.type == "tr_open":
            rows.append([])
        elif t.type == "inline" and tokens[i - 1].type in ("th_open", "td_open"):
            rows[-1].append(text_of(t))
        elif t.type == "table_close":
            out.append(rows)
    return out


def token_types(markdown: str) -> set[str]:
    types = set()
    for t in PARSER.parse(markdown):
        types.add(t.type)
        types.update(c.type for c in t.children or [])
    return types


def one_line(text: str) -> str:
    """What a reader sees of user text on one line: lines joined, control characters and bidi overrides
    neutralised (``neutral.shown``; tabs stay)."""
    return shown(" ".join(mdtext.lines(text)), lines=True)


def expected_headings(session: Session) -> list[tuple[str, str]]:
    """The heading outline for a session like the example (every advisor heard, a note in parts 2 and 4)."""
    titles = {p.id: p.title for p in PHASES}
    out = [("h1", one_line(session.title) or "(untitled)")]
    out += [("h2", t) for t in ("In brief", "Purpose", "Challenge", "Teams and participants")]
    out += [("h2", "Before the workshop")]
    out += [("h3", "What was shared beforehand"), ("h3", "Advisors' pre-questions")]
    if session.assessments:
        out += [("h2", "Before the workshop: self-assessment")]
    out += [
        ("h2", "Timing"),
        ("h2", titles["rapport"]),
        ("h2", titles["context"]),
        ("h2", titles["insights"]),
    ]
    for team in session.teams:
        if team.role in ("advisor", "specialist"):
            out.append(
                (
                    "h3",
                    one_line(f"{team.name} ({'advisor team' if team.role == 'advisor' else 'specialist'})"),
                )
            )
    out += [("h3", "Seeking team: ideas, questions and contacts"), ("h3", "Other items")]
    out += [("h2", titles["reflect"]), ("h3", "Options ranked"), ("h3", "Impact vs risk")]
    out += [("h3", "Considerations and notes"), ("h2", titles["agree"]), ("h3", "Actions")]
    out += [("h3", "Follow-up offers"), ("h3", "Other items")]
    return out


def headed(found: list[list[list[str]]], first: str) -> list[list[str]]:
    """The first of ``found`` whose header row starts with ``first`` (tables move as sections are added)."""
    return next(table for table in found if table[0][0] == first)


def table_shapes(markdown: str) -> list[list[int]]:
    return [[len(row) for row in table] for table in tables(markdown)]


# -- the example, as a reader gets it --------------------------------------------------------------


def test_summary_of_the_example_matches_the_golden_file() -> None:
    markdown = render_markdown(load_example(), NOW)
    if os.environ.get("C2C_REGEN_GOLDEN"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(markdown, encoding="utf-8")
    assert markdown == GOLDEN.read_text(encoding="utf-8")


def test_example_has_the_sections_in_order() -> None:
    session = load_example()
    assert headings(render_markdown(session, NOW)) == expected_headings(session)


def test_header_names_date_place_mode_and_people() -> None:
    markdown = render_markdown(load_example(), NOW)
    assert "**Date:** Thursday 12 November 2026, 15:00" in markdown
    assert "**Mode:** hybrid" in markdown
    assert "**Facilitator:** Priya Nair · **Note-taker:** Owen Hart" in markdown
    assert markdown.rstrip().endswith("*generated by c2c · 2026-11-12 16:45 WET*")


def test_entries_show_team_and_speaker_after_the_text() -> None:
    markdown = render_markdown(load_example(), NOW)
    assert (
        "- Heat alerts go out 24-36 hours after the national warning: too late to organise anything"
        " — *Seville City Council, Ana*"
    ) in markdown


def test_participants_are_counted_by_sector() -> None:
    markdown = render_markdown(load_example(), NOW)
    assert "**Participants by sector**\n\n- local government: 4\n- academia: 1\n" in markdown


def test_markup_like_text_in_a_note_stays_literal() -> None:
    session = load_example()
    page = render_html(session, NOW)
    assert "Cooling-centre running costs [approx] | see annex #2 of the Heat Season Review" in page


def test_finished_clock_gives_planned_adjusted_actual_and_over_under() -> None:
    timing = headed(tables(render_markdown(load_example(), NOW)), "Phase")
    assert timing[0] == ["Phase", "Planned", "Adjusted", "Actual", "Over/under"]
    assert timing[3] == ["Part 2 · Advisors: surprises and gaps", "30:00", "35:00", "36:00", "+06:00"]
    assert timing[4] == ["Part 3 · Options and reflection", "20:00", "14:00", "15:00", "-05:00"]
    assert timing[-1] == ["Total", "1:30:00", "1:24:00", "1:30:00", "00:00"]
    markdown = render_markdown(load_example(), NOW)
    assert (
        "Times in Europe/Lisbon (WET). Planned 15:00, started 15:00 · finished 16:33 (planned 16:30, +03:00) · paused for 03:00"
        in markdown
    )


def test_a_clock_not_started_says_so_and_lists_the_plan() -> None:
    session = load_example()
    session.clock = []
    markdown = render_markdown(session, NOW)
    assert "The clock has not been started. The plan:" in markdown
    plan = headed(tables(markdown), "Phase")
    assert plan[0] == ["Phase", "Planned"]
    assert plan[3] == ["Part 2 · Advisors: surprises and gaps", "30:00"]
    assert plan[-1] == ["Total", "1:30:00"]


def test_a_running_clock_shows_the_current_phase_and_what_is_still_to_come() -> None:
    session = load_example()
    start = datetime(2026, 11, 12, 15, 0, tzinfo=UTC)
    session.clock = []
    clock.toggle(session, start)
    clock.next_phase(session, start + timedelta(minutes=12))
    markdown = render_markdown(session, start + timedelta(minutes=20))
    timing = headed(tables(markdown), "Phase")
    assert timing[2][0] == "Part 1 · Purpose and the Seeking team's context (current)"
    assert timing[2][3:] == ["08:00", "-07:00"]
    assert timing[3][3:] == ["–", "–"]
    assert "running in Part 1 · Purpose and the Seeking team's context at 15:20" in markdown
    assert "projected finish 16:32 (planned 16:30)" in markdown


def test_without_now_the_timing_is_read_at_the_last_clock_event() -> None:
    session = load_example()
    start = datetime(2026, 11, 12, 15, 0, tzinfo=UTC)
    session.clock = []
    clock.toggle(session, start)
    clock.toggle(session, start + timedelta(minutes=4))  # paused at 15:04
    assert headed(tables(render_markdown(session)), "Phase") == headed(
        tables(render_markdown(session, start + timedelta(minutes=4))), "Phase"
    )


def test_an_advisor_team_not_heard_is_visible() -> None:
    session = load_example()
    session.entries = [e for e in session.entries if e.team != "phoenix"]
    markdown = render_markdown(session, NOW)
    section = markdown.split("### Phoenix Office of Heat Response (advisor team)\n\n", 1)[1]
    assert section.startswith("*(nothing captured)*\n\n### ")


def test_a_specialist_with_nothing_to_say_in_part_2_is_not_listed() -> None:
    session = load_example()
    session.entries = [e for e in session.entries if not (e.team == "publichealth" and e.phase == "insights")]
    assert "Public Health Lab (specialist)" not in render_markdown(session, NOW)


def test_follow_up_offers_are_listed_in_part_4_whatever_phase_they_were_captured_in() -> None:
    session = load_example()
    session.entries.append(
        Entry(
            id="e99",
            phase="insights",
            kind="follow_up",
            text="Seville can host a study visit",
            team="seville",
        )
    )
    markdown = render_markdown(session, NOW)
    offers = markdown.split("### Follow-up offers", 1)[1]
    assert "- Seville can host a study visit — *Seville City Council*" in offers
    assert markdown.count("Seville can host a study visit") == 1


# -- options: ranked, and on the grid ---------------------------------------------------------------


def test_options_are_ranked_by_moscow_then_impact_then_risk() -> None:
    rows = headed(tables(render_markdown(load_example(), NOW)), "#")
    assert rows[0] == ["#", "Option", "Source team", "MoSCoW", "Impact", "Risk"]
    assert [(r[0], r[3], r[4], r[5]) for r in rows[1:]] == [
        ("1", "Must", "4", "1"),
        ("2", "Must", "4", "2"),
        ("3", "Should", "5", "3"),
        ("4", "Should", "5", "4"),
        ("5", "Could", "3", "4"),
        ("6", "Won't", "–", "–"),
        ("7", "–", "–", "–"),
    ]


def test_unscored_options_rank_after_scored_ones_and_ties_keep_their_order() -> None:
    a = Option(id="a", title="a", moscow="should")
    b = Option(id="b", title="b", moscow="should", impact=2, risk=5)
    c = Option(id="c", title="c", moscow="should", impact=2)
    d = Option(id="d", title="d", moscow="should", impact=2)
    assert [o.id for o in ranked([a, c, d, b])] == ["b", "c", "d", "a"]


@pytest.mark.parametrize(
    ("impact", "risk", "label"),
    [(3, 2, "Do first"), (5, 3, "Plan carefully"), (2, 1, "Nice to have"), (1, 5, "Think twice")],
)
def test_impact_three_and_risk_three_count_as_high(impact: int, risk: int, label: str) -> None:
    found = quadrant(Option(id="o", title="o", impact=impact, risk=risk))
    assert found is not None and found.label == label


def test_the_grid_places_option_numbers_and_the_legend_names_them() -> None:
    markdown = render_markdown(load_example(), NOW)
    grid = markdown.split("```text\n", 1)[1].split("```", 1)[0]
    assert "| Do first             | Plan carefully       |" in grid
    assert "| 1, 2                 | 3, 4, 5              |" in grid
    assert (
        "- **Do first** (high impact, low risk): **1** Libraries as named cool spaces with evening hours"
        " on alert days; **2** Same-day heat alerts with named heatwaves"
    ) in markdown
    assert (
        "- **Not scored yet:** **6** Free bus travel to cool spaces on alert days; **7** GP and" in markdown
    )


# -- actions -----------------------------------------------------------------------------------------


def test_actions_table_has_owner_due_status_and_team() -> None:
    session = load_example()
    rows = next(t for t in tables(render_markdown(session, NOW)) if t[0][0] == "Action")
    assert rows[0] == ["Action", "Owner", "Due", "Status", "Team"]
    assert len(rows) == len(session.actions) + 1
    assert rows[5][1:] == ["Maria Okafor", "2026-12-01", "done", "Valmora City Council"]
    assert rows[7][3] == "dropped"


# -- whatever users typed ----------------------------------------------------------------------------


def hostile_copy(text: str) -> Session:
    """The example with every piece of user text replaced by ``text``."""
    s = load_example()
    name = text if text.strip() else "x"
    s.title = name
    s.workshop.purpose = s.workshop.challenge = s.workshop.place = s.workshop.facilitator = text
    s.workshop.shared_before = [text]
    for q in s.workshop.pre_questions:
        q.text, q.answer = text, text
    for team in s.teams:
        team.name, team.city = name, text
    for p in s.participants:
        p.name, p.role, p.organisation, p.sector = name, text, text, text
    for e in s.entries:
        e.text, e.speaker = text, text
    for o in s.options:
        o.title, o.detail = text, text
    for a in s.actions:
        a.text, a.owner, a.note = text, text, text
    return s


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_never_changes_the_structure(text: str) -> None:
    session = hostile_copy(text)
    markdown = render_markdown(session, NOW)
    assert headings(markdown) == expected_headings(session)
    assert table_shapes(markdown) == table_shapes(render_markdown(load_example(), NOW))
    made = token_types(markdown) - token_types(render_markdown(load_example(), NOW))
    assert not made, f"user text made {made}"


@pytest.mark.parametrize("text", [t for t in HOSTILE if t.strip() and "\n" not in t and "\r" not in t])
def test_hostile_text_reads_exactly_as_typed(text: str) -> None:
    session = hostile_copy(text)
    markdown = render_markdown(session, NOW)
    actions = next(t for t in tables(markdown) if t[0][0] == "Action")
    seen = one_line(text)
    assert actions[1][1] == seen  # the owner cell
    items = [text_of(t) for t in PARSER.parse(markdown) if t.type == "inline"]
    assert f"{seen} — {seen}, {seen}" in items  # an entry, its team and speaker


@pytest.mark.parametrize("text", HOSTILE)
def test_html_never_passes_user_markup_through(text: str) -> None:
    page = render_html(hostile_copy(text), NOW)
    assert page.startswith('<!doctype html>\n<html lang="en">')
    assert page.rstrip().endswith("</html>")
    assert "<script" not in page
    for tag in ("<b>", "<div>", "<!--", "<a ", "<img"):
        assert tag not in page


def test_html_is_a_complete_page_with_an_escaped_title_and_print_styles() -> None:
    session = load_example()
    session.title = "Heat <b>plan</b> & co"
    session.entries[0].text = "<script>alert(1)</script>"
    page = render_html(session, NOW)
    assert '<meta charset="utf-8">' in page
    assert "<title>Heat &lt;b&gt;plan&lt;/b&gt; &amp; co</title>" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "@media print" in page and "page-break-inside: avoid" in page
    assert "<table>" in page and "<h2>Timing</h2>" in page


_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_ANY_TEXT = st.text(max_size=40)


@_SETTINGS
@given(
    entry_texts=st.lists(_ANY_TEXT, min_size=1, max_size=4),
    action_texts=st.lists(_ANY_TEXT, min_size=1, max_size=3),
)
def test_any_entry_or_action_text_keeps_headings_and_table_shapes(
    entry_texts: list[str], action_texts: list[str]
) -> None:
    session = load_example()
    for i, entry in enumerate(session.entries):
        entry.text = entry_texts[i % len(entry_texts)]
    for i, action in enumerate(session.actions):
        action.text = action.owner = action.note = action_texts[i % len(action_texts)]
    markdown = render_markdown(session, NOW)
    assert headings(markdown) == expected_headings(session)
    assert table_shapes(markdown) == table_shapes(render_markdown(load_example(), NOW))


@_SETTINGS
@given(text=st.text(alphabet=st.characters(exclude_categories=("Cs",))))
def test_escaped_text_reads_back_as_the_typed_text(text: str) -> None:
    line = one_line(text)
    tokens = PARSER.parse(mdtext.inline(text))
    inlines = [t for t in tokens if t.type == "inline"]
    assert [t.type for t in tokens if t.type != "inline"] == (
        [] if not line else ["paragraph_open", "paragraph_close"]
    )
    assert (text_of(inlines[0]) if inlines else "") == line
    assert {c.type for t in inlines for c in t.children or []} <= {"text"}


@_SETTINGS
@given(session=sessions())
def test_any_valid_session_renders_with_the_fixed_outline(session: Session) -> None:
    markdown = render_markdown(session, NOW)
    titles = [p.title for p in PHASES]
    fixed = ["In brief", "Purpose", "Challenge", "Teams and participants", "Before the workshop", "Timing"]
    fixed += titles
    fixed += ["Feedback"] if any(e.kind.startswith("feedback_") for e in session.entries) else []
    found = headings(markdown)
    assert [h for h in found if h[0] == "h1"] == [("h1", one_line(session.title) or "(untitled)")]
    assert [text for tag, text in found if tag == "h2"] == fixed
    for table in tables(markdown):
        assert len({len(row) for row in table}) == 1
    actions = [t for t in tables(markdown) if t[0] == ["Action", "Owner", "Due", "Status", "Team"]]
    assert [len(t) for t in actions] == ([len(session.actions) + 1] if session.actions else [])
    assert "<script" not in render_html(session, NOW)
