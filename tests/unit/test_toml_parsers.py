"""Session files are parsed with tomli (compiled, fast) and stdlib tomllib decides whatever tomli refuses.

tomli and tomllib give identical results on every session file we have, the big bench session and any session
c2c writes; a refusal's message is tomllib's; c2c reads every document tomllib reads; and without tomli
everything still reads, with tomllib.
"""

from __future__ import annotations

import importlib.util
import math
import sys
import tomllib
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
import tomli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from session_strategies import sessions

from c2c_tui.core import store
from c2c_tui.core.model import Session
from c2c_tui.core.reading import parse as reading
from c2c_tui.core.store import SessionError

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(
    path
    for folder in ("sessions", "tests/broken", "tests/golden", "src/c2c_tui/data")
    for path in (ROOT / folder).glob("*.toml")
)


def typed(value: Any) -> Any:
    """``value`` with every leaf tagged by its type: ``1``, ``1.0`` and ``True`` differ, and so do time zones."""
    if isinstance(value, dict):
        return ("dict", [(key, typed(item)) for key, item in value.items()])
    if isinstance(value, list):
        return ("list", [typed(item) for item in value])
    if isinstance(value, float):
        return ("float", "nan" if math.isnan(value) else repr(value))
    if isinstance(value, datetime | time):
        return (type(value).__name__, value.isoformat(), repr(value.utcoffset()))
    if isinstance(value, date):
        return ("date", value.isoformat())
    return (type(value).__name__, value)


def both(text: str) -> tuple[Any, Any]:
    """What tomllib and tomli make of ``text``: the typed document, or the kind of error."""
    results = []
    for parser in (tomllib, tomli):
        try:
            results.append(typed(parser.loads(text)))
        except (parser.TOMLDecodeError, RecursionError, ValueError) as error:
            results.append(("refused", type(error).__name__))
    return results[0], results[1]


def tomllib_message(text: str) -> str:
    with pytest.raises(tomllib.TOMLDecodeError) as error:
        tomllib.loads(text)
    return " ".join(str(error.value).split())


@pytest.fixture
def without_tomli(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """tomli not importable (``import tomli`` raises ImportError), for this test only."""
    monkeypatch.setitem(sys.modules, "tomli", None)
    reading._tomli_loads.cache_clear()
    yield
    monkeypatch.undo()
    reading._tomli_loads.cache_clear()


def test_tomli_is_what_parses() -> None:
    assert reading._tomli_loads() is tomli.loads


def test_there_are_files_to_compare() -> None:
    assert len(FILES) >= 20


@pytest.mark.parametrize("path", FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_identical_on_every_stored_file(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    from_tomllib, from_tomli = both(text)
    assert from_tomli == from_tomllib


def test_identical_on_the_big_bench_session() -> None:
    spec = importlib.util.spec_from_file_location("bigsession", ROOT / "bench" / "bigsession.py")
    assert spec is not None and spec.loader is not None
    bigsession = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bigsession)
    session = bigsession.big_session(2000)
    text = store.dumps(session)
    from_tomllib, from_tomli = both(text)
    assert from_tomllib[0] == "dict" and from_tomli == from_tomllib
    assert store.loads(text, "big.toml") == session


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_identical_on_any_session_c2c_writes(session: Session) -> None:
    text = store.dumps(session)
    from_tomllib, from_tomli = both(text)
    assert from_tomllib[0] == "dict" and from_tomli == from_tomllib
    assert store.loads(text, "x.toml") == session


VALUES = st.one_of(
    st.sampled_from(
        [
            "1",
            "-0",
            "1_000",
            "0x1F",
            "1.5",
            "1e3",
            "inf",
            "nan",
            "true",
            '"text"',
            "'literal'",
            '"""\nmulti\nline"""',
            "2026-11-12",
            "2026-11-12T10:30:00Z",
            "2026-11-12 10:30:00+01:00",
            "10:30:00",
            "[1, 2]",
            "[1, [2, 3],]",
            '{ id = "t1", name = "N" }',
            "{}",
            # TOML 1.1 only (tomli >= 2.4 reads them; tomllib before Python 3.15 refuses them)
            "{ a = 1, }",
            "{\n  a = 1,\n  b = 2\n}",
            '"\\e[0m"',
            '"\\x41"',
            "10:30",
            "2026-11-12T10:30Z",
        ]
    ),
    st.text(max_size=6).map(lambda text: f'"{text}"'),  # now and then not a valid string
    st.text(max_size=4),  # mostly not a value
)
KEYS = st.sampled_from(["a", "b", "c.d", '"q k"', "x-y", "1", "schema_version", "title"])
LINES = st.one_of(
    st.builds("{} = {}".format, KEYS, VALUES),
    st.sampled_from(["[t]", "[[arr]]", "[a]", "# note", "", "= 1", "a = 1 b"]),
)
TOMLISH = st.lists(LINES, max_size=6).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(TOMLISH)
def test_c2c_reads_what_tomllib_reads_and_refuses_in_its_words(text: str) -> None:
    try:
        expected = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        try:
            parsed = reading._parse_toml(text, "t.toml")
        except SessionError as error:
            assert str(error).startswith(f"t.toml: invalid TOML: {tomllib_message(text)}")
        else:  # TOML 1.1 (tomli >= 2.4, and tomllib from Python 3.15), e.g. `{a = 1,}`: tomli reads it
            assert typed(parsed) == typed(tomli.loads(text))
        return
    assert typed(reading._parse_toml(text, "t.toml")) == typed(expected)


def test_a_refusal_is_worded_by_tomllib(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str) -> dict[str, Any]:
        raise tomli.TOMLDecodeError("tomli's own words", text, 0)

    monkeypatch.setattr(reading, "_tomli_loads", lambda: refuse)
    text = 'schema_version = 1\ntitle = "T\n'
    with pytest.raises(SessionError) as error:
        store.loads(text, "w.toml")
    assert (
        str(error.value) == f"w.toml: invalid TOML: {tomllib_message(text)}; a string not closed on its line?"
    )
    assert "tomli's own words" not in str(error.value)


def test_tomllib_decides_when_tomli_fails_for_any_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str) -> dict[str, Any]:
        raise AssertionError("a bug in tomli")

    monkeypatch.setattr(reading, "_tomli_loads", lambda: broken)
    assert store.loads('schema_version = 1\ntitle = "T"\n', "w.toml").title == "T"


def test_nested_past_tomlis_limit_still_reads() -> None:
    depth = 410  # tomli stops at 400 levels of inline arrays; tomllib goes on to its recursion limit
    text = "a = " + "[" * depth + "]" * depth
    with pytest.raises(RecursionError):
        tomli.loads(text)
    assert reading._parse_toml(text, "deep.toml") == tomllib.loads(text)


def test_without_tomli_everything_reads_with_tomllib(without_tomli: None, tmp_path: Path) -> None:
    assert reading._tomli_loads() is None
    path = tmp_path / "w.toml"
    store.save(path, Session(title="Plain"))
    assert store.load(path).title == "Plain"
    with store.SessionFile.open(path, lock=False) as opened:
        assert opened.session.title == "Plain"
    text = 'schema_version = 1\ntitle = "T\n'
    with pytest.raises(SessionError) as error:
        store.loads(text, "w.toml")
    assert (
        str(error.value) == f"w.toml: invalid TOML: {tomllib_message(text)}; a string not closed on its line?"
    )
    with pytest.raises(SessionError, match="invalid TOML: "):
        store.loads('schema_version = 1\ntitle = "T"\nteams = [{id = "t1",}]\n', "w.toml")


def test_toml_1_1_syntax_reads_with_tomli() -> None:
    """tomli >= 2.4 reads TOML 1.1 (as tomllib will from Python 3.15): a trailing comma in an inline table."""
    text = 'schema_version = 1\ntitle = "T"\nteams = [{id = "t1", name = "N", role = "seeking",}]\n'
    assert store.loads(text, "w.toml").teams[0].name == "N"
