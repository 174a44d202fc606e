"""A new, empty session from an agenda template."""

from __future__ import annotations

from datetime import UTC, datetime

from .clock.agenda import DEFAULT_TEMPLATE, TEMPLATES, agenda_from_template, unknown_template
from .model import Session


class UnknownTemplate(ValueError):
    pass


def new_session(title: str, template: str | None = None, now: datetime | None = None) -> Session:
    name = template or DEFAULT_TEMPLATE
    if name not in TEMPLATES:
        raise UnknownTemplate(unknown_template(name))
    created = (now or datetime.now(UTC)).replace(microsecond=0)
    mode = "online" if name.startswith("online") else "in-person"
    return Session.model_validate(
        {"title": title, "created": created, "agenda": agenda_from_template(name), "workshop": {"mode": mode}}
    )
