"""Run something after the keys already typed: ``after_typed(app, callback)``, ``in_key_order(app, callback)``.

A priority binding (ctrl+q) or a signal is handled by the app as soon as it is read, while the keys read
before it may still wait in the focused widget's queue, and what those keys post (a capture line's
``Submitted``) still travels up through its parents. ``after_typed`` sends the callback up the same way,
from the focused widget through each parent to the app (each queue is first in, first out), so it runs
once all of that has been handled: quitting then saves every line entered before ctrl+q.

A signal can come before the driver's input thread has even read what the terminal sent just before it:
``after_input_read(app, callback)`` waits (a bounded half second) until the terminal has nothing left to
read, and a moment more for those keys to reach the app, before ``after_typed``.
"""

from __future__ import annotations

import select
import sys
import time
from collections.abc import Callable

from textual.app import App
from textual.message_pump import MessagePump


def after_typed(app: App[object], callback: Callable[[], object]) -> None:
    chain: list[MessagePump] = []
    node: MessagePump | None = app.focused
    while node is not None and node is not app:
        chain.append(node)
        node = node.parent
    chain.append(app)

    def step(index: int) -> None:
        while index < len(chain) - 1:
            if chain[index].call_later(step, index + 1):
                return
            index += 1  # that widget is gone: go on with its parent
        callback()

    step(0)


def in_key_order(app: App[object], callback: Callable[[], object]) -> None:
    """Run ``callback`` in the focused widget's queue: after the keys read before it, before the keys read
    after it. A clicker key (a priority binding) acts there, so a line entered right before PageDown is
    taken (with the phase it was typed in) before the phase moves on, and the next line after it."""
    focused = app.focused
    if focused is None or not focused.call_later(callback):
        callback()


INPUT_WAIT = 0.5  # the longest a signal waits for the terminal's last bytes to be read (a gone terminal)
INPUT_STEP = 0.02  # how often it looks, and how long the read keys are given to reach the app


def input_pending() -> bool:
    """Whether the terminal (standard input) has bytes the driver's input thread has not read yet."""
    stream = sys.__stdin__
    try:
        if stream is None or not stream.isatty():
            return False
        ready, _, _ = select.select([stream.fileno()], [], [], 0)
    except (OSError, ValueError):  # closed, or not a terminal any more (after a SIGHUP)
        return False
    return bool(ready)


def after_input_read(app: App[object], callback: Callable[[], object]) -> None:
    """``after_typed(app, callback)`` once the terminal's unread bytes (at most ``INPUT_WAIT``) are read."""
    deadline = time.monotonic() + INPUT_WAIT

    def look() -> None:
        if input_pending() and time.monotonic() < deadline:
            app.set_timer(INPUT_STEP, look)
            return
        app.set_timer(INPUT_STEP, lambda: after_typed(app, callback))  # the keys just read reach their queues

    look()
