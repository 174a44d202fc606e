"""Rows appended by a script as PRODUCT.md describes them (phase, kind, text, team: no id), and `c2c check`
naming every problem (issue 10 §5): the bad kind at row 3,000 is named, not hidden behind missing ids."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import run

from c2c_tui.core.store import SessionError, SessionFile, load

HEAD = """schema_version = 1
title = "Heat plan"

[[teams]]
id = "sev"
name = "Seville City Council"
role = "advisor"

[[teams]]
name = "Athens Resilience Office"
role = "seeking"
"""


def rows(count: int, kind: str = "note", team: str = "Seville City Council") -> str:
    row = f'\n[[entries]]\nphase = "insights"\nkind = "{kind}"\ntext = "row {{}}"\nteam = "{team}"\n'
    return "".join(row.format(i) for i in range(count))


def test_rows_without_id_get_one_and_keep_it_from_the_next_save(tmp_path: Path) -> None:
    path = tmp_path / "appended.toml"
    path.write_text(
        HEAD + '\n[[entries]]\nid = "e7"\nphase = "context"\nkind = "note"\ntext = "kept"\n' + rows(2)
    )
    session = load(path)
    assert [team.id for team in session.teams] == ["sev", "t1"]
    assert [(e.id, e.team) for e in session.entries] == [("e7", None), ("e8", "sev"), ("e9", "sev")]
    opened = SessionFile.open(path)
    opened.save()
    text = path.read_text()
    assert 'id = "e8"' in text and 'id = "t1"' in text and 'team = "sev"' in text
    assert "Seville City Council" in text  # the team's own name, not a reference any more
    assert [(e.id, e.team) for e in load(path).entries] == [("e7", None), ("e8", "sev"), ("e9", "sev")]


def test_a_team_named_by_its_exact_name_or_its_id_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "teams.toml"
    path.write_text(HEAD + rows(1, team="Athens Resilience Office") + rows(1, team="sev"))
    assert [e.team for e in load(path).entries] == ["t1", "sev"]
    path.write_text(HEAD + rows(1, team="seville city council"))  # not the exact name
    with pytest.raises(SessionError, match=r"entries\[0\]\.team: no team has the id 'seville city council'"):
        load(path)
    twice = HEAD.replace("Athens Resilience Office", "Seville City Council")  # two teams, one name
    path.write_text(twice + rows(1))
    with pytest.raises(SessionError, match=r"entries\[0\]\.team: no team has the id 'Seville City Council'"):
        load(path)


def test_the_bad_kind_at_row_3000_is_the_one_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "big.toml"
    path.write_text(HEAD + rows(2999) + rows(1, kind="observation"))
    with pytest.raises(SessionError) as refused:
        load(path)
    assert str(refused.value).startswith(f"{path}: entries[2999].kind: should be 'note', ")
    assert "more problem" not in str(refused.value)
    code, out, err = run(capsys, "check", str(path))
    assert code == 1 and out == ""
    assert err.splitlines() == [str(refused.value)]


def test_check_prints_one_line_per_problem_up_to_its_cap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "many.toml"
    path.write_text(HEAD + rows(2) + rows(25, kind="observation"))
    code, out, err = run(capsys, "check", str(path))
    lines = err.splitlines()
    assert code == 1 and out == "" and len(lines) == 21
    assert [line.split(": ")[1] for line in lines[:20]] == [f"entries[{i}].kind" for i in range(2, 22)]
    assert (
        lines[20]
        == f"{path}: ... and 5 more problems in this file (c2c check lists the first 20 of each file)"
    )


def test_check_names_every_bad_reference_and_duplicate_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "refs.toml"
    dup = '\n[[entries]]\nid = "e1"\nphase = "context"\nkind = "note"\ntext = "twice"\n'
    path.write_text(HEAD + dup + dup + rows(1, team="Lisbon") + rows(1, team="Oslo"))
    with pytest.raises(SessionError) as refused:
        load(path)
    assert str(refused.value) == f"{path}: entries[1].id: duplicate id 'e1' (+2 more problems)"
    code, out, err = run(capsys, "check", str(path))
    assert (
        code == 1
        and out == ""
        and err.splitlines()
        == [
            f"{path}: entries[1].id: duplicate id 'e1'",
            f"{path}: entries[2].team: no team has the id 'Lisbon'",
            f"{path}: entries[3].team: no team has the id 'Oslo'",
        ]
    )
