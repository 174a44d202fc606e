"""Core never imports textual: each core module, sub-packages included, is imported in a fresh interpreter."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import c2c_tui.core

CORE_MODULES = sorted(m.name for m in pkgutil.walk_packages(c2c_tui.core.__path__, "c2c_tui.core."))


def test_core_modules_found() -> None:
    assert {"c2c_tui.core.model", "c2c_tui.core.clock", "c2c_tui.core.store"} <= set(CORE_MODULES)
    assert {"c2c_tui.core.clock.log", "c2c_tui.core.store.session_file", "c2c_tui.core.reading.watch"} <= set(
        CORE_MODULES
    )


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; sys.exit(1 if any(m == 'textual' or m.startswith('textual.') for m in sys.modules) else 0)"
    result = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True)
    assert result.returncode == 0, f"{module} imports textual (or failed: {result.stderr.strip()[-300:]})"


def test_cli_help_does_not_import_textual() -> None:
    code = (
        "import sys\nfrom c2c_tui.cli import main\n"
        "try:\n    main(['status', '--help'])\nexcept SystemExit:\n    pass\n"
        "sys.exit(1 if 'textual' in sys.modules else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
