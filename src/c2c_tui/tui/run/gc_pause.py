"""The garbage collector paused from before ``c2c run`` builds the session's models until its first full
frame is on the screen, then one collection (run/quick_start.py says what else keeps the start quick).

Start-up makes many objects and almost no garbage: without the pause Python runs about twice as many
collections as a bare Textual app, for nothing. ``gc_paused()`` (the command line's ``run`` and ``demo``)
pauses it; the app calls ``resume_gc()`` once its first full frame is up; the context manager turns it back
on for sure on every way out (a refused file, an error, the app's end). Plain Python, no textual, so that
it can be imported before anything heavy.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_paused = False


def pause_gc() -> None:
    """Pause the collector (if it is on); ``resume_gc`` turns it back on."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_gc() -> None:
    """Turn the collector back on, once, and collect what start-up left (nothing when it was not paused)."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()
        gc.collect()


@contextmanager
def gc_paused() -> Iterator[None]:
    """The collector paused inside (until ``resume_gc``), and on for sure after."""
    pause_gc()
    try:
        yield
    finally:
        resume_gc()
