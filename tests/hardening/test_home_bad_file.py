"""The home screen (and `c2c review DIR`, which lists the same folder) with a file that `check` used to
accept and that crashed the folder scan (issue 10 §5): that file is a broken row, the others are listed."""

from __future__ import annotations

from pathlib import Path

import pytest
from home_support import FOLDER, folder, home, screen_text, steady, table_rows  # noqa: F401

pytestmark = pytest.mark.usefixtures("folder")


async def test_a_clock_in_year_9999_is_one_broken_row_and_the_rest_is_listed() -> None:
    bad = FOLDER / "zz-year-9999.toml"
    bad.write_text(
        'schema_version = 1\ntitle = "Far future"\n\n[[clock]]\nat = 9999-12-31T23:00:00Z\nevent = "start"\n'
    )
    app = home(FOLDER)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        rows = table_rows(app)
        assert len(rows) == 6
        assert rows[-1][3] == "broken"
        assert rows[-1][1] == "zz-year-9999.toml" and "clock[0].at" in rows[-1][2]
        assert "Valmora: keeping vulnerable residents safe in extreme heat" in [row[1] for row in rows]
        assert "4 sessions · 2 broken files" in screen_text(app)
    assert Path(bad).read_text().count("9999") == 1  # never written
