"""The workshop's own time zone (``[workshop] timezone``, an IANA name such as ``Europe/Madrid``).

Every time shown to a person is shown in the zone ``session_zone`` gives: the workshop's, or ``None`` for a
file without one, which keeps the old behaviour (the machine's zone; the summary keeps UTC). A time
without an offset in the file is read in the workshop's zone (``read_naive``, before validation).
``machine_zone_name`` is what ``c2c new`` writes when ``--tz`` is not given. Across a daylight-saving change
each moment is shown with its own offset; a naive time that the change makes occur twice is read as the
first (``fold=0``), one it skips with the offset before the change.

Plain Python over ``zoneinfo``: no pydantic, no model (the model imports this).
"""

from __future__ import annotations

import os
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

LOCALTIME = Path("/etc/localtime")


class _Workshop(Protocol):
    @property
    def timezone(self) -> str | None: ...


class _Session(Protocol):
    @property
    def workshop(self) -> _Workshop: ...


def zone_named(name: str) -> ZoneInfo:
    """The zone called ``name`` (an IANA name); ValueError with one line naming it when there is none."""
    if not name or name != name.strip() or name.startswith(("/", ".")):
        raise ValueError(f"unknown time zone {name!r} (an IANA name such as 'Europe/Madrid')")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError(f"unknown time zone {name!r} (an IANA name such as 'Europe/Madrid')") from None


def check_zone_name(name: str) -> str:
    """A pydantic validator: ``name`` when it is a known zone (the field and the name are added by the
    reading's wording)."""
    try:
        zone_named(name)
    except ValueError:
        raise ValueError("not a known time zone: an IANA name such as 'Europe/Madrid'") from None
    return name


def session_zone(session: _Session) -> ZoneInfo | None:
    """The zone this session's times are shown in: the workshop's, or None (the machine's) without one."""
    name = session.workshop.timezone
    return None if name is None else ZoneInfo(name)  # validated when the file was read


def zone_label(moment: datetime, zone: tzinfo | None) -> str:
    """The zone's short name at ``moment`` (``CET``, ``CEST``, ``MST``; ``UTC-03`` where tzdata has no
    letters), as a reader would see it next to a time."""
    name = moment.astimezone(zone).tzname() or ""
    if name[:1] in "+-":  # tzdata writes "-03" for zones without an abbreviation
        name = f"UTC{name}"
    return name


def differs_from_machine(moment: datetime, zone: tzinfo | None) -> bool:
    """True when a time of day in ``zone`` would read differently on this machine's clock at ``moment``
    (then it is labelled with the zone)."""
    if zone is None:
        return False
    return moment.astimezone(zone).utcoffset() != moment.astimezone().utcoffset()


def machine_zone_name() -> str | None:
    """The machine's IANA zone name: ``TZ`` when it names one, else the ``/etc/localtime`` link; None when
    neither says (a POSIX ``TZ`` rule such as ``CET-1``, a copied file)."""
    env = os.environ.get("TZ")
    if env is not None:
        name = env.removeprefix(":")
        try:
            zone_named(name)
        except ValueError:
            return None
        return name
    try:
        target = os.readlink(LOCALTIME)
    except OSError:
        return None
    _, found, name = target.partition("zoneinfo/")
    if not found:
        return None
    try:
        zone_named(name)
    except ValueError:
        return None
    return name


def read_naive(data: Any) -> Any:
    """``data`` (the parsed file) with every time without an offset read in the workshop's zone.

    Changed in place and returned. Without a (known) ``[workshop] timezone`` nothing changes: the model's
    validators then read such a time in the machine's zone, as before; an unknown name is worded by the
    model's validation.
    """
    if not isinstance(data, dict):
        return data
    workshop = data.get("workshop")
    name = workshop.get("timezone") if isinstance(workshop, dict) else getattr(workshop, "timezone", None)
    if not isinstance(name, str):
        return data
    try:
        zone = zone_named(name)
    except ValueError:
        return data
    _attach(data, zone)
    return data


def _attach(value: dict[str, Any] | list[Any], zone: tzinfo) -> None:
    """Every naive datetime in ``value`` (at any depth) given ``zone``; strings and numbers are passed by
    with one type test each (this runs on every load of a file with a zone)."""
    pairs = value.items() if isinstance(value, dict) else enumerate(value)
    for key, item in pairs:
        kind = type(item)
        if kind is datetime:
            if item.tzinfo is None:
                value[key] = item.replace(tzinfo=zone)  # type: ignore[index]  # replacing, not adding
        elif kind is dict or kind is list:
            _attach(item, zone)


__all__ = [
    "check_zone_name",
    "differs_from_machine",
    "machine_zone_name",
    "read_naive",
    "session_zone",
    "zone_label",
    "zone_named",
]
