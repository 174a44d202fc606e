"""`c2c proposal` under the Trust rules (PRODUCT.md): no control sequence from a file reaches the terminal
or the page, the file keeps its text exactly, and whatever `c2c check` accepts it shows (a file check
refuses is one line)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import run
from hostile import PAYLOAD, RAW, hostile, hostile_file
from test_model_bounds import EDGE, OVERFLOWING, PLACES

from c2c_tui.core.model import MAX_MINUTES
from c2c_tui.core.proposal_rows import Candidate
from c2c_tui.core.store import load, save


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """The hostile example, with the payload in the proposal's own fields too."""
    path = hostile_file(tmp_path)
    session = load(path)
    w = session.workshop
    w.hopes, w.logistics = hostile(w.hopes or "hopes"), hostile(w.logistics or "logistics")
    w.candidates = [Candidate(city=hostile("Lyon"), organisation=hostile("Métropole"), why=hostile("why"))]
    for item in session.agenda:
        item.note = hostile(item.note)
    save(path, session)
    return path


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_proposal_prints_no_control_sequence(
    path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = path.read_bytes()
    code, out, err = run(capsys, "proposal", path, "--format", fmt)
    assert code == 0 and err == ""
    assert not RAW.findall(out), sorted(set(RAW.findall(out)))
    assert "\u241b" in out and "PWNED" in out  # the text is still there, shown, not acted on
    page = path.with_name(f"proposal.{fmt}")
    assert run(capsys, "proposal", path, "-o", page)[0] == 0
    assert not RAW.findall(page.read_text(encoding="utf-8"))
    assert path.read_bytes() == before
    session = load(path)
    assert session.workshop.hopes is not None and session.workshop.hopes.endswith(PAYLOAD)


@pytest.mark.parametrize("case", sorted(OVERFLOWING))
def test_a_file_check_refuses_is_one_line(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from test_model_bounds import HEAD

    path = tmp_path / f"{case}.toml"
    path.write_text(HEAD + OVERFLOWING[case])
    code, out, err = run(capsys, "proposal", path)
    assert code == 1 and out == ""
    assert err.startswith(f"c2c: {path}: {PLACES[case]}: ") and err.count("\n") == 1, err


def test_what_check_accepts_at_the_edge_it_shows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "edge.toml"
    longest = "".join(f'\n[[agenda]]\nphase = "{p}"\nminutes = {MAX_MINUTES}\n' for p in ("rapport",))
    text = EDGE.replace('title = "Edge"', 'title = "Edge"\n[workshop]\nstart_time = "23:59"', 1)
    others = "".join(
        f'\n[[agenda]]\nphase = "{p}"\nminutes = {MAX_MINUTES}\n'
        for p in ("context", "insights", "reflect", "agree")
    )
    path.write_text(text + longest + others)
    assert run(capsys, "check", path)[0] == 0
    for fmt in ("md", "html"):
        code, out, err = run(capsys, "proposal", path, "--format", fmt)
        assert (code, err) == (0, "") and out
    code, out, _ = run(capsys, "proposal", path)
    assert "23:59–23:59 +5d" in out  # five whole days later, said as such
