"""The current phase's items, and their editing.

Every phase shows its entries (newest at the bottom). Part 2 adds the advisor panel; Part 3 the options
table and, with ``v``, the impact/risk 2x2 in place of the entry list; Part 4 the actions table above the
follow-up offers. ``show(session, phase)`` is cheap: rows are appended or updated, not rebuilt.

Edit keys are declared on the tables (they act only while a table has focus) and come here as
``ItemTable.EditRequested``; this widget opens the dialog, changes the session through the editor it is
handed (``EditContext``: the run context, or a test's), refreshes itself and posts ``SessionChanged``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from c2c_tui.core.capture.editor import Editor, item_kind
from c2c_tui.core.model import PhaseId, Session
from c2c_tui.core.phases import kind_label

from ..context import EditContext
from ..messages import SessionChanged
from .actions_table import ActionsTable, action_rows
from .advisor_panel import AdvisorPanel
from .edits import EditFlows
from .entry_list import EntryList, entry_rows
from .item_table import ItemTable
from .matrix import ImpactRiskMatrix
from .options_table import OptionsTable, option_rows


class WorkArea(EditFlows, Vertical):
    """Shows one phase's items; ``show(session, phase)`` on every change."""

    DEFAULT_CSS = """
    WorkArea { height: 1fr; }
    WorkArea AdvisorPanel, WorkArea OptionsTable, WorkArea ActionsTable, WorkArea ImpactRiskMatrix {
        display: none;
    }
    WorkArea.-insights AdvisorPanel { display: block; }
    WorkArea.-reflect OptionsTable { display: block; height: 1fr; }
    WorkArea.-reflect.-matrix ImpactRiskMatrix { display: block; height: 1fr; }
    WorkArea.-reflect.-matrix EntryList { display: none; }
    WorkArea.-agree ActionsTable { display: block; height: 1fr; }
    WorkArea.-reflect EntryList, WorkArea.-agree EntryList { height: 1fr; max-height: 12; }
    WorkArea #work-status { height: 1; padding: 0 1; color: $text-muted; }
    WorkArea #work-status.-error { color: $error; text-style: bold; }
    """

    def __init__(self, context: EditContext, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.context = context
        self.session: Session | None = None
        self.phase: PhaseId | None = None
        self._status_is_result = False

    def compose(self) -> ComposeResult:
        yield AdvisorPanel(id="advisor-panel")
        yield OptionsTable(id="options-table")
        yield ActionsTable(id="actions-table")
        yield EntryList(id="entry-list")
        yield ImpactRiskMatrix(id="matrix")
        yield Static("", id="work-status", markup=False)

    # -- showing ------------------------------------------------------------------------------------

    def show(self, session: Session, phase: PhaseId) -> None:
        """Show ``phase`` of ``session``: appends / updates rows; rebuilds only when rows went or moved."""
        if phase != self.phase:
            for name in ("rapport", "context", "insights", "reflect", "agree"):
                self.set_class(name == phase, f"-{name}")
            if self.is_mounted and self.phase is not None:
                self.say("")
        self.session, self.phase = session, phase
        entries = [entry for entry in session.entries if entry.phase == phase]
        self.entry_list.sync(entry_rows(session, entries))
        if phase == "insights":
            self.query_one(AdvisorPanel).show(session)
        elif phase == "reflect":
            self.options_table.sync(option_rows(session))
            if self.has_class("-matrix"):
                self.query_one(ImpactRiskMatrix).show(session)
        elif phase == "agree":
            self.actions_table.sync(action_rows(session))

    def refresh_items(self) -> None:
        if self.session is not None and self.phase is not None:
            self.show(self.session, self.phase)

    @property
    def entry_list(self) -> EntryList:
        return self.query_one(EntryList)

    @property
    def options_table(self) -> OptionsTable:
        return self.query_one(OptionsTable)

    @property
    def actions_table(self) -> ActionsTable:
        return self.query_one(ActionsTable)

    def primary_list(self) -> ItemTable:
        if self.phase == "reflect":
            return self.options_table
        if self.phase == "agree":
            return self.actions_table
        return self.entry_list

    def visible_lists(self) -> list[ItemTable]:
        """The tables shown now, in focus order (primary first)."""
        order: list[ItemTable] = [self.primary_list(), self.entry_list]
        lists: list[ItemTable] = []
        for table in order:
            if table not in lists and table.display:
                lists.append(table)
        return lists

    class ToCapture(Message):
        """Focus should go back to the capture line (past the last list, or Escape on a list)."""

    def on_item_table_focus_step(self, message: ItemTable.FocusStep) -> None:
        """The work area decides where a list's Tab / shift+Tab / Escape goes: another list, or on up."""
        message.stop()
        lists = self.visible_lists()
        table, step = message.table, message.step
        if step:
            index = lists.index(table) if table in lists else (len(lists) if step > 0 else 0)
            target = index + step
            if 0 <= target < len(lists):
                lists[target].focus()
                return
        self.post_message(self.ToCapture())

    def focus_list(self) -> bool:
        """Focus the phase's main list (Escape from the capture line). False if nothing to focus."""
        lists = self.visible_lists()
        if not lists:
            return False
        lists[0].focus()
        return True

    def say(self, message: str | Text, *, error: bool = False, hint: bool = False) -> None:
        """Show one line under the lists: the result of a change (kept) or a hint (replaceable)."""
        status = self.query_one("#work-status", Static)
        status.update(message if isinstance(message, Text) else Text(message))
        status.set_class(error, "-error")
        self._status_is_result = bool(message) and not hint

    def on_item_table_hint(self, message: ItemTable.Hint) -> None:
        message.stop()
        if message.focus and (self._status_is_result or message.table not in self.visible_lists()):
            return  # keep "Deleted · ctrl+z to undo" when focus comes back from a dialog
        self.say(message.text, hint=True)

    # -- the seam to the app ------------------------------------------------------------------------

    @property
    def editor(self) -> Editor:
        return self.context.editor

    def now(self) -> datetime:
        return self.context.clock.now()

    def changed(self, what: str, message: str | Text = "") -> None:
        """After any change: refresh, say what happened, tell the app (it saves)."""
        self.refresh_items()
        if message:
            self.say(message)
        self.post_message(SessionChanged(what))

    def toggle_matrix(self) -> None:
        self.toggle_class("-matrix")
        if self.has_class("-matrix") and self.session is not None:
            self.query_one(ImpactRiskMatrix).show(self.session)
        self.say("impact/risk view: v to go back" if self.has_class("-matrix") else "", hint=True)

    @staticmethod
    def describe_kind(item: Any) -> str:
        return kind_label(item_kind(item))
