"""The hardening tests reuse the app helpers (tests/tui), the session strategies (tests/unit), the in-process
command line (tests/cli) and the big workshop generator (bench/); they set the machine's time zone through
``local_zone`` (tests/conftest.py, for every folder)."""

from __future__ import annotations

import sys
from collections.abc import Callable
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
def tokyo(local_zone: Callable[[str], None]) -> None:
    local_zone("Asia/Tokyo")
