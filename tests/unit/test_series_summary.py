"""The summary's "Since last time" and "Feedback" sections, the series file and the series overview."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from series_chain import T2, TODAY, build_chain, first_session

from c2c_tui.core.capture import CaptureError, parse
from c2c_tui.core.capture.ops import add_capture
from c2c_tui.core.followup.library import scan
from c2c_tui.core.followup.series_file import SeriesFile, SeriesFileError, Topic, load_series, save_series
from c2c_tui.core.followup.series_overview import render_series, render_series_html
from c2c_tui.core.store import load
from c2c_tui.core.summary import render_markdown

NOW = datetime(2027, 1, 25, 12, 0, tzinfo=UTC)
HOSTILE = "| # x <script>alert(1)</script> [l](http://e) \x1b[31m\n# not a heading"
PARSER = MarkdownIt("js-default")


def h2(markdown: str) -> list[str]:
    tokens = PARSER.parse(markdown)
    return [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]


def test_since_last_time_comes_after_teams_and_says_what_was_reviewed_and_what_is_open(
    tmp_path: Path,
) -> None:
    second = load(build_chain(tmp_path)[1])
    markdown = render_markdown(second, NOW)
    heads = h2(markdown)
    assert heads[heads.index("Teams and participants") + 1] == "Since last time"
    since = markdown.split("## Since last time")[1].split("\n## ")[0]
    reviewed, still = since.split("### Still open")
    assert "| Draft the plan | action | first | done |" in reviewed
    assert (
        "| Ask the weather service | action | first | in progress | Ana Ruiz |   | draft sent |" in reviewed
    )
    assert "Seville shares its alert protocol | offer | first | taken up" in reviewed
    assert "- Book the call (from first)" in still and "Draft the plan" not in still


def test_a_session_that_follows_none_has_no_since_last_time_or_feedback() -> None:
    heads = h2(render_markdown(first_session(), NOW))
    assert "Since last time" not in heads and "Feedback" not in heads


def test_hostile_text_in_reviews_and_feedback_keeps_the_markdown_valid(tmp_path: Path) -> None:
    third = load(build_chain(tmp_path, text=HOSTILE)[2])
    for line in ("u: 4 " + HOSTILE, "+: " + HOSTILE, "-: " + HOSTILE):
        add_capture(third, parse(line.replace("\n", " "), "agree", third.teams), "agree", T2)
    markdown = render_markdown(third, NOW)
    assert "\x1b" not in markdown
    assert h2(markdown).count("Since last time") == 1 and h2(markdown)[-1] == "Feedback"
    assert "<script>" not in PARSER.render(markdown)


def test_feedback_is_captured_fast_and_summarised() -> None:
    session = first_session()
    for line in (
        "u: 4 very practical @Maria",
        "useful: 5/5",
        "+: the site visit #seville",
        "-: more time for Part 3",
    ):
        add_capture(session, parse(line, "agree", session.teams, session.participants), "agree", T2)
    kinds = [(e.kind, e.text, e.score) for e in session.entries[1:]]
    assert kinds == [
        ("feedback_useful", "very practical", 4),
        ("feedback_useful", "", 5),
        ("feedback_keep", "the site visit", None),
        ("feedback_change", "more time for Part 3", None),
    ]
    feedback = render_markdown(session, NOW).split("## Feedback")[1]
    assert "**How useful it was:** 4.5 of 5 from 2 people (5: 1, 4: 1)" in feedback
    assert "- the site visit — *Seville City Council*" in feedback
    with pytest.raises(CaptureError, match="score 1 to 5"):
        parse("u: great", "agree", [])
    with pytest.raises(CaptureError, match="score 1 to 5"):
        parse("u: 6 great", "agree", [])


def test_the_series_file_is_validated_and_written_atomically(tmp_path: Path) -> None:
    assert load_series(tmp_path) is None
    series = SeriesFile(
        title="Heat network", topics=[Topic(title="Alerts", status="covered", covered_in="first.toml")]
    )
    path = save_series(tmp_path, series)
    assert path.name == "series.toml" and load_series(tmp_path) == series
    path.write_text('schema_version = 1\n[[topics]]\ntitle = "x"\nstatus = "later"\n', encoding="utf-8")
    with pytest.raises(SeriesFileError) as caught:
        load_series(tmp_path)
    assert str(caught.value).startswith(f"{path}: topics[0].status: ") and "\n" not in str(caught.value)
    path.write_text("topics = [\n", encoding="utf-8")
    with pytest.raises(SeriesFileError, match="series.toml: "):
        load_series(tmp_path)


def test_the_overview_tells_the_story_of_the_series(tmp_path: Path) -> None:
    build_chain(tmp_path)
    save_series(tmp_path, SeriesFile(topics=[Topic(title="Night-time heat", status="next")]))
    markdown = render_series(scan(tmp_path), load_series(tmp_path), today=TODAY, now=NOW)
    assert h2(markdown) == [
        "Workshops",
        "Actions",
        "Follow-up offers",
        "Teams and participants across the series",
        "Feedback per workshop",
        "Topic backlog",
    ]
    workshops = markdown.split("## Workshops")[1].split("## Actions")[0]
    assert workshops.index("Heat one") < workshops.index("Heat two") < workshops.index("Heat three")
    assert "5 agreed · 2 done (2 on time) · 0 in progress · 2 open · 1 dropped · 1 overdue" in markdown
    assert "#1 agreed → #2 in progress (draft sent) → #3 done" in markdown
    assert "| Book the call | Maria Okafor | 2026-11-30 | #1 agreed | **OVERDUE** |" in markdown
    assert "1 of 1 taken up." in markdown and "| Night-time heat | next |" in markdown
    html = render_series_html(scan(tmp_path), None, today=TODAY)
    assert html.startswith("<!doctype html>") and "no series.toml in this folder" in html


def test_the_overview_stays_valid_and_inert_whatever_users_typed(tmp_path: Path) -> None:
    build_chain(tmp_path, text=HOSTILE)
    save_series(tmp_path, SeriesFile(title=HOSTILE, topics=[Topic(title=HOSTILE, note=HOSTILE)]))
    library, series = scan(tmp_path), load_series(tmp_path)
    markdown = render_series(library, series, today=TODAY, now=NOW)
    assert "\x1b" not in markdown and len(h2(markdown)) == 6
    html = render_series_html(library, series, today=TODAY)
    assert "<script>" not in html and "&lt;script&gt;" in html and "\x1b" not in html
