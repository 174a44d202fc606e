"""The pure parts of the series screens: the topic edits and the review list's cells and progress."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from c2c_tui.core.followup.review_list import cells, outcome_label, progress, to_review
from c2c_tui.core.followup.series_file import SeriesFile, add_topic, dumps_series, set_topic_status
from c2c_tui.core.model import Session
from c2c_tui.core.series_rows import Review

AT = datetime(2026, 12, 10, 10, 0, tzinfo=UTC)


def test_add_and_set_topics() -> None:
    series = add_topic(None, "  Reaching   residents ")
    assert [(t.title, t.status) for t in series.topics] == [("Reaching residents", "backlog")]
    covered = set_topic_status(series, 0, "covered", "second.toml")
    assert (covered.topics[0].status, covered.topics[0].covered_in) == ("covered", "second.toml")
    again = set_topic_status(covered, 0, "next", "second.toml")
    assert (again.topics[0].status, again.topics[0].covered_in) == ("next", None)  # only covered keeps it
    assert series.topics[0].status == "backlog"  # the edits return a new series
    assert SeriesFile.model_validate(__import__("tomllib").loads(dumps_series(again))) == again


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: add_topic(None, "   "), "a topic has a title"),
        (lambda: set_topic_status(add_topic(None, "x"), 3, "next"), "no topic 4"),
        (lambda: set_topic_status(add_topic(None, "x"), 0, "someday"), "unknown status"),  # type: ignore[arg-type]
        (lambda: set_topic_status(add_topic(None, "x"), 0, "covered", "a\nb"), "control characters"),
    ],
)
def test_bad_topic_edits_are_one_line(call, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=message):
        call()


def test_review_cells_and_progress() -> None:
    carried = Review(file="first.toml", item="a1", text="Draft the plan")
    offer = Review(file="first.toml", kind="follow_up", item="e1", text="Share the protocol")
    was = Review(file="first.toml", item="a2", text="Ask", outcome="in_progress", note="old note")
    done = offer.model_copy(update={"outcome": "dropped", "at": AT})
    owned = carried.model_copy(
        update={
            "outcome": "in_progress",
            "note": "draft sent",
            "owner": "Ana",
            "due": date(2027, 2, 1),
            "at": AT,
        }
    )
    assert cells(carried) == ("Draft the plan", "not reviewed", "", "first.toml")
    assert outcome_label(was) == "was in progress"
    assert cells(done)[:2] == ("offer: Share the protocol", "not taken up")
    assert cells(owned)[1:3] == ("in progress: draft sent", "Ana · 2027-02-01")
    assert progress([carried, done, owned]) == "2 of 3 reviewed"
    assert to_review(Session(title="x", reviews=[carried, done, owned])) == 1
