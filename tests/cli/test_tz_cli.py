"""``c2c new --tz`` and the workshop's zone on the command line (issue 14 §1): the zone asked for, else the
machine's; an unknown one refused in one line and nothing written; a follow-on keeps the earlier zone."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_support import run

from c2c_tui.core import store


@pytest.fixture
def sao_paulo(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "America/Sao_Paulo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_new_writes_the_zone_asked_for(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "valmora.toml"
    code, _out, err = run(capsys, "new", path, "--tz", "Europe/Madrid")
    assert code == 0, err
    assert store.load(path).workshop.timezone == "Europe/Madrid"
    assert 'timezone = "Europe/Madrid"' in path.read_text()


@pytest.mark.usefixtures("sao_paulo")
def test_new_writes_the_machines_zone_by_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "valmora.toml"
    assert run(capsys, "new", path)[0] == 0
    assert store.load(path).workshop.timezone == "America/Sao_Paulo"


def test_an_unknown_zone_is_refused_in_one_line_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "valmora.toml"
    code, out, err = run(capsys, "new", path, "--tz", "Valmora/Central")
    assert code != 0 and out == ""
    assert err == "c2c: --tz: unknown time zone 'Valmora/Central' (an IANA name such as 'Europe/Madrid')\n"
    assert not path.exists()


@pytest.mark.usefixtures("sao_paulo")
def test_a_follow_on_keeps_the_earlier_zone_unless_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second, third = (tmp_path / f"{name}.toml" for name in ("one", "two", "three"))
    assert run(capsys, "new", first, "--tz", "America/Phoenix")[0] == 0
    assert run(capsys, "new", second, "--after", first)[0] == 0
    assert store.load(second).workshop.timezone == "America/Phoenix"
    assert run(capsys, "new", third, "--after", second, "--tz", "Europe/Madrid")[0] == 0
    assert store.load(third).workshop.timezone == "Europe/Madrid"


def test_new_help_names_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "new", "--help")
    assert code == 0 and "--tz ZONE" in out and "IANA" in out
