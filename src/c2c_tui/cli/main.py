"""Run one command: parse, dispatch, and turn every error into one line on stderr (never a traceback)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .. import code_cache
from . import apps, files, folders  # noqa: F401 - each enters its commands in COMMANDS
from .base import COMMANDS, CliError
from .folders import _run_home
from .parser import build_parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; everything it prints to stdout/stderr is neutralised (``core.text.neutral``)."""
    code_cache.install()  # before Textual and pydantic make their dataclasses (c2c_tui/code_cache.py)
    from c2c_tui.core.text.neutral import ShownStream

    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = ShownStream(out), ShownStream(err)  # type: ignore[assignment]
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = out, err


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line parsed; the parser (every command's, ~0.2 MB) is let go before the command runs."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] not in COMMANDS and not args_list[0].startswith("-"):
        args_list.insert(0, "run")  # `c2c FILE.toml`
    return build_parser().parse_args(args_list)


def _main(argv: Sequence[str] | None) -> int:
    args = _parse(argv)
    try:
        if args.command is None:
            return _run_home(args.dir, "home")
        code = COMMANDS[args.command](args)
        sys.stdout.flush()  # here, so a closed pipe is met while we can still handle it
        return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return _reader_went_away()
    except Exception as error:  # noqa: BLE001 - the one place that turns any error into one line
        return report(error)


def _reader_went_away() -> int:
    """Standard output was closed by its reader (`c2c summary x.toml | head`): stop quietly, as `cat` does,
    with 141 (128 + SIGPIPE). What is still buffered goes to /dev/null, so the exit prints nothing either."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass  # no real stdout (a test's capture): nothing is left to flush into the pipe
    return 141


def report(error: BaseException) -> int:
    from c2c_tui.core.store import SessionError

    if isinstance(error, (CliError, SessionError)):
        sys.stderr.write(f"c2c: {error}\n")
        return 1
    if os.environ.get("C2C_DEBUG"):
        raise error
    sys.stderr.write(
        f"c2c: internal error: {type(error).__name__}: {error} (run with C2C_DEBUG=1 for details)\n"
    )
    return 1
