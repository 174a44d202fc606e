"""Under the lists: the highlighted item whole, wrapped (a list row cuts its text to one line).

The cursor of a list follows each new capture, so this line shows the newest item in full until someone
moves the cursor; then it shows the item they are on. Kind, team and speaker (or owner and due date) come
first, then the text; everything typed is shown literally (``shown``, no markup).
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from c2c_tui.core.capture.editor import Item, item_kind, item_text
from c2c_tui.core.model import Action, Entry, Session
from c2c_tui.core.phases import kind_label
from c2c_tui.core.text.neutral import shown


def detail_text(session: Session, item: Item | None) -> Text:
    """``kind · team · by: text`` for an item ("" for none)."""
    if item is None:
        return Text("")
    names = {team.id: team.name for team in session.teams}
    about = [kind_label(item_kind(item))]
    team = getattr(item, "team", None)
    if team:
        about.append(names.get(team, team))
    if isinstance(item, Entry) and item.speaker:
        about.append(item.speaker)
    if isinstance(item, Action):
        if item.owner:
            about.append(item.owner)
        if item.due is not None:
            about.append(f"due {item.due.isoformat()}")
    text = Text()
    text.append(shown(" · ".join(about)) + ": ", style="bold")
    text.append(shown(item_text(item)))
    return text


class ItemDetail(Static):
    """The highlighted item, whole; ``show(session, item)``."""

    DEFAULT_CSS = """
    ItemDetail { height: auto; padding: 0 1; background: $boost; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes, markup=False)
        self._plain: str | None = None

    def show(self, session: Session, item: Item | None) -> None:
        text = detail_text(session, item)
        if text.plain != self._plain:
            self._plain = text.plain
            self.update(text)
