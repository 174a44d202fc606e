"""The digest at the top of the summary ("In brief"): what a busy reader forwards.

The purpose in a line, the top options, every action with owner and due date, the next workshop when a
later session in the same folder follows this one (found by the store on every save, and by `c2c summary`).
"""

from __future__ import annotations

import os
import shutil
import tomllib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from c2c_tui.core.followup.followon import follow_on
from c2c_tui.core.model import Action, Option, Session
from c2c_tui.core.store import load, save, summary_path
from c2c_tui.core.store.next_workshop import next_workshop
from c2c_tui.core.summary import render_markdown
from c2c_tui.core.summary.digest import NextWorkshop, purpose_line

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "sessions" / "cooling-valmora.toml"
NOW = datetime(2026, 11, 12, 16, 45, tzinfo=UTC)
PARSER = MarkdownIt("commonmark").enable("table")


def load_example() -> Session:
    with EXAMPLE.open("rb") as f:
        return Session.model_validate(tomllib.load(f))


def digest_of(markdown: str) -> str:
    """The text of the "In brief" section (from its heading to the next ``##``)."""
    start = markdown.index("\n## In brief\n")
    end = markdown.index("\n## ", start + 1)
    return markdown[start:end].strip()


def h2s(markdown: str) -> list[str]:
    tokens = PARSER.parse(markdown)
    return [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]


# -- the example -------------------------------------------------------------------------------------


def test_the_digest_comes_right_after_the_title_date_place_and_mode() -> None:
    markdown = render_markdown(load_example(), NOW)
    assert h2s(markdown)[:2] == ["In brief", "Purpose"]
    head, _, _ = markdown.partition("## In brief")
    assert "**Date:** Thursday 12 November 2026, 15:00" in head and "**Mode:** hybrid" in head


def test_the_example_digest_names_the_purpose_the_must_options_and_every_action() -> None:
    digest = digest_of(render_markdown(load_example(), NOW))
    assert digest == (
        "## In brief\n\n"
        "**Purpose:** Learn from cities that already run heat-health programmes how Valmora can keep the "
        "residents most at risk safe during extreme heat, and leave with a short list of options and owned "
        "actions before the 2027 heat season.\n\n"
        "**Top options** (the Must options; all 7 are ranked in Part 3):\n\n"
        "1. Libraries as named cool spaces with evening hours on alert days — "
        "*Phoenix Office of Heat Response* · Must · impact 4 · risk 1\n"
        "2. Same-day heat alerts with named heatwaves — *Seville City Council* · Must · impact 4 · risk 2\n\n"
        "**Actions** (8: 6 open, 1 done, 1 dropped):\n\n"
        "- Draft the cool-spaces plan with libraries, including evening hours on alert days — "
        "**Tomás Reyes**, due 2026-12-15\n"
        "- Get a legal opinion on sharing the priority services register for heat outreach — "
        "**Daniel Mbeki**, due 2027-01-15\n"
        "- Book the follow-up call with Phoenix's Heat Relief Network coordinator — "
        "**Tomás Reyes**, due 2027-01-20\n"
        "- Ask the regional weather service about naming heatwaves and same-day alerts — "
        "**Maria Okafor**, due 2027-01-31\n"
        "- Set up age-band visitor counts at every cool space — **Lena Farouk**, due 2027-03-01\n"
        "- Design a volunteer check-in pilot with 50 Age Friendly Network volunteers — "
        "**Grace Lindqvist**, due 2027-03-31\n"
        "- Send Seville and Phoenix the anonymised ward map and the footfall data — "
        "**Maria Okafor**, due 2026-12-01, done\n"
        "- Price free bus travel on alert days with the regional transport authority — "
        "**Maria Okafor**, due 2027-02-28, dropped"
    )


def test_every_action_of_the_example_is_in_the_digest_with_its_owner() -> None:
    session = load_example()
    digest = digest_of(render_markdown(session, NOW))
    for action in session.actions:
        assert f"{action.text} — **{action.owner}**, due {action.due.isoformat()}" in digest


# -- without options, actions or a purpose ---------------------------------------------------------------


def test_a_session_without_options_or_actions_says_so() -> None:
    session = load_example()
    session.options, session.actions, session.workshop.purpose = [], [], ""
    digest = digest_of(render_markdown(session, NOW))
    assert "**Purpose:** *(not written yet)*" in digest
    assert "**Top options:** *(no options captured)*" in digest
    assert "**Actions:** *(no actions agreed)*" in digest
    assert "Next workshop" not in digest


def test_without_a_must_the_best_three_should_or_could_options_are_named() -> None:
    session = load_example()
    session.options = [
        Option(id=f"o{n}", title=f"Option {n}", moscow=moscow, impact=impact, risk=2)
        for n, (moscow, impact) in enumerate(
            [("could", 5), ("should", 3), ("wont", 5), ("should", 5), ("could", 1), (None, 5)], start=1
        )
    ]
    digest = digest_of(render_markdown(session, NOW))
    assert "**Top options** (none is a Must yet: the best ranked; all 6 are ranked in Part 3):" in digest
    assert "1. Option 4 — Should · impact 5 · risk 2\n2. Option 2 — Should" in digest
    assert "3. Option 1 — Could" in digest
    assert "Option 5" not in digest and "Option 3" not in digest and "Option 6" not in digest


def test_wont_and_unrated_options_are_never_top_options() -> None:
    session = load_example()
    session.options = [Option(id="o1", title="Never", moscow="wont"), Option(id="o2", title="Unrated")]
    digest = digest_of(render_markdown(session, NOW))
    assert "**Top options:** *(none is rated Must, Should or Could yet; all 2 are in Part 3)*" in digest


def test_at_most_five_must_options_and_the_digest_says_how_many_there_are() -> None:
    session = load_example()
    session.options = [Option(id=f"o{n}", title=f"Must {n}", moscow="must") for n in range(1, 8)]
    digest = digest_of(render_markdown(session, NOW))
    assert "(the first 5 of 7 Must options; all 7 are ranked in Part 3)" in digest
    assert "5. Must 5" in digest and "Must 6" not in digest


def test_an_action_without_owner_or_due_date_says_so_and_open_ones_come_first_soonest_due() -> None:
    session = load_example()
    session.actions = [
        Action(id="a1", text="Done early", owner="Ana", due=date(2026, 1, 1), status="done"),
        Action(id="a2", text="Nobody yet"),
        Action(id="a3", text="Soon", owner="Ben", due=date(2026, 12, 1)),
    ]
    digest = digest_of(render_markdown(session, NOW))
    assert digest.endswith(
        "**Actions** (3: 2 open, 1 done):\n\n"
        "- Soon — **Ben**, due 2026-12-01\n"
        "- Nobody yet — *no owner*, *no due date*\n"
        "- Done early — **Ana**, due 2026-01-01, done"
    )


def test_the_purpose_is_one_line_cut_at_a_word_when_long() -> None:
    assert purpose_line("Learn\n\nfrom   others.") == "Learn from others."
    long = "word " * 100
    line = purpose_line(long)
    assert len(line) <= 280 and line.endswith("word…") and "\n" not in line


def test_hostile_text_in_the_digest_stays_literal() -> None:
    session = load_example()
    session.workshop.purpose = "# not a heading\n- nor a list"
    session.actions[0].owner = "**bold** | <b>x</b>"
    session.options[0].title = "1. [link](http://x)"
    markdown = render_markdown(session, NOW)
    assert h2s(markdown)[:2] == ["In brief", "Purpose"]
    digest = digest_of(markdown)
    assert "**Purpose:** \\# not a heading - nor a list" in digest
    assert "**\\*\\*bold\\*\\* \\| \\<b\\>x\\</b\\>**" in digest
    assert "1\\. \\[link\\](http://x)" in digest


# -- the next workshop --------------------------------------------------------------------------------


def test_the_next_workshop_is_named_with_its_title_and_date() -> None:
    upcoming = NextWorkshop(title="Heat two | *again*", date=date(2027, 3, 4), file="heat-two.toml")
    digest = digest_of(render_markdown(load_example(), NOW, upcoming))
    assert digest.endswith(
        "**Next workshop:** Heat two \\| \\*again\\*, Thursday 4 March 2027 (heat-two.toml)"
    )


@pytest.fixture
def earlier(tmp_path: Path) -> Path:
    path = tmp_path / "heat-one.toml"
    shutil.copy(EXAMPLE, path)
    return path


def make_follow_on(earlier: Path, name: str, title: str, day: date | None) -> Path:
    path = earlier.parent / name
    later = follow_on(earlier, path, title=title, now=NOW + timedelta(days=30))
    later.workshop.date = day
    save(path, later, now=NOW)
    return path


def test_saving_a_session_with_a_follow_on_beside_it_names_the_next_workshop(earlier: Path) -> None:
    make_follow_on(earlier, "heat-two.toml", "Heat two", date(2027, 3, 4))
    save(earlier, load(earlier), now=NOW)
    text = summary_path(earlier).read_text(encoding="utf-8")
    assert "**Next workshop:** Heat two, Thursday 4 March 2027 (heat-two.toml)" in digest_of(text)
    later = summary_path(earlier.parent / "heat-two.toml").read_text(encoding="utf-8")
    assert "Next workshop" not in later  # nothing follows the follow-on


def test_c2c_summary_names_the_next_workshop_too(earlier: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from c2c_tui.cli import main

    make_follow_on(earlier, "heat-two.toml", "Heat two", None)
    assert main(["summary", str(earlier)]) == 0
    assert "**Next workshop:** Heat two, date not set (heat-two.toml)" in capsys.readouterr().out
    assert main(["summary", str(earlier), "--format", "html"]) == 0
    assert "<strong>Next workshop:</strong> Heat two, date not set (heat-two.toml)" in capsys.readouterr().out


def test_of_two_follow_ons_the_earliest_dated_is_next(earlier: Path) -> None:
    make_follow_on(earlier, "b-late.toml", "Late", date(2027, 6, 1))
    make_follow_on(earlier, "c-undated.toml", "Undated", None)
    make_follow_on(earlier, "d-soon.toml", "Soon", date(2027, 2, 1))
    found = next_workshop(earlier, load(earlier))
    assert found == NextWorkshop(title="Soon", date=date(2027, 2, 1), file="d-soon.toml")


def test_a_renamed_earlier_file_is_still_followed_by_its_created_stamp(earlier: Path) -> None:
    make_follow_on(earlier, "heat-two.toml", "Heat two", date(2027, 3, 4))
    renamed = earlier.with_name("heat-one-renamed.toml")
    earlier.rename(renamed)
    found = next_workshop(renamed, load(renamed))
    assert found is not None and found.title == "Heat two"


def test_a_session_that_only_shares_the_name_does_not_follow(earlier: Path) -> None:
    later = make_follow_on(earlier, "heat-two.toml", "Heat two", date(2027, 3, 4))
    other = load(earlier)
    other.created = datetime(2020, 1, 1, tzinfo=UTC)  # another workshop now at the same file name
    assert next_workshop(earlier, other) is None
    assert later.is_file()


def test_only_the_sessions_own_folder_is_looked_in(earlier: Path, tmp_path: Path) -> None:
    sub = tmp_path / "elsewhere"
    sub.mkdir()
    later = follow_on(earlier, sub / "heat-two.toml", title="Heat two", now=NOW)
    save(sub / "heat-two.toml", later, now=NOW)
    assert next_workshop(earlier, load(earlier)) is None


def test_a_broken_file_and_a_conflict_copy_beside_it_are_skipped(earlier: Path) -> None:
    (earlier.parent / "broken.toml").write_text('after = "heat-one.toml"\n[[[', encoding="utf-8")
    make_follow_on(earlier, "heat-two.conflict-20261112.toml", "Conflict copy", date(2027, 1, 1))
    assert next_workshop(earlier, load(earlier)) is None


def test_a_follow_on_edited_since_the_last_look_is_read_again(earlier: Path) -> None:
    later = make_follow_on(earlier, "heat-two.toml", "Heat two", date(2027, 3, 4))
    assert next_workshop(earlier, load(earlier)).title == "Heat two"  # type: ignore[union-attr]
    session = load(later)
    session.title = "Heat two, renamed"
    save(later, session, now=NOW)
    os.utime(later, ns=(1, 10**18))  # a new mtime even on a coarse clock
    assert next_workshop(earlier, load(earlier)).title == "Heat two, renamed"  # type: ignore[union-attr]
