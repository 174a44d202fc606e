"""What every command shares: the one-line error, the registry the commands enter themselves in."""

from __future__ import annotations

import argparse
from collections.abc import Callable

CHECK_CAP = 20  # `c2c check` lists at most this many problems per file

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


class CliError(Exception):
    """A problem to report as one line on stderr, with exit code 1."""


def command(
    name: str,
) -> Callable[[Callable[[argparse.Namespace], int]], Callable[[argparse.Namespace], int]]:
    def register(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        COMMANDS[name] = func
        return func

    return register
