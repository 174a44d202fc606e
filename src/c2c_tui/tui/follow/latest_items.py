"""The latest items captured in a phase, newest at the bottom, as many as fit (read-only, for the follow view).

Every phase shows its entries; Part 3 adds its options and Part 4 its actions, in the order they were
captured. Text is shown literally (``Text`` objects, never markup) and wraps, so a long note can be read
from across the room; the oldest items that do not fit are left out, never the newest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from rich.text import Text
from textual.widget import Widget

from c2c_tui.core.model import Action, Entry, Option, PhaseId, Session
from c2c_tui.core.phases import kind_label
from c2c_tui.core.text.neutral import shown
from c2c_tui.core.text.textcells import breaks_shown

_EPOCH = datetime.min.replace(tzinfo=UTC)


@dataclass(frozen=True)
class ShownItem:
    kind: str  # an entry kind, "option" or "action"
    text: str
    details: tuple[str, ...]  # team, speaker or owner, due date, priority ...


def phase_items(session: Session, phase: PhaseId) -> list[ShownItem]:
    """The phase's items in the order they were captured (items without a time keep their file order)."""
    found: list[tuple[datetime, int, ShownItem]] = []

    def add(created: datetime | None, item: ShownItem) -> None:
        found.append((created or _EPOCH, len(found), item))

    for entry in session.entries:
        if entry.phase == phase:
            add(entry.created, _entry(session, entry))
    if phase == "reflect":
        for option in session.options:
            add(option.created, _option(session, option))
    if phase == "agree":
        for action in session.actions:
            add(action.created, _action(session, action))
    found.sort(key=lambda row: (row[0], row[1]))
    return [item for _, _, item in found]


def _entry(session: Session, entry: Entry) -> ShownItem:
    details = (session.team_name(entry.team), entry.speaker or "")
    return ShownItem(entry.kind, entry.text, tuple(d for d in details if d))


def _option(session: Session, option: Option) -> ShownItem:
    details = [session.team_name(option.team)]
    if option.moscow:
        details.append(option.moscow.upper())
    if option.impact:
        details.append(f"impact {option.impact}")
    if option.risk:
        details.append(f"risk {option.risk}")
    return ShownItem("option", option.title, tuple(d for d in details if d))


def _action(session: Session, action: Action) -> ShownItem:
    details = [action.owner, f"due {action.due.isoformat()}" if action.due else ""]
    if action.status != "open":
        details.append(action.status)
    return ShownItem("action", action.text, tuple(d for d in details if d))


def item_text(item: ShownItem, *, newest: bool = False) -> Text:
    line = Text()
    line.append(f"{kind_label(item.kind)}: ", style="dim")
    line.append(shown(breaks_shown(item.text)), style="bold" if newest else "")
    if item.details:
        line.append("  — " + shown(" · ".join(item.details)), style="dim")
    return line


class LatestItems(Widget):
    """``show(session, phase)``; repaints only when the phase's items change."""

    DEFAULT_CSS = """
    LatestItems { height: 1fr; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.items: list[ShownItem] = []
        self.shown = False  # nothing to say before a session is known

    def show(self, session: Session, phase: PhaseId) -> None:
        items = phase_items(session, phase)
        if items != self.items or not self.shown:
            self.items, self.shown = items, True
            self.refresh()

    def render(self) -> Text:
        width, height = self.content_size
        if not self.shown:
            return Text("")
        if not self.items:
            return Text("Nothing captured in this part yet.", style="dim")
        count = len(self.items)
        heading = Text(f"Captured in this part: {count} (latest at the bottom)", style="dim", no_wrap=True)
        room = max(height - 1, 1)
        chosen: list[Text] = []
        used = 0
        for index in range(count - 1, -1, -1):
            text = item_text(self.items[index], newest=index == count - 1)
            lines = len(text.wrap(self.app.console, max(width, 1)))
            if chosen and used + lines > room:
                break
            chosen.append(text)
            used += lines
        body = Text("\n").join([heading, *reversed(chosen)])
        return body
