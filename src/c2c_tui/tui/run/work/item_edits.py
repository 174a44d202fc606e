"""The work area's edit flows (``area.WorkArea`` inherits them): one method per edit key, each ending in the
editor and a ``SessionChanged``. ``ItemTable.EditRequested`` comes in; the dialog opens (imported when first
opened: the first frame does not need them) and returns through a callback; Escape in any dialog changes
nothing. What the flows use of the area: its session, phase, editor and clock, ``say``, ``changed``,
``refresh_items`` and ``toggle_matrix``.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from rich.text import Text

from c2c_tui.core.capture import PREFIX_KINDS
from c2c_tui.core.capture.editor import EditError, item_kind, item_text
from c2c_tui.core.model import Action, Entry, Option, PhaseId, Session, next_status
from c2c_tui.core.phases import kind_label
from c2c_tui.core.phases import phase as phase_info

from .item_table import ItemTable

if TYPE_CHECKING:
    from textual.app import App

    from c2c_tui.core.capture.editor import Editor

# The capture prefix of each kind, offered as a one-key shortcut in the re-kind dialog.
KIND_KEYS = {kind: key for key, kind in PREFIX_KINDS.items()}  # the capture prefixes, as re-kind keys
LIST_HOME = {"option": "the options (Part 3)", "action": "the actions (Part 4)"}


def _not_empty(value: str) -> str | None:
    return None if value.strip() else "the text cannot be empty (d deletes the item instead)"


class ItemEdits:
    """The edit flows of the work area (a mixin: the area provides what the annotations name)."""

    session: Session | None
    phase: PhaseId | None
    if TYPE_CHECKING:
        app: App[object]
        editor: Editor

        def now(self) -> datetime: ...
        def say(self, message: str | Text, *, error: bool = False, hint: bool = False) -> None: ...
        def changed(self, what: str, message: str | Text = "") -> None: ...
        def refresh_items(self) -> None: ...
        def toggle_matrix(self) -> None: ...

    @staticmethod
    def describe_kind(item: Any) -> str:
        return kind_label(item_kind(item))

    def on_item_table_edit_requested(self, message: ItemTable.EditRequested) -> None:
        message.stop()
        if message.op == "undo":
            self._undo()
            return
        if message.op == "matrix":
            self.toggle_matrix()
            return
        item = self.editor.find(message.item_id or "")
        if item is None:
            self.say("That item is gone (undone or deleted elsewhere)", error=True)
            self.refresh_items()
            return
        flow = getattr(self, f"_edit_{message.op}", None)
        if flow is not None:
            flow(item, message.value)

    # -- helpers -----------------------------------------------------------------------------------

    def _apply(self, what: str, item_id: str, **changes: Any) -> None:
        try:
            self.editor.update(item_id, self.now(), **changes)
        except EditError as error:
            self.say(str(error), error=True)
            return
        label = self.editor.undo_label or "change"
        self.changed(what, f"{label[:1].upper()}{label[1:]} · ctrl+z to undo")

    def _people(self) -> list[str]:
        return [p.name for p in self.session.participants] if self.session else []

    # -- the flows ---------------------------------------------------------------------------------

    def _undo(self) -> None:
        label = self.editor.undo()
        if label is None:
            self.say("Nothing to undo")
            return
        self.changed("undo", f"Undone: {label}")

    def _edit_delete(self, item: Any, _value: object) -> None:
        try:
            self.editor.delete(item.id)
        except EditError as error:
            self.say(str(error), error=True)
            return
        self.changed("delete", f"Deleted {self.describe_kind(item)} · ctrl+z to undo")

    def _edit_text(self, item: Any, _value: object) -> None:
        if isinstance(item, Action):
            self._edit_action(item)
            return
        field = "title" if isinstance(item, Option) else "text"
        title = f"Edit {self.describe_kind(item)}"

        def done(value: str | None) -> None:
            if value is not None and value != item_text(item):
                self._apply("edit", item.id, **{field: value})

        from ...dialogs.text_dialog import TextDialog

        self.app.push_screen(TextDialog(title, item_text(item), validate=_not_empty), done)

    def _edit_action(self, action: Action) -> None:
        def done(values: dict[str, Any] | None) -> None:
            if values:
                self._apply("edit", action.id, **values)

        from ...dialogs.action_form import ActionForm

        self.app.push_screen(ActionForm(action, people=self._people()), done)

    def _edit_kind(self, item: Any, _value: object) -> None:
        current = item_kind(item)
        wanted = phase_info(self.phase).kinds if self.phase else ()
        order = list(wanted) + [k for k in KIND_KEYS if k not in wanted]
        choices = [(k, f"{KIND_KEYS[k]}:  {kind_label(k)}") for k in order]

        def done(result: tuple[str | None] | None) -> None:
            if not result or result[0] is None or result[0] == current:
                return
            kind = result[0]
            try:
                new = self.editor.rekind(item.id, kind, self.now(), phase=self.phase)
            except EditError as error:
                self.say(str(error), error=True)
                return
            where = LIST_HOME.get(kind, "")
            moved = f": moved to {where}" if where and isinstance(item, Entry) else ""
            self.changed(
                "rekind",
                f"{kind_label(current)} → {self.describe_kind(new)}{moved} · ctrl+z to undo",
            )

        from ...dialogs.choice import ChoiceDialog

        title = "Change kind (press its letter, or Enter)"
        self.app.push_screen(
            ChoiceDialog(title, choices, current=current, shortcuts=PREFIX_KINDS),
            done,
        )

    def _edit_team(self, item: Any, _value: object) -> None:
        teams = self.session.teams if self.session else []
        choices: list[tuple[str | None, str]] = [(None, "(no team)")]
        choices += [(team.id, f"{team.name}  · {team.role}") for team in teams]

        def done(result: tuple[str | None] | None) -> None:
            if result is not None and result[0] != item.team:
                self._apply("team", item.id, team=result[0])

        from ...dialogs.choice import ChoiceDialog

        self.app.push_screen(ChoiceDialog("Attribute to team", choices, current=item.team), done)

    def _edit_person(self, item: Any, _value: object) -> None:
        field = "owner" if isinstance(item, Action) else "speaker"
        current = getattr(item, field) or ""

        def done(value: str | None) -> None:
            if value is None:
                return
            value = value.strip()
            new: str | None = value if (value or field == "owner") else None
            if new != getattr(item, field):
                self._apply(field, item.id, **{field: new})

        title = "Owner" if field == "owner" else "Speaker"
        help = "Enter saves (empty clears) · → accepts a suggestion · Escape cancels"
        from ...dialogs.text_dialog import TextDialog

        self.app.push_screen(TextDialog(title, current, suggestions=self._people(), help=help), done)

    def _edit_moscow(self, item: Any, value: object) -> None:
        if isinstance(item, Option):
            self._apply("moscow", item.id, moscow=None if item.moscow == value else value)

    def _edit_impact(self, item: Any, value: object) -> None:
        if isinstance(item, Option):
            self._apply("impact", item.id, impact=value)

    def _edit_risk(self, item: Any, value: object) -> None:
        if isinstance(item, Option):
            self._apply("risk", item.id, risk=value)

    def _edit_status(self, item: Any, _value: object) -> None:
        if isinstance(item, Action):
            self._apply("status", item.id, status=next_status(item.status))
