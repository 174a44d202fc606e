"""The `c2c` command line: parse, call core or start the app, turn every error into one line.

Heavy imports (textual, pydantic models, markdown) happen inside the commands that need them, so
`c2c status` and `c2c --help` stay quick.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from c2c_tui import __version__

if TYPE_CHECKING:
    from c2c_tui.core.model import Session


class CliError(Exception):
    """A problem to report as one line on stderr, with exit code 1."""


class _Parser(argparse.ArgumentParser):
    """argparse with one-line usage errors (exit 2) instead of a usage block."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: {message} (see {self.prog} --help)\n")
        raise SystemExit(2)


CHECK_CAP = 20  # `c2c check` lists at most this many problems per file

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(
    name: str,
) -> Callable[[Callable[[argparse.Namespace], int]], Callable[[argparse.Namespace], int]]:
    def register(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        COMMANDS[name] = func
        return func

    return register


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


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; everything it prints to stdout/stderr is neutralised (``core.text.neutral``)."""
    from c2c_tui.core.text.neutral import ShownStream

    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = ShownStream(out), ShownStream(err)  # type: ignore[assignment]
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = out, err


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if args_list and args_list[0] not in COMMANDS and not args_list[0].startswith("-"):
        args_list.insert(0, "run")  # `c2c FILE.toml`
    args = parser.parse_args(args_list)
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


# -- commands ---------------------------------------------------------------------------------------


@command("new")
def cmd_new(args: argparse.Namespace) -> int:
    from c2c_tui.core.clock.agenda import DEFAULT_TEMPLATE, total_minutes
    from c2c_tui.core.reading.errors import SummaryNotWritten
    from c2c_tui.core.setup import UnknownTemplate, new_session
    from c2c_tui.core.store import save, title_from_path

    path: Path = args.path
    if os.path.lexists(path):  # a symlink, even one to nowhere, is not followed
        raise CliError(f"{path}: already exists; c2c new never overwrites a file (choose another name)")
    if not path.parent.is_dir():
        raise CliError(f"{path.parent}: no such folder")
    title = args.title or title_from_path(path)
    try:
        session = (
            new_session(title=title, template=args.template)
            if args.after is None
            else _follow_on(args.after, path, title, args.template)
        )
    except UnknownTemplate as error:
        raise CliError(str(error)) from None
    warning = None
    try:
        save(path, session)
    except SummaryNotWritten as error:  # the session is written; say what was refused
        warning = str(error)
    if args.after is not None:
        carried = len(session.reviews or [])
        print(
            f"Created {path}, a follow-on of {args.after} ({carried} item{'' if carried == 1 else 's'} to"
            f" review). Open it with: c2c run {path}"
        )
    else:
        template = args.template or DEFAULT_TEMPLATE
        total = total_minutes(session.agenda)
        print(f"Created {path} ({template} agenda, {total} min). Open it with: c2c run {path}")
    if warning:
        sys.stderr.write(f"c2c: warning: {warning}\n")
    return 0


def _follow_on(after: Path, path: Path, title: str, template: str | None) -> Session:
    """The session a follow-on workshop starts from (``c2c new PATH --after EARLIER``)."""
    from datetime import UTC, datetime

    from c2c_tui.core.followup.followon import follow_on

    if not after.is_file():
        raise CliError(f"{after}: no such session file (the earlier workshop for --after)")
    return follow_on(
        after, path, title=title, template=template, now=datetime.now(UTC).replace(microsecond=0)
    )


@command("templates")
def cmd_templates(args: argparse.Namespace) -> int:
    from c2c_tui.core.clock.agenda import DEFAULT_TEMPLATE, TEMPLATES
    from c2c_tui.core.model import PHASE_IDS

    width = max(len(name) for name in TEMPLATES)
    for name, template in TEMPLATES.items():
        total = template.total_minutes
        parts = " ".join(f"{phase} {template.minutes[phase]}" for phase in PHASE_IDS)
        mark = " (default)" if name == DEFAULT_TEMPLATE else ""
        print(f"{name:<{width}}  {total:>4} min  {template.title}{mark}")
        print(f"{'':<{width}}            {parts}")
    return 0


@command("check")
def cmd_check(args: argparse.Namespace) -> int:
    from c2c_tui.core.store import SessionError, load

    files: list[Path] = []
    problems = 0
    for path in args.paths:
        if path.is_dir():
            problems += _check_series_file(path)
            found = sorted(p for p in path.glob("*.toml") if p.name != "series.toml")
            if not found:
                sys.stderr.write(f"{path}: no .toml session files in this folder\n")
                problems += 1
            files.extend(found)
        else:
            files.append(path)
    for path in files:
        try:
            session = load(path)
        except SessionError as error:
            lines = error.problems
            for line in lines[:CHECK_CAP]:
                sys.stderr.write(f"{line}\n")
            if len(lines) > CHECK_CAP:
                sys.stderr.write(
                    f"{path}: ... and {len(lines) - CHECK_CAP} more problems in this file "
                    f"(c2c check lists the first {CHECK_CAP} of each file)\n"
                )
            problems += 1
            continue
        print(
            f"{path}: ok ({session.title!r}; {len(session.entries)} entries, "
            f"{len(session.options)} options, {len(session.actions)} actions)"
        )
    return 1 if problems else 0


@command("status")
def cmd_status(args: argparse.Namespace) -> int:
    from c2c_tui.core.clock import SystemClock, state_of
    from c2c_tui.core.clock.status import status_json, status_lines
    from c2c_tui.core.store import load

    session = load(args.path)
    state = state_of(session, SystemClock().now())
    if args.json:
        import json

        from c2c_tui.core.text.neutral import json_inert

        print(json_inert(json.dumps(status_json(session, state, args.path), ensure_ascii=False)))
    else:
        print("\n".join(status_lines(session, state)))
    return 0


@command("summary")
def cmd_summary(args: argparse.Namespace) -> int:
    from c2c_tui.core.store import load
    from c2c_tui.core.store.output import STDOUT, write_output
    from c2c_tui.core.summary import render_html, render_markdown

    session = load(args.path)
    fmt = args.format or ("html" if args.output and args.output.suffix.lower() in {".html", ".htm"} else "md")
    text = render_html(session) if fmt == "html" else render_markdown(session)
    if args.output is None or str(args.output) == STDOUT:
        sys.stdout.write(text)
        return 0
    if args.output.resolve() == args.path.resolve():
        raise CliError(f"{args.output}: that is the session file itself; choose another output file")
    write_output(args.output, text)
    print(f"Wrote {args.output}")
    return 0


@command("run")
def cmd_run(args: argparse.Namespace) -> int:
    path: Path = args.path
    if not path.exists():
        hint = f" (create it with: c2c new {path})" if path.suffix == ".toml" else ""
        raise CliError(f"{path}: no such file{hint}")
    return _run_app(path)


@command("demo")
def cmd_demo(args: argparse.Namespace) -> int:
    from c2c_tui.core.store.demo import make_demo_copy

    path = make_demo_copy(args.dir, keep_clock=args.as_is)
    code = _run_app(path, demo=True)
    print(f"The demo was saved in {path} (the shipped example is unchanged).")
    return code


def _run_app(path: Path, demo: bool = False) -> int:
    from c2c_tui.core.store import SessionFile

    session_file = SessionFile.open(path)  # errors (broken, newer, locked) become one line in main()
    from c2c_tui.tui.run.launch import run_app

    return run_app(session_file, demo=demo)


@command("actions")
def cmd_actions(args: argparse.Namespace) -> int:
    import shutil
    from datetime import date

    from c2c_tui.core.followup import collect, render_csv, render_md, render_table
    from c2c_tui.core.followup.library import scan

    library = scan(args.dir)
    for problem in library.problems:
        sys.stderr.write(f"{problem.message}\n")
    today = date.today()
    rows = collect(library, status=args.status, owner=args.owner, overdue=args.overdue, today=today)
    if args.format == "ics":
        from datetime import UTC, datetime

        from c2c_tui.core.followup.ics import render_ics

        data = render_ics(rows, datetime.now(UTC)).encode("utf-8")  # CRLF kept: bytes, not the text stream
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 1 if library.problems else 0
    if args.format == "csv":
        out = render_csv(rows)
    elif args.format == "md":
        out = render_md(rows)
    else:
        width = shutil.get_terminal_size((100, 24)).columns
        out = render_table(rows, today, width=width)
    sys.stdout.write(out if out.endswith("\n") else out + "\n")  # the shell prompt starts on its own line
    return 1 if library.problems else 0


@command("follow")
def cmd_follow(args: argparse.Namespace) -> int:
    from c2c_tui.tui.follow.app import run_follow

    return run_follow(args.path)


@command("serve")
def cmd_serve(args: argparse.Namespace) -> int:
    from c2c_tui.tui.follow.serve import ServeError, serve

    try:
        return serve(
            args.path,
            host=args.host,
            port=args.port,
            public=args.public,
            origins=args.origin,
            max_viewers=args.max_viewers,
        )
    except ServeError as error:
        raise CliError(str(error)) from None


@command("review")
def cmd_review(args: argparse.Namespace) -> int:
    return _run_home(args.dir, "review")


def _run_home(folder: Path, start: str) -> int:
    from c2c_tui.tui.home.launch import run_home

    return run_home(folder, start)  # type: ignore[arg-type]


@command("series")
def cmd_series(args: argparse.Namespace) -> int:
    from datetime import date

    from c2c_tui.core.followup.library import scan
    from c2c_tui.core.followup.series_file import load_series
    from c2c_tui.core.followup.series_overview import render_series, render_series_html
    from c2c_tui.core.store import SessionError
    from c2c_tui.core.store.output import STDOUT, write_output

    library = scan(args.dir)
    for problem in library.problems:
        sys.stderr.write(f"{problem.message}\n")
    try:
        series = load_series(args.dir)
    except SessionError as error:  # a broken series file: one line, the overview without its backlog
        sys.stderr.write(f"{error}\n")
        series, broken = None, True
    else:
        broken = False
    today = date.today()
    out: Path | None = args.output
    fmt = args.format or ("html" if out and out.suffix.lower() in {".html", ".htm"} else "md")
    text = (
        render_series_html(library, series, today=today)
        if fmt == "html"
        else render_series(library, series, today=today)
    )
    if out is None or str(out) == STDOUT:
        sys.stdout.write(text)
        return 1 if library.problems or broken else 0
    if out.suffix.lower() == ".toml" or any(out.resolve() == i.path.resolve() for i in library.sessions):
        raise CliError(f"{out}: a session or series file; choose another output file")
    write_output(out, text)  # the rules of `summary -o`: a new or regular file, a pipe streamed
    print(f"Wrote {out}")
    return 1 if library.problems or broken else 0


def _check_series_file(folder: Path) -> int:
    """`c2c check DIR` reads the folder's series file as what it is (1 when it is broken)."""
    from c2c_tui.core.followup.series_file import SeriesFileError, load_series, series_path

    try:
        series = load_series(folder)
    except SeriesFileError as error:
        sys.stderr.write(f"{error}\n")
        return 1
    if series is not None:
        print(f"{series_path(folder)}: ok (series file; {len(series.topics)} topics)")
    return 0
