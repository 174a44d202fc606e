"""Set-up, section 1: the workshop itself (title, purpose, challenge, date, time zone, place, mode, who runs
it)."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Select, TextArea

from c2c_tui.core.model import Session
from c2c_tui.core.setup import parse_date, parse_title, parse_zone

from .parts import Parses, Problem, row

MODES = (("in person", "in-person"), ("hybrid", "hybrid"), ("online", "online"))


class WorkshopPane(VerticalScroll):
    DEFAULT_CSS = """
    WorkshopPane TextArea { height: 4; width: 1fr; padding: 0; }
    WorkshopPane #setup-challenge { height: 6; }
    """

    def __init__(self, session: Session, *, new: bool) -> None:
        super().__init__(id="pane-workshop")
        self.session = session
        self.new = new

    def compose(self) -> ComposeResult:
        w = self.session.workshop
        yield row(
            "Title",
            Input(
                "" if self.new else self.session.title,
                placeholder="e.g. Valmora: keeping vulnerable residents safe in extreme heat",
                id="setup-title",
                validators=[Parses(parse_title)],
                compact=True,
                select_on_focus=False,
            ),
        )
        yield row(
            "Purpose", self._area(w.purpose, "setup-purpose", "Why we meet: what the day should achieve")
        )
        yield row(
            "Challenge",
            self._area(w.challenge, "setup-challenge", "The Seeking team's challenge, in its words"),
        )
        yield row(
            "Date",
            Input(
                w.date.isoformat() if w.date else "",
                placeholder="YYYY-MM-DD",
                id="setup-date",
                validators=[Parses(parse_date)],
                compact=True,
                select_on_focus=False,
            ),
        )
        yield row(
            "Time zone",
            Input(
                w.timezone or "",
                placeholder="e.g. Europe/Madrid (empty: this machine's)",
                id="setup-timezone",
                validators=[Parses(parse_zone)],
                compact=True,
                select_on_focus=False,
            ),
        )
        yield row("Place", self._input(w.place, "setup-place", "Room, building, or the video link's name"))
        yield row("Mode", Select(MODES, value=w.mode, allow_blank=False, id="setup-mode", compact=True))
        yield row("Facilitator", self._input(w.facilitator, "setup-facilitator", "Name"))
        yield row("Note-taker", self._input(w.note_taker, "setup-note-taker", "Name"))

    @staticmethod
    def _input(value: str, id: str, placeholder: str) -> Input:
        return Input(value, placeholder=placeholder, id=id, compact=True, select_on_focus=False)

    @staticmethod
    def _area(value: str, id: str, placeholder: str) -> TextArea:
        return TextArea(
            value, id=id, soft_wrap=True, tab_behavior="focus", compact=True, placeholder=placeholder
        )

    def _value(self, id: str) -> str:
        widget: Any = self.query_one(f"#{id}")
        return widget.text if isinstance(widget, TextArea) else str(widget.value)

    def state(self) -> tuple[str, ...]:
        ids = (
            "title",
            "purpose",
            "challenge",
            "date",
            "timezone",
            "place",
            "mode",
            "facilitator",
            "note-taker",
        )
        return tuple(self._value(f"setup-{name}") for name in ids)

    def problems(self) -> list[Problem]:
        found: list[Problem] = []
        parsers = (("setup-title", parse_title), ("setup-date", parse_date), ("setup-timezone", parse_zone))
        for id, parse in parsers:
            try:
                parse(self._value(id))
            except ValueError as error:
                found.append((id, f"Workshop: {error}"))
        return found

    def apply(self, session: Session) -> None:
        """Write the fields into ``session`` (only called when ``problems()`` is empty)."""
        session.title = parse_title(self._value("setup-title"))
        w = session.workshop
        w.purpose = self._value("setup-purpose").strip()
        w.challenge = self._value("setup-challenge").strip()
        w.date = parse_date(self._value("setup-date"))
        w.timezone = parse_zone(self._value("setup-timezone"))
        w.place = self._value("setup-place").strip()
        w.mode = self._value("setup-mode")  # type: ignore[assignment]  # one of MODES
        w.facilitator = self._value("setup-facilitator").strip()
        w.note_taker = self._value("setup-note-taker").strip()
