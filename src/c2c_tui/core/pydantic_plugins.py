"""Pydantic's plugin loader, kept off the start-up path when no pydantic plugin is installed.

Pydantic looks for plugins when it builds the first model class (``pydantic.plugin._loader``): that module
imports ``importlib.metadata`` (and with it 13 ``email.*`` modules) even when ``PYDANTIC_DISABLE_PLUGINS``
is set, about 30 ms and 1.4 MB on every start. ``skip_loader_without_plugins()`` (called once, from
``c2c_tui.core``, before any model class exists) first looks whether any installed distribution on
``sys.path`` declares a ``[pydantic]`` entry point (the group pydantic loads plugins from), reading only
the ``entry_points.txt`` files (about 1 ms). Only when none does, it puts a stand-in for the loader in
``sys.modules`` whose ``get_plugins()`` returns none: exactly what the real one would have returned. When
one does (or the loader is already imported), nothing is changed and pydantic loads its plugins as usual.
"""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Iterable

LOADER = "pydantic.plugin._loader"
GROUP = "pydantic"  # pydantic's PYDANTIC_ENTRY_POINT_GROUP


def plugins_declared(paths: Iterable[str]) -> bool:
    """Whether a distribution (``*.dist-info`` or ``*.egg-info`` folder) in one of ``paths`` declares an
    entry point in pydantic's plugin group."""
    header = f"[{GROUP}]"
    for entry in paths:
        try:
            listing = os.scandir(entry or ".")
        except OSError:
            continue
        with listing:
            for item in listing:
                if not item.name.endswith((".dist-info", ".egg-info")):
                    continue
                try:
                    with open(os.path.join(item.path, "entry_points.txt"), encoding="utf-8") as handle:
                        if any(line.strip() == header for line in handle):
                            return True
                except (OSError, UnicodeDecodeError):
                    continue
    return False


def _no_plugins() -> tuple[()]:
    return ()


def skip_loader_without_plugins() -> bool:
    """Put the stand-in loader in place unless a plugin is installed; True when it did."""
    if LOADER in sys.modules or plugins_declared(sys.path):
        return False
    stand_in = types.ModuleType(
        LOADER, "c2c's stand-in: no pydantic plugin is installed (see c2c_tui.core.pydantic_plugins)"
    )
    stand_in.PYDANTIC_ENTRY_POINT_GROUP = GROUP  # type: ignore[attr-defined]
    stand_in.get_plugins = _no_plugins  # type: ignore[attr-defined]
    sys.modules[LOADER] = stand_in
    return True
