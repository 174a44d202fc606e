"""Small typed messages that widgets post and screens handle."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class SessionChanged(Message):
    """Something in the session changed (capture, edit, delete, undo, clock): save soon, refresh views."""

    what: str
