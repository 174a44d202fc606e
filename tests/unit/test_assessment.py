"""Pre-work, the self-assessment: the file round trip, what is refused, the summary section, the series.

Issue 14 §3: each team scores areas 1-5 with a note before the workshop; the areas come from a shipped
template, a series file or the workshop's own list (the workshop's wins); ``c2c new --after`` carries the
areas, not the scores; the summary shows a table area x team; the series overview shows the movement.
"""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from markdown_it import MarkdownIt
from session_strategies import sessions
from test_broken_files import assert_refused

from c2c_tui.core.assessment import (
    areas_from_lines,
    clear_score,
    moves,
    score_of,
    set_score,
    shipped_areas,
)
from c2c_tui.core.assessment_rows import AssessmentArea
from c2c_tui.core.followup.followon import follow_on
from c2c_tui.core.followup.library import scan
from c2c_tui.core.followup.series_file import SeriesFile, default_areas, load_series, save_series
from c2c_tui.core.followup.series_overview import render_series
from c2c_tui.core.model import Session
from c2c_tui.core.setup import apply_setup, team_references
from c2c_tui.core.store import dumps, load, loads, save
from c2c_tui.core.summary import render_html, render_markdown

NOW = datetime(2027, 1, 25, 12, 0, tzinfo=UTC)
PARSER = MarkdownIt("js-default")
HOSTILE = "| # x <script>alert(1)</script> [l](http://e) \x1b[31m\n# not a heading | *"


def session(**more: object) -> Session:
    data: dict[str, object] = {
        "title": "Heat one",
        "created": datetime(2026, 11, 12, 9, 0, tzinfo=UTC),
        "workshop": {"date": date(2026, 11, 12)},
        "teams": [
            {"id": "valmora", "name": "Valmora City Council", "role": "seeking"},
            {"id": "seville", "name": "Seville City Council", "role": "advisor"},
        ],
        "areas": [
            {"id": "data", "name": "Data and evidence", "question": "Do we know the problem?"},
            {"id": "funding", "name": "Funding"},
        ],
        "assessments": [
            {"team": "valmora", "area": "data", "score": 2, "note": "No heat-death register yet"},
            {"team": "valmora", "area": "funding", "score": 4},
            {"team": "seville", "area": "data", "score": 5, "note": "Live map of cooling centres"},
        ],
    }
    data.update(more)
    return Session.model_validate(data)


def h2(markdown: str) -> list[str]:
    tokens = PARSER.parse(markdown)
    return [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]


def table_shapes(markdown: str) -> list[int]:
    """The number of cells in every row of every table, as a GFM renderer sees them."""
    shapes, cells = [], 0
    for token in PARSER.parse(markdown):
        if token.type == "tr_open":
            cells = 0
        elif token.type in ("th_open", "td_open"):
            cells += 1
        elif token.type == "tr_close":
            shapes.append(cells)
    return shapes


# -- the file ------------------------------------------------------------------------------------------


def test_the_self_assessment_round_trips_through_the_file_readably(tmp_path: Path) -> None:
    path = tmp_path / "heat.toml"
    original = session()
    save(path, original)
    text = path.read_text(encoding="utf-8")
    assert '\n[[areas]]\nid = "data"\nname = "Data and evidence"\n' in text
    assert (
        '\n[[assessments]]\nteam = "valmora"\narea = "data"\nscore = 2\nnote = "No heat-death register yet"\n'
        in text
    )
    again = load(path)
    assert again.areas == original.areas and again.assessments == original.assessments
    assert [(a.team, a.area, a.score, a.note) for a in again.assessments or ()] == [
        ("valmora", "data", 2, "No heat-death register yet"),
        ("valmora", "funding", 4, ""),
        ("seville", "data", 5, "Live map of cooling centres"),
    ]


def test_a_file_without_a_self_assessment_writes_no_trace_of_one(tmp_path: Path) -> None:
    path = tmp_path / "plain.toml"
    save(path, session(areas=None, assessments=None))
    text = path.read_text(encoding="utf-8")
    assert "areas" not in text and "assessments" not in text
    assert load(path).assessments is None


def test_a_team_may_be_named_by_its_exact_name(tmp_path: Path) -> None:
    rows = [{"team": "Seville City Council", "area": "funding", "score": 3}]
    assert session(assessments=rows).assessments[0].team == "seville"  # type: ignore[index]


def _write(path: Path, assessments: str, areas: str = '[[areas]]\nid = "data"\nname = "Data"\n') -> Path:
    path.write_text(
        'schema_version = 1\ntitle = "T"\n\n[[teams]]\nid = "t1"\nname = "Valmora"\nrole = "seeking"\n\n'
        + areas
        + "\n"
        + assessments,
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("rows", "fragment"),
    [
        (
            '[[assessments]]\nteam = "t1"\narea = "data"\nscore = 0\n',
            "assessments[0].score: should be greater",
        ),
        ('[[assessments]]\nteam = "t1"\narea = "data"\nscore = 6\n', "assessments[0].score: should be less"),
        (
            '[[assessments]]\nteam = "t9"\narea = "data"\nscore = 3\n',
            "assessments[0].team: no team has the id 't9'",
        ),
        (
            '[[assessments]]\nteam = "t1"\narea = "money"\nscore = 3\n',
            "assessments[0].area: no area has the id 'money'",
        ),
        (
            (
                '[[assessments]]\nteam = "t1"\narea = "data"\nscore = 3\n\n'
                '[[assessments]]\nteam = "t1"\narea = "data"\nscore = 4\n'
            ),
            "assessments[1]: team 't1' already scored area 'data' (once each)",
        ),
        ('[[assessments]]\nteam = "t1"\narea = "data"\nscore = 3\nnot_a_field = 1\n', "not_a_field"),
    ],
)
def test_a_bad_self_assessment_is_refused_in_one_line_and_the_file_kept(
    tmp_path: Path, rows: str, fragment: str
) -> None:
    assert_refused(_write(tmp_path / "bad.toml", rows), fragment)


def test_scores_without_a_list_of_areas_are_refused_with_a_hint(tmp_path: Path) -> None:
    path = _write(tmp_path / "bad.toml", '[[assessments]]\nteam = "t1"\narea = "data"\nscore = 3\n', areas="")
    assert_refused(path, "assessments[0].area: no area has the id 'data' (list the areas in [[areas]])")


def test_two_areas_with_one_name_are_refused(tmp_path: Path) -> None:
    areas = '[[areas]]\nid = "a"\nname = "Data"\n\n[[areas]]\nid = "b"\nname = " data "\n'
    assert_refused(_write(tmp_path / "bad.toml", "", areas=areas), "areas[1].name: another area is called")


# -- the areas -----------------------------------------------------------------------------------------


def test_c2c_ships_areas_drawn_from_the_seeds() -> None:
    names = [a.name for a in shipped_areas()]
    assert names[:2] == ["Leadership and governance", "Data and evidence"]
    assert {"Partnerships", "Funding", "Community engagement", "Delivery capacity"} <= set(names)
    assert all(a.question for a in shipped_areas())
    shipped_areas()[0].name = "changed"
    assert shipped_areas()[0].name == "Leadership and governance"  # copies: the template stays


def test_areas_typed_keep_their_ids_by_name_or_by_place_so_scores_stay_with_them() -> None:
    data, funding = (
        AssessmentArea(id="data", name="Data and evidence"),
        AssessmentArea(id="funding", name="Funding"),
    )
    areas, _ = areas_from_lines(["  Funding ", "Money and budgets", "", "Digital tools"], [data, funding])
    assert [(a.id, a.name) for a in areas] == [  # Funding moved up into the place of data: data is gone
        ("funding", "Funding"),
        ("money-and-budgets", "Money and budgets"),
        ("digital-tools", "Digital tools"),
    ]
    areas, _ = areas_from_lines(["Funding"], [data, funding])  # a line removed: the other keeps its id
    assert [a.id for a in areas] == ["funding"]
    with pytest.raises(ValueError, match="'funding' is listed twice"):
        areas_from_lines(["Funding", "funding"], [data, funding])


def test_an_area_retyped_letter_by_letter_keeps_its_id() -> None:
    lines: list[AssessmentArea | None] = [
        AssessmentArea(id="data", name="Data"),
        AssessmentArea(id="money", name="Funding"),
    ]
    for typed in ("Fundin", "F", "", "M", "Mone", "Money"):  # the line emptied on the way keeps its place
        areas, lines = areas_from_lines(["Data", typed], lines)
    assert [(a.id, a.name) for a in areas] == [("data", "Data"), ("money", "Money")]
    areas, lines = areas_from_lines(["", "Data", "Money"], lines)  # a line opened above: nothing moves
    assert [a.id for a in areas] == ["data", "money"]
    areas, lines = areas_from_lines(["Digital", "Data", "Money"], lines)
    assert [a.id for a in areas] == ["digital", "data", "money"]


def test_a_series_file_lists_the_areas_for_its_workshops(tmp_path: Path) -> None:
    assert [a.id for a in default_areas(tmp_path)] == [a.id for a in shipped_areas()]
    save_series(tmp_path, SeriesFile(areas=[AssessmentArea(id="heat", name="Heat-health plan")]))
    assert load_series(tmp_path).areas[0].name == "Heat-health plan"  # type: ignore[union-attr,index]
    assert [a.name for a in default_areas(tmp_path)] == ["Heat-health plan"]
    (tmp_path / "series.toml").write_text("title = \n", encoding="utf-8")
    assert [a.id for a in default_areas(tmp_path)] == [a.id for a in shipped_areas()]  # broken: shipped


def test_scores_are_set_changed_and_cleared() -> None:
    s = session(assessments=None)
    set_score(s, "valmora", "data", 2, "no register")
    set_score(s, "valmora", "data", 3)  # the note stays
    assert score_of(s, "valmora", "data") is not None
    assert [(a.score, a.note) for a in s.assessments or ()] == [(3, "no register")]
    with pytest.raises(ValueError):
        set_score(s, "valmora", "data", 6)
    assert team_references(s, "valmora") == ["1 self-assessment score"]
    assert clear_score(s, "valmora", "data") and s.assessments is None
    assert not clear_score(s, "valmora", "data")


def test_the_live_set_up_copies_the_self_assessment_into_the_running_workshop() -> None:
    live, edited = session(areas=None, assessments=None), session()
    apply_setup(live, edited)
    assert live.assessments == edited.assessments and live.areas == edited.areas


# -- the summary --------------------------------------------------------------------------------------


def test_the_summary_shows_the_self_assessment_after_before_the_workshop() -> None:
    markdown = render_markdown(session(), NOW)
    heads = h2(markdown)
    assert heads.index("Before the workshop") + 1 == heads.index("Before the workshop: self-assessment")
    assert heads.index("Before the workshop: self-assessment") < heads.index("Timing")
    part = markdown.split("## Before the workshop: self-assessment")[1].split("\n## ")[0]
    assert "| Area | Valmora City Council | Seville City Council |" in part
    assert (
        "| Data and evidence | **2** · No heat-death register yet | **5** · Live map of cooling centres |"
        in part
    )
    assert "| Funding | **4** | – |" in part
    assert "1 just starting" in part and "5 a strength" in part
    assert "<td><strong>2</strong> · No heat-death register yet</td>" in render_html(session(), NOW)


def test_a_summary_without_a_self_assessment_has_no_such_section() -> None:
    assert "self-assessment" not in render_markdown(session(assessments=None), NOW)


def test_the_self_assessment_table_stays_valid_whatever_users_typed() -> None:
    s = session(
        teams=[{"id": "t1", "name": HOSTILE.replace("\n", " "), "role": "seeking"}],
        areas=[{"id": "a1", "name": HOSTILE.replace("\n", " ")}, {"id": "a2", "name": "Funding"}],
        assessments=[{"team": "t1", "area": "a1", "score": 1, "note": HOSTILE}],
    )
    markdown = render_markdown(s, NOW)
    assert "\x1b" not in markdown and "<script>" not in PARSER.render(markdown)
    assert h2(markdown).count("Before the workshop: self-assessment") == 1
    part = markdown.split("## Before the workshop: self-assessment")[1].split("\n## ")[0]
    assert table_shapes(part) == [2, 2, 2]


# -- the series ---------------------------------------------------------------------------------------


def _score(s: Session, rows: dict[tuple[str, str], int]) -> None:
    for (team, area), score in rows.items():
        set_score(s, team, area, score)


def test_the_series_overview_shows_how_each_teams_scores_moved(tmp_path: Path) -> None:
    first, second, third = tmp_path / "first.toml", tmp_path / "second.toml", tmp_path / "third.toml"
    save(first, session())
    two = follow_on(first, second, title="Heat two", now=datetime(2026, 12, 10, 9, 0, tzinfo=UTC))
    assert two.areas == session().areas and two.assessments is None  # the areas, not the scores
    two.workshop.date = date(2026, 12, 10)
    _score(two, {("valmora", "data"): 3, ("valmora", "funding"): 4})
    save(second, two)
    three = follow_on(second, third, title="Heat three", now=datetime(2027, 1, 20, 9, 0, tzinfo=UTC))
    three.workshop.date = date(2027, 1, 20)
    _score(three, {("valmora", "data"): 4, ("valmora", "funding"): 3, ("seville", "data"): 5})
    save(third, three)

    markdown = render_series(scan(tmp_path), None, today=date(2027, 1, 25), now=NOW)
    heads = h2(markdown)
    assert heads.index("Teams and participants across the series") + 1 == heads.index(
        "Self-assessment across the series"
    )
    part = markdown.split("## Self-assessment across the series")[1].split("\n## ")[0]
    valmora, seville = part.split("### Seville City Council")
    assert "### Valmora City Council" in valmora
    assert "| Data and evidence | #1 2 → #2 3 → #3 4 | +2 |" in valmora
    assert "| Funding | #1 4 → #2 4 → #3 3 | −1 |" in valmora
    assert "| Data and evidence | #1 5 → #3 5 | ±0 |" in seville
    assert next(m.scores for m in moves([load(first), load(second), load(third)])) == (2, 3, 4)


def test_a_series_without_self_assessments_has_no_such_section(tmp_path: Path) -> None:
    save(tmp_path / "one.toml", session(assessments=None))
    markdown = render_series(scan(tmp_path), None, today=date(2027, 1, 25), now=NOW)
    assert "Self-assessment" not in markdown and "\n\n\n" not in markdown


# -- any self-assessment ------------------------------------------------------------------------------

_ANY = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_ANY
@given(sessions(pre_work=True))
def test_any_self_assessment_round_trips_and_renders_valid_tables(session: Session) -> None:
    text = dumps(session)
    assert tomllib.loads(text) == session.model_dump(exclude_none=True)
    assert loads(text, "x.toml") == session
    assert text.count("\n[[assessments]]\n") == len(session.assessments or ())
    markdown = render_markdown(session, NOW)
    heads = h2(markdown)
    assert heads.count("Before the workshop: self-assessment") == (1 if session.assessments else 0)
    if session.assessments:
        part = markdown.split("## Before the workshop: self-assessment")[1].split("\n## ")[0]
        teams = len({a.team for a in session.assessments})
        assert table_shapes(part) == [teams + 1] * (len(session.areas or ()) + 1)
    assert "\x1b" not in markdown and "<script" not in render_html(session, NOW)


def test_a_series_file_with_two_areas_of_one_id_is_refused_in_one_line(tmp_path: Path) -> None:
    from c2c_tui.core.followup.series_file import SeriesFileError

    (tmp_path / "series.toml").write_text(
        '[[areas]]\nid = "a"\nname = "Data"\n\n[[areas]]\nid = "a"\nname = "Funding"\n', encoding="utf-8"
    )
    with pytest.raises(SeriesFileError) as refused:
        load_series(tmp_path)
    assert str(refused.value) == f"{tmp_path / 'series.toml'}: areas[1].id: duplicate id 'a'"
