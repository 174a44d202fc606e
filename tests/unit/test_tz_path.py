"""``core.tz_path``: zoneinfo's search path set exactly as Python would, without its build-config table."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig

from c2c_tui.core.tz_path import TZPATH_LINE, built_tzpath


def run(code: str, **env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONTZPATH"} | env
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60, env=environment
    )
    return result.stdout.strip()


def test_the_build_tzpath_is_read_as_sysconfig_gives_it() -> None:
    assert built_tzpath() == sysconfig.get_config_var("TZPATH")


def test_zoneinfo_gets_the_same_search_path_without_the_config_table() -> None:
    plain = run("import zoneinfo; print(zoneinfo.TZPATH)")
    code = (
        "import os, sys; import c2c_tui.core, zoneinfo; "
        "print(zoneinfo.TZPATH, any(m.startswith('_sysconfigdata') for m in sys.modules), "
        "'PYTHONTZPATH' in os.environ)"
    )
    assert run(code) == f"{plain} False False"
    assert run("import c2c_tui.core; from zoneinfo import ZoneInfo; print(ZoneInfo('Europe/Lisbon'))") == (
        "Europe/Lisbon"
    )


def test_a_users_pythontzpath_is_left_alone() -> None:
    code = "import c2c_tui.core, zoneinfo; print(zoneinfo.TZPATH)"
    assert run(code, PYTHONTZPATH="/nowhere/zoneinfo") == "('/nowhere/zoneinfo',)"


def test_only_one_exact_tzpath_line_counts() -> None:
    assert TZPATH_LINE.findall(" 'TZPATH': '/usr/share/zoneinfo:/etc/zoneinfo',\n") == [
        "/usr/share/zoneinfo:/etc/zoneinfo"
    ]
    assert TZPATH_LINE.findall(" 'TZPATH': '',\n") == [""]
    assert TZPATH_LINE.findall(" 'TZPATH': '/a' '/b',\n") == []  # not the simple form: zoneinfo decides
    assert TZPATH_LINE.findall(" 'OTHER_TZPATH': '/x',\n") == []
