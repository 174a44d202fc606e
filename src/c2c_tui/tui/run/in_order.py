"""Run something after the keys already typed: ``after_typed(app, callback)``, ``in_key_order(app, callback)``.

A priority binding (ctrl+q) or a signal is handled by the app as soon as it is read, while the keys read
before it may still wait in the focused widget's queue, and what those keys post (a capture line's
``Submitted``) still travels up through its parents. ``after_typed`` sends the callback up the same way,
from the focused widget through each parent to the app (each queue is first in, first out), so it runs
once all of that has been handled: quitting then saves every line entered before ctrl+q.
"""

from __future__ import annotations

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
