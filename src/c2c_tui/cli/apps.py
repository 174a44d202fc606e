"""The commands that open an app: run, demo, follow, serve."""

from __future__ import annotations

import argparse
from pathlib import Path

from .base import CliError, command


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
    from c2c_tui.tui.run.gc_pause import gc_paused

    with gc_paused():  # until the app's first full frame (it resumes then); back on for sure on the way out
        from c2c_tui.core.store import SessionFile

        session_file = SessionFile.open(path)  # errors (broken, newer, locked) become one line in main()
        from c2c_tui.tui.run.launch import run_app

        return run_app(session_file, demo=demo)


@command("follow")
def cmd_follow(args: argparse.Namespace) -> int:
    from c2c_tui.tui.follow.app import run_follow

    return run_follow(args.path)


@command("serve")
def cmd_serve(args: argparse.Namespace) -> int:
    from c2c_tui.tui.follow.serve import ServeError, serve

    try:
        where = {"host": args.host, "port": args.port, "public": args.public}
        return serve(args.path, origins=args.origin, max_viewers=args.max_viewers, **where)
    except ServeError as error:
        raise CliError(str(error)) from None
