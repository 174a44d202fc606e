"""Actions across workshops: filters, order, the three renderings, and writing a change back safely."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from c2c_tui.core.followup import (
    CSV_HEADER,
    ActionError,
    ActionRow,
    collect,
    render_csv,
    render_md,
    render_table,
    update_action,
)
from c2c_tui.core.followup.library import Library, scan
from c2c_tui.core.model import Action, Session, Team, Workshop
from c2c_tui.core.store import SessionFile, SessionLocked, load, save
from c2c_tui.core.text.textcells import cell_width, fit, plain

NOW = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)
TODAY = date(2026, 6, 1)
HOSTILE = "a | b\n# not a heading\n[x](y) *em* <b>bold</b> `code`"


def session(title: str, day: date | None, actions: list[Action], teams: list[Team] | None = None) -> Session:
    return Session(title=title, workshop=Workshop(date=day), teams=teams or [], actions=actions)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    valmora = Team(id="t1", name="Valmora City Council", role="seeking")
    save(
        tmp_path / "heat.toml",
        session(
            "Heat resilience",
            date(2026, 5, 10),
            [
                Action(id="a1", text="Draft the plan", owner="Maria Okafor", due=date(2026, 5, 1), team="t1"),
                Action(id="a2", text="Send the map", owner="Tomás", due=date(2026, 4, 1), status="done"),
                Action(id="a3", text="Call Seville", owner="maria k"),
            ],
            [valmora],
        ),
    )
    save(
        tmp_path / "flood.toml",
        session(
            "Flood planning",
            date(2026, 3, 2),
            [
                Action(id="a1", text="Map the polders", owner="Jan", due=date(2026, 7, 1)),
                Action(id="a2", text="Price pumps", owner="Anna", due=date(2026, 5, 20), status="dropped"),
                Action(id="a3", text="Ask the water board", owner="Ana", due=date(2026, 5, 1)),
            ],
        ),
    )
    save(
        tmp_path / "mobility.toml",
        session(
            "Mobility hubs", None, [Action(id="a1", text=HOSTILE, owner="Lee | Chen", due=date(2026, 9, 1))]
        ),
    )
    (tmp_path / "broken.toml").write_text("title = [unclosed\n", encoding="utf-8")
    return tmp_path


@pytest.fixture
def library(folder: Path) -> Library:
    return scan(folder, NOW)


def keys(rows: list[ActionRow]) -> list[tuple[str, str]]:
    return [(row.path.stem, row.id) for row in rows]


def test_every_action_of_every_good_session_sorted_by_due_date_undated_last(library: Library) -> None:
    assert len(library.problems) == 1  # broken.toml: listed by the library, never hides the others
    rows = collect(library, today=TODAY)
    assert keys(rows) == [
        ("heat", "a2"),  # 2026-04-01
        ("flood", "a3"),  # 2026-05-01, "Flood planning" before "Heat resilience"
        ("heat", "a1"),  # 2026-05-01
        ("flood", "a2"),  # 2026-05-20
        ("flood", "a1"),  # 2026-07-01
        ("mobility", "a1"),  # 2026-09-01
        ("heat", "a3"),  # no due date: last
    ]


def test_a_row_says_which_workshop_and_file_it_came_from(library: Library, folder: Path) -> None:
    row = next(r for r in collect(library, today=TODAY) if r.text == "Draft the plan")
    assert row == ActionRow(
        workshop="Heat resilience",
        path=folder / "heat.toml",
        id="a1",
        text="Draft the plan",
        owner="Maria Okafor",
        due=date(2026, 5, 1),
        status="open",
        team="Valmora City Council",
        overdue=True,
    )


def test_filter_by_status(library: Library) -> None:
    assert keys(collect(library, status="done", today=TODAY)) == [("heat", "a2")]
    assert keys(collect(library, status="dropped", today=TODAY)) == [("flood", "a2")]
    assert len(collect(library, status="open", today=TODAY)) == 5
    with pytest.raises(ActionError, match="unknown status 'closed'"):
        collect(library, status="closed", today=TODAY)


def test_filter_by_owner_is_a_case_insensitive_part_of_the_name(library: Library) -> None:
    assert keys(collect(library, owner="MARIA", today=TODAY)) == [("heat", "a1"), ("heat", "a3")]
    assert keys(collect(library, owner="an", today=TODAY)) == [
        ("flood", "a3"),
        ("flood", "a2"),
        ("flood", "a1"),
    ]
    assert collect(library, owner="nobody", today=TODAY) == []


def test_overdue_means_open_and_due_before_today(library: Library) -> None:
    assert keys(collect(library, overdue=True, today=TODAY)) == [("flood", "a3"), ("heat", "a1")]
    assert keys(collect(library, overdue=True, today=date(2026, 5, 1))) == []  # due today is not late
    later = collect(library, overdue=True, today=date(2026, 12, 1))
    assert keys(later) == [("flood", "a3"), ("heat", "a1"), ("flood", "a1"), ("mobility", "a1")]
    assert collect(library, overdue=True, status="done", today=date(2027, 1, 1)) == []


# -- table -------------------------------------------------------------------------------------------


def test_table_flags_overdue_rows_in_words_and_counts_them(library: Library) -> None:
    rows = collect(library, today=TODAY)
    lines = render_table(rows, TODAY).splitlines()
    body = lines[1 : 1 + len(rows)]
    assert lines[0].split() == ["due", "status", "id", "action", "owner", "workshop", "file"]
    for row, line in zip(rows, body, strict=True):
        assert ("OVERDUE" in line) == row.overdue, line
        assert row.path.name in line or "…" in line
    assert lines[-1] == "7 actions (2 overdue) in 3 sessions, as of 2026-06-01."


def test_table_fits_the_width_and_cuts_long_text_with_an_ellipsis(library: Library) -> None:
    rows = collect(library, today=TODAY)
    for width in (80, 100):
        text = render_table(rows, TODAY, width=width)
        assert max(cell_width(line) for line in text.splitlines()) <= width
    assert "…" in render_table(rows, TODAY, width=80)
    wide = render_table(rows, TODAY, width=200)
    assert "Ask the water board" in wide and "…" not in wide


def test_table_shows_user_text_on_one_line_without_terminal_controls(library: Library) -> None:
    rows = collect(library, today=TODAY)
    hostile = [r for r in rows if r.path.stem == "mobility"]
    sneaky = ActionRow(
        "T\x1b[31m", hostile[0].path, "a9", "red\x1b[2Jtext\tand\rmore", "", None, "open", "", False
    )
    text = render_table([*hostile, sneaky], TODAY, width=200)
    assert "\x1b" not in text and "\t" not in text and "\r" not in text
    assert len(text.splitlines()) == 1 + 2 + 2  # header, two rows, blank line, count
    assert "a | b # not a heading [x](y)" in text


def test_an_empty_listing_says_so() -> None:
    assert render_table([], TODAY) == "No actions to list (as of 2026-06-01)."
    assert render_csv([]).splitlines() == [",".join(CSV_HEADER)]


def test_text_cells_measure_wide_characters() -> None:
    assert cell_width("東京 ok") == 7
    assert fit("東京都庁舎", 5) == "東京…"
    assert cell_width(fit("東京都庁舎", 5)) <= 5
    assert fit("short", 5) == "short"
    assert plain(" a\n\n b\x07 ") == "a b\u2407"  # BEL shown as its control picture


# -- csv and markdown --------------------------------------------------------------------------------


def test_csv_parses_back_to_the_same_rows(library: Library) -> None:
    rows = collect(library, today=TODAY)
    parsed = list(csv.reader(io.StringIO(render_csv(rows))))
    assert parsed[0] == list(CSV_HEADER)
    expected = [
        [
            r.workshop,
            str(r.path),
            r.id,
            r.text,
            r.owner,
            r.due.isoformat() if r.due else "",
            r.status,
            r.team,
            "yes" if r.overdue else "no",
        ]
        for r in rows
    ]
    assert parsed[1:] == expected
    assert [p[3] for p in parsed[1:] if p[2] == "a1" and "mobility" in p[1]] == [HOSTILE]


def _md_table(text: str) -> list[list[str]]:
    md = MarkdownIt("commonmark").enable("table")
    tokens = md.parse(text)
    types = {t.type for t in tokens}
    assert "heading_open" not in types and "html_block" not in types
    assert sum(t.type == "table_open" for t in tokens) == 1
    rows: list[list[str]] = []
    for token in tokens:
        if token.type == "tr_open":
            rows.append([])
        elif token.type in ("th_open", "td_open"):
            rows[-1].append("")
        elif token.type == "inline":
            children = token.children or []
            assert not any(c.type in ("link_open", "em_open", "html_inline", "code_inline") for c in children)
            rows[-1][-1] = "".join(c.content for c in children if c.type == "text")
    return rows


def test_markdown_table_keeps_its_shape_and_the_text_whatever_was_typed(library: Library) -> None:
    rows = collect(library, today=TODAY)
    text = render_md(rows)
    table = _md_table(text)
    assert table[0] == ["Due", "Status", "Overdue", "Action", "Owner", "Team", "Workshop", "File", "ID"]
    assert len(table) == 1 + len(rows)
    assert all(len(r) == 9 for r in table)
    hostile = next(r for r in table[1:] if r[7] == "mobility.toml")
    assert hostile[3] == "a | b / # not a heading / [x](y) *em* <b>bold</b> `code`"
    assert hostile[4] == "Lee | Chen"
    overdue = [r[2] for r in table[1:]]
    assert overdue.count("OVERDUE") == 2
    assert text.rstrip().endswith("7 actions (2 overdue) in 3 sessions.")


# -- writing back ------------------------------------------------------------------------------------


def test_marking_done_writes_the_file_and_refreshes_the_summary(folder: Path) -> None:
    path = folder / "heat.toml"
    summary = folder / "heat.md"
    later = datetime(2026, 6, 2, 9, 30, tzinfo=UTC)
    changed = update_action(path, "a1", status="done", owner="Grace Lindqvist", now=later)
    assert changed.status == "done"
    action = next(a for a in load(path).actions if a.id == "a1")
    assert (action.status, action.owner, action.due, action.updated) == (
        "done",
        "Grace Lindqvist",
        date(2026, 5, 1),
        later,
    )
    assert "| Draft the plan | Grace Lindqvist | 2026-05-01 | done |" in summary.read_text(encoding="utf-8")
    assert not list(folder.glob(".heat.toml*"))  # no lock or temporary file left behind
    assert collect(scan(folder, NOW), overdue=True, today=TODAY)[0].path.stem == "flood"


def test_a_new_due_date_or_none_and_other_actions_untouched(folder: Path) -> None:
    path = folder / "flood.toml"
    before = load(path)
    update_action(path, "a3", due=date(2026, 8, 1), now=NOW)
    assert next(a for a in load(path).actions if a.id == "a3").due == date(2026, 8, 1)
    update_action(path, "a3", clear_due=True, now=NOW)
    after = load(path)
    assert next(a for a in after.actions if a.id == "a3").due is None
    assert [a for a in after.actions if a.id != "a3"] == [a for a in before.actions if a.id != "a3"]


def test_an_unknown_action_id_changes_nothing(folder: Path) -> None:
    path = folder / "heat.toml"
    before = path.read_bytes()
    with pytest.raises(ActionError) as caught:
        update_action(path, "a42", status="done", now=NOW)
    assert str(caught.value) == f"{path}: no action has the id 'a42' (actions: a1, a2, a3)"
    with pytest.raises(ActionError, match="unknown status"):
        update_action(path, "a1", status="finished", now=NOW)
    assert path.read_bytes() == before


def test_a_session_open_elsewhere_is_refused_and_left_byte_identical(folder: Path) -> None:
    path = folder / "heat.toml"
    summary = folder / "heat.md"
    before, summary_before = path.read_bytes(), summary.read_bytes()
    holder = SessionFile.open(path, lock=True)
    try:
        with pytest.raises(SessionLocked) as caught:
            update_action(path, "a1", status="done", now=NOW)
        assert "\n" not in str(caught.value) and str(path) in str(caught.value)
        assert path.read_bytes() == before and summary.read_bytes() == summary_before
    finally:
        holder.close()
    update_action(path, "a1", status="done", now=NOW)  # free again once the other one closes
    assert next(a for a in load(path).actions if a.id == "a1").status == "done"


def test_a_broken_file_is_never_written(folder: Path) -> None:
    path = folder / "broken.toml"
    before = path.read_bytes()
    with pytest.raises(Exception) as caught:
        update_action(path, "a1", status="done", now=NOW)
    assert type(caught.value).__name__ == "SessionError"
    assert path.read_bytes() == before and not (folder / "broken.md").exists()
