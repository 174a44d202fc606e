"""The hardening tests reuse the app helpers (tests/tui), the session strategies (tests/unit) and the big
workshop generator (bench/)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for folder in (ROOT / "tests" / "tui", ROOT / "tests" / "unit", ROOT / "bench"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))


def pytest_configure(config) -> None:  # type: ignore[no-untyped-def]
    config.addinivalue_line(
        "markers", "slow: takes several seconds (deselect with -m 'not slow'; .ci/run runs it)"
    )
