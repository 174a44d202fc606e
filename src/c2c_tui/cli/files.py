"""The commands on one session file: new (and --after), templates, check, status, summary, proposal."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .base import CHECK_CAP, CliError, command

if TYPE_CHECKING:
    from c2c_tui.core.model import Session


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
    if args.tz is not None:
        _check_zone(args.tz)
    try:
        session = (
            new_session(title=title, template=args.template, timezone=args.tz)
            if args.after is None
            else _follow_on(args.after, path, title, args.template, args.tz)
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


def _check_zone(name: str) -> None:
    from c2c_tui.core.zone import zone_named

    try:
        zone_named(name)
    except ValueError as error:
        raise CliError(f"--tz: {error}") from None


def _follow_on(after: Path, path: Path, title: str, template: str | None, timezone: str | None) -> Session:
    """The session a follow-on workshop starts from (``c2c new PATH --after EARLIER``)."""
    from datetime import UTC, datetime

    from c2c_tui.core.followup.followon import follow_on

    if not after.is_file():
        raise CliError(f"{after}: no such session file (the earlier workshop for --after)")
    return follow_on(
        after,
        path,
        title=title,
        template=template,
        now=datetime.now(UTC).replace(microsecond=0),
        timezone=timezone,
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
    from c2c_tui.core.store.next_workshop import next_workshop
    from c2c_tui.core.summary import render_html, render_markdown

    session = load(args.path)
    upcoming = next_workshop(args.path, session)
    text = (
        render_html(session, upcoming=upcoming)
        if _format(args) == "html"
        else render_markdown(session, upcoming=upcoming)
    )
    return _write(args, text)


@command("proposal")
def cmd_proposal(args: argparse.Namespace) -> int:
    from c2c_tui.core.store import load
    from c2c_tui.core.summary.proposal import render_proposal, render_proposal_html

    session = load(args.path)
    text = render_proposal_html(session) if _format(args) == "html" else render_proposal(session)
    return _write(args, text)


def _format(args: argparse.Namespace) -> str:
    """``--format``, else html for an OUT named .html or .htm, else md."""
    return args.format or (
        "html" if args.output and args.output.suffix.lower() in {".html", ".htm"} else "md"
    )


def _write(args: argparse.Namespace, text: str) -> int:
    """``text`` to standard output, or to ``-o OUT`` by the rules of ``store.output`` (never the session)."""
    from c2c_tui.core.store.output import STDOUT, write_output

    if args.output is None or str(args.output) == STDOUT:
        sys.stdout.write(text)
        return 0
    if args.output.resolve() == args.path.resolve():
        raise CliError(f"{args.output}: that is the session file itself; choose another output file")
    write_output(args.output, text)
    print(f"Wrote {args.output}")
    return 0


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
