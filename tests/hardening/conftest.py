"""The hardening tests reuse the app helpers (tests/tui), the session strategies (tests/unit), the in-process
command line (tests/cli) and the big workshop generator (bench/); and they set the machine's time zone
through one fixture, ``local_zone``."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
for folder in (ROOT / "tests" / "tui", ROOT / "tests" / "unit", ROOT / "tests" / "cli", ROOT / "bench"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))


def pytest_configure(config) -> None:  # type: ignore[no-untyped-def]
    config.addinivalue_line(
        "markers", "slow: takes several seconds (deselect with -m 'not slow'; .ci/run runs it)"
    )


@pytest.fixture
def local_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """``local_zone("Asia/Tokyo")`` makes that the machine's zone for the test (TZ, then tzset); undone after."""

    def use(zone: str) -> None:
        monkeypatch.setenv("TZ", zone)
        time.tzset()

    yield use
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def tokyo(local_zone: Callable[[str], None]) -> None:
    local_zone("Asia/Tokyo")
