"""The markdown summary as GitHub renders it (cmark-gfm, tables extension): whatever users typed in a
table-bearing field, every table row has its header's number of cells, no user text becomes a heading or
raw HTML, and the cells read as typed."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from c2c_tui.core.model import ClockEvent, Session
from c2c_tui.core.series_rows import Review
from c2c_tui.core.summary import render_markdown
from c2c_tui.core.text import mdtext
from c2c_tui.core.text.neutral import shown

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "sessions" / "cooling-valmora.toml"
NOW = datetime(2026, 11, 12, 16, 45, tzinfo=UTC)

HOSTILE = [
    "a | b",
    "\\|",
    "\\\\|",
    "a \\| b \\\\| c",
    "|",
    "||",
    "`a | b`",
    "``",
    "`",
    "<td>x</td>",
    "</td></tr><tr><td>",
    "<br>",
    "line one\nline two",
    "a\r\nb\rc",
    "# heading",
    "## closed ##",
    "- item",
    "-",
    "---",
    ":---:",
    "| --- |",
    "emoji 🌡️🏙️👩🏽‍🔧 | 🙂",
    "中文｜全角 | 日本語",
    "trailing \\",
    "\\",
    "*",
    "**",
    "[x](y) | ![i](j)",
    "&#124; &vert; &#x7c;",
    "a\u2028b\u2029c",
    "\t|\t",
    "   ",
    "",
]
TEXTS = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(alphabet=st.sampled_from("|\\`<>#-:*_ a\n\r&;中🙂"), max_size=16),
    st.text(max_size=20),
)


def load_example() -> Session:
    with EXAMPLE.open("rb") as f:
        return Session.model_validate(tomllib.load(f))


class Tables(HTMLParser):
    """The tables of a page as rows of cell texts, and the headings and raw-HTML markers seen.

    cmark-gfm drops the cells past the header's count and pads short rows, so the cell *count* of its
    output always matches: a row that had too many cells shows as text missing from its cells.
    """

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.headings = 0
        self.raw = 0
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = []
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)

    def handle_comment(self, data: str) -> None:
        self.raw += "raw HTML omitted" in data


def markdown_it_cells(markdown: str) -> list[list[list[str]]]:
    """The same tables as markdown-it reads them (the parser the HTML export uses)."""
    out: list[list[list[str]]] = []
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    for i, t in enumerate(tokens):
        if t.type == "table_open":
            out.append([])
        elif t.type == "tr_open":
            out[-1].append([])
        elif t.type == "inline" and tokens[i - 1].type in ("th_open", "td_open"):
            text = "".join(c.content for c in t.children or [] if c.type in ("text", "code_inline"))
            out[-1][-1].append(" ".join(text.split()))
    return out


def shown_cell(text: str) -> str:
    """What a reader should see of user text in a cell: its lines joined by " / ", shown inert."""
    return " ".join(shown(" / ".join(mdtext.lines(text)), lines=True).split())


def gfm(markdown: str) -> Tables:
    page = cmarkgfm.markdown_to_html_with_extensions(
        markdown, options=Options.CMARK_OPT_VALIDATE_UTF8, extensions=["table", "strikethrough", "autolink"]
    )
    found = Tables()
    found.feed(page)
    return found


def with_turns(session: Session) -> Session:
    """The example with Advisor-team turns in Part 2 and, as a follow-on, two reviewed items from an earlier
    workshop, so the summary has its turns table and its "Since last time" table too."""
    session.workshop.after = "heat | one.toml"
    session.reviews = [
        Review(file="heat | one.toml", item=f"a{n}", text=f"Item {n}", outcome="done", owner="Ana", at=NOW)
        for n in (1, 2)
    ]
    start = next(e.at for e in session.clock if e.event == "next" and e.phase == "context")
    turns = [
        ClockEvent(at=start + timedelta(minutes=1 + 10 * i), event="turn", team=team.id)
        for i, team in enumerate(session.advisor_teams)
    ]
    session.clock = sorted([*session.clock, *turns], key=lambda e: e.at)
    return session


def hostile(text: str, other: str) -> Session:
    """The example with ``text`` / ``other`` in every field that reaches a table cell."""
    session = with_turns(load_example())
    for team in session.teams:  # the options' and actions' Team columns, the turns table
        team.name = text if text.strip() else "x"
    for i, option in enumerate(session.options):
        option.title, option.detail = (text, other) if i % 2 else (other, text)
    for i, action in enumerate(session.actions):
        action.text, action.owner, action.note = (text, other, text) if i % 2 else (other, text, other)
    for review in session.reviews or []:  # "Since last time": item, owner and note are as typed
        review.text, review.owner, review.note = text, other, text
    return session


def shapes(session: Session) -> tuple[list[list[int]], int, int]:
    found = gfm(render_markdown(session, NOW))
    return [[len(row) for row in table] for table in found.tables], found.headings, found.raw


def check_cells(session: Session) -> None:
    """GitHub's cells are markdown-it's, and the typed owners and notes are whole in the actions table."""
    markdown = render_markdown(session, NOW)
    found = gfm(markdown)
    assert found.tables == markdown_it_cells(markdown)
    actions = next(t for t in found.tables if t[0][0] == "Action")
    for row, action in zip(actions[1:], session.actions, strict=True):
        assert row[1] == (shown_cell(action.owner) or "–")
        assert row[0].endswith(shown_cell(action.note))


def test_the_example_has_its_six_tables_with_full_rows() -> None:
    tables, headings, raw = shapes(with_turns(load_example()))
    # since last time, the self-assessment (area and three teams), timing, turns, options, actions
    assert [t[0] for t in tables] == [7, 4, 5, 4, 6, 5]
    assert all(len(set(rows)) == 1 for rows in tables)
    assert raw == 0 and headings > 10


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_keeps_every_row_whole_on_github(text: str) -> None:
    expected = shapes(with_turns(load_example()))
    assert shapes(hostile(text, text)) == expected
    check_cells(hostile(text, text))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, other=TEXTS)
def test_any_text_in_any_table_cell_keeps_the_tables_headings_and_no_html(text: str, other: str) -> None:
    expected = shapes(with_turns(load_example()))
    assert shapes(hostile(text, other)) == expected
    check_cells(hostile(text, other))


@pytest.mark.parametrize("text", ["a | b", "\\|", "`x|y`", "<td>", "中文 | 🙂", "a \\\\| b"])
def test_a_cell_reads_as_typed_on_github(text: str) -> None:
    session = load_example()
    session.actions[0].owner = text
    page = cmarkgfm.markdown_to_html_with_extensions(
        render_markdown(session, NOW), options=Options.CMARK_OPT_VALIDATE_UTF8, extensions=["table"]
    )
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert f"<td>{escaped}</td>" in page
