"""The command line's grammar: every command, its arguments and its --help (argparse)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from c2c_tui import __version__

from .base import CHECK_CAP


class _Parser(argparse.ArgumentParser):
    """argparse with one-line usage errors (exit 2) instead of a usage block."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: {message} (see {self.prog} --help)\n")
        raise SystemExit(2)


def _document_arguments(p: argparse.ArgumentParser) -> None:
    """PATH, ``-o OUT`` and ``--format md|html``: what ``summary`` and ``proposal`` take."""
    p.add_argument("path", type=Path, metavar="PATH")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT",
        help="write to OUT instead of standard output (`-` is standard output; never over a session file)",
    )
    p.add_argument(
        "--format", choices=("md", "html"), help="md (default) or html (a complete printable page)"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="c2c",
        description="City to City Connections workshop console: clock, quick capture, summary and follow-up.",
        epilog=(
            "With no command, c2c opens the home screen on ./sessions (or --dir). Run `c2c COMMAND --help` for a "
            "command's options. `c2c FILE.toml` is the same as `c2c run FILE.toml`."
        ),
    )
    parser.add_argument("--version", action="version", version=f"c2c {__version__}")
    parser.add_argument(
        "--dir",
        type=Path,
        default=Path("sessions"),
        help="folder of sessions for the home screen (default ./sessions)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser(
        "demo", help="open the example workshop on a scratch copy (the shipped file never changes)"
    )
    p.add_argument(
        "--as-is", action="store_true", help="keep the example's finished clock instead of a fresh one"
    )
    p.add_argument("--dir", type=Path, help="where to put the scratch copy (default: a new temporary folder)")

    p = sub.add_parser("run", help="open the facilitator app on a session file")
    p.add_argument("path", type=Path, metavar="PATH")

    p = sub.add_parser("new", help="write a new session file")
    p.add_argument("path", type=Path, metavar="PATH")
    p.add_argument("--title", help="the workshop's title (default: from the file name)")
    p.add_argument(
        "--template", default=None, help="agenda template (see `c2c templates`; default online-90)"
    )
    p.add_argument(
        "--after",
        type=Path,
        metavar="EARLIER",
        help="a follow-on workshop of EARLIER: same teams and people, its open items carried into a review",
    )
    p.add_argument(
        "--tz",
        metavar="ZONE",
        help="the workshop's time zone, an IANA name such as Europe/Madrid (default: the machine's;"
        " a follow-on: the earlier workshop's)",
    )

    sub.add_parser("templates", help="list the agenda templates and their minutes")

    p = sub.add_parser(
        "check",
        help=f"validate session files: one line per problem (up to {CHECK_CAP} per file); "
        "exit 0 when all are valid, 1 otherwise",
    )
    p.add_argument("paths", type=Path, nargs="+", metavar="PATH", help="session files, or folders of them")

    p = sub.add_parser("status", help="print the live state of a session: phase, time left, projected finish")
    p.add_argument("path", type=Path, metavar="PATH")
    p.add_argument("--json", action="store_true", help="print one JSON object (for scripts and status lines)")

    p = sub.add_parser("summary", help="render the summary of a session (markdown by default)")
    _document_arguments(p)

    p = sub.add_parser(
        "proposal",
        help="the case for holding the workshop, for the people who approve it (markdown by default)",
        description="The case for holding the workshop, from its set-up: purpose, challenge, what we hope to "
        "gain, candidate cities and why, format and logistics, the agenda with its times, who takes part, "
        "what will be shared beforehand, and what is still to be decided.",
    )
    _document_arguments(p)

    p = sub.add_parser(
        "follow", help="a read-only presenter display of a session run elsewhere (second screen)"
    )
    p.add_argument("path", type=Path, metavar="PATH")

    p = sub.add_parser("serve", help="serve the follow view to web browsers (needs the web extra)")
    p.add_argument("path", type=Path, metavar="PATH")
    p.add_argument("--host", default=None, help="address to bind (default 127.0.0.1; others need --public)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument(
        "--public", action="store_true", help="allow a non-loopback address: anyone on that network can watch"
    )
    p.add_argument(
        "--origin",
        action="append",
        default=[],
        metavar="URL",
        help="also accept viewers from this page origin, e.g. https://wall.example.org (repeatable)",
    )
    p.add_argument("--max-viewers", type=int, default=5, metavar="N", help="most viewers at once (default 5)")

    p = sub.add_parser("review", help="browse saved sessions and their summaries; follow up their actions")
    p.add_argument(
        "dir", type=Path, nargs="?", default=Path("sessions"), metavar="DIR", help="default: ./sessions"
    )

    p = sub.add_parser("actions", help="list the agreed actions across the sessions in a folder, by due date")
    p.add_argument(
        "dir", type=Path, nargs="?", default=Path("sessions"), metavar="DIR", help="default: ./sessions"
    )
    p.add_argument("--status", choices=("open", "done", "dropped"), help="only actions with this status")
    p.add_argument("--owner", metavar="NAME", help="only actions whose owner contains NAME (any case)")
    p.add_argument("--overdue", action="store_true", help="only open actions past their due date")
    p.add_argument(
        "--format",
        choices=("table", "csv", "md", "ics"),
        default="table",
        help="table (default), csv, md or ics (RFC 5545: one all-day event per action with a due date)",
    )

    p = sub.add_parser("series", help="the overview of a series of workshops in a folder")
    p.add_argument("dir", type=Path, metavar="DIR")
    p.add_argument("-o", "--output", type=Path, metavar="OUT", help="write to OUT instead of standard output")
    p.add_argument(
        "--format", choices=("md", "html"), help="md (default) or html (a complete printable page)"
    )
    return parser
