"""The shape of an id in a session file (every row's ``id``, an area's ``id``): one check for all of them."""

from __future__ import annotations

import re

ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
ID_SHAPE = "an id is 1-64 letters, digits, '-', '_' or '.', starting with a letter or digit"


def check_id(value: str) -> str:
    """``value`` when it has the shape of an id; ValueError saying the shape otherwise (a pydantic validator)."""
    if not ID_RE.match(value):
        raise ValueError(ID_SHAPE)
    return value
