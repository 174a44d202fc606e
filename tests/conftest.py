"""Fixtures for every test folder: ``local_zone`` sets the machine's time zone for one test.

Every c2c the tests start (in process or not) keeps its table of compiled dataclass code
(``c2c_tui/code_cache.py``) in a folder of this test run's, never in the user's cache folder."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator

import pytest

os.environ["C2C_CACHE_DIR"] = tempfile.mkdtemp(prefix="c2c-test-cache-")
atexit.register(shutil.rmtree, os.environ["C2C_CACHE_DIR"], True)


@pytest.fixture
def local_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """``local_zone("Asia/Tokyo")`` makes that the machine's zone for the test (TZ, then tzset); undone after."""

    def use(zone: str) -> None:
        monkeypatch.setenv("TZ", zone)
        time.tzset()

    yield use
    monkeypatch.undo()
    time.tzset()
