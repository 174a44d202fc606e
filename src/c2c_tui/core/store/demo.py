"""`c2c demo`: a scratch copy of the shipped example, so the shipped file never changes."""

from __future__ import annotations

import os
import tempfile
from importlib import resources
from pathlib import Path

from .session_file import loads, save

EXAMPLE_NAME = "cooling-valmora.toml"


def example_text() -> str:
    """The shipped example (packaged beside the code; the repo's sessions/ holds the same file)."""
    return resources.files("c2c_tui").joinpath("data", EXAMPLE_NAME).read_text(encoding="utf-8")


def make_demo_copy(folder: Path | None = None, *, keep_clock: bool = False) -> Path:
    """Write the example to a new scratch file and return its path.

    By default the copy's clock is reset (ready, at Rapport) so the demo can be run from the start;
    everything captured in the example stays, so every phase has something to show.
    """
    target_dir = folder if folder is not None else Path(tempfile.mkdtemp(prefix="c2c-demo-"))
    target_dir.mkdir(parents=True, exist_ok=True)
    path = target_dir / EXAMPLE_NAME
    n = 1
    while os.path.lexists(path) or os.path.lexists(path.with_suffix(".md")):  # a symlink counts as taken
        n += 1
        path = target_dir / f"cooling-valmora-{n}.toml"
    session = loads(example_text(), Path(EXAMPLE_NAME))
    if not keep_clock:
        session.clock = []
    save(path, session)
    return path
