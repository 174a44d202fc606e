"""Running the command line in-process, as the tests of every command do."""

from __future__ import annotations

import os

import pytest

from c2c_tui.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str | os.PathLike[str]) -> tuple[int, str, str]:
    """``c2c ARGV...``: its exit code, standard output and standard error."""
    try:
        code = main([os.fspath(arg) for arg in argv])
    except SystemExit as stop:
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err
