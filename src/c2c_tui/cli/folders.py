"""The commands over a folder of sessions: actions, review, series."""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from .base import CliError, command


@command("actions")
def cmd_actions(args: argparse.Namespace) -> int:
    import shutil
    from datetime import date

    from c2c_tui.core.followup import collect, render_csv, render_md, render_table
    from c2c_tui.core.followup.library import scan

    gc.disable()  # a short-lived command that makes objects and keeps them: no collection finds garbage
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


@command("review")
def cmd_review(args: argparse.Namespace) -> int:
    return _run_home(args.dir, "review")


@command("series")
def cmd_series(args: argparse.Namespace) -> int:
    from datetime import date

    from c2c_tui.core.followup.library import scan
    from c2c_tui.core.followup.series_file import load_series
    from c2c_tui.core.followup.series_overview import render_series, render_series_html
    from c2c_tui.core.store import SessionError
    from c2c_tui.core.store.output import STDOUT, write_output

    gc.disable()  # as in ``actions``: the process ends when the overview is written
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


def _run_home(folder: Path, start: str) -> int:
    from c2c_tui.tui.home.launch import run_home

    return run_home(folder, start)  # type: ignore[arg-type]
