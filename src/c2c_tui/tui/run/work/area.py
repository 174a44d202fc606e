"""The current phase's items, and their editing.

Every phase shows its entries (newest at the bottom). Part 2 adds the advisor panel; Part 3 the options
table and, with ``v``, the impact/risk 2x2 in place of the entry list; Part 4 the actions table above the
follow-up offers. ``show(session, phase)`` is cheap: rows are appended or updated, not rebuilt. Under the
lists, the highlighted item whole (``ItemDetail``); on a short run screen Part 2's advisor panel gives way
to one line (``AdvisorLine``, c2c.tcss). A phase's own widgets are mounted when it is first shown
(``phase_widgets.py``), the 2x2 when ``v`` first shows it: the first frame composes only its phase's.

Edit keys are declared on the tables (they act only while a table has focus) and come here as
``ItemTable.EditRequested``; this widget opens the dialog, changes the session through the editor it is
handed (``EditContext``: the run context, or a test's), refreshes itself and posts ``SessionChanged`` (the edit flows,
one method per edit key, are in ``item_edits.py``; dialogs return through callbacks, and Escape in any dialog
changes nothing).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Static

from c2c_tui.core.capture.editor import Editor
from c2c_tui.core.model import PhaseId, Session
from c2c_tui.core.text.neutral import shown

from ..context import EditContext
from ..messages import SessionChanged
from . import phase_widgets
from .entry_list import EntryList, entry_rows
from .item_detail import ItemDetail
from .item_edits import ItemEdits
from .item_table import ItemTable

if TYPE_CHECKING:  # imported when their phase is first shown (phase_widgets.py), the 2x2 on v
    from .actions_table import ActionsTable
    from .advisor_line import AdvisorLine
    from .advisor_panel import AdvisorPanel
    from .matrix import ImpactRiskMatrix
    from .options_table import OptionsTable


class WorkArea(ItemEdits, Vertical):
    """Shows one phase's items; ``show(session, phase)`` on every change."""

    DEFAULT_CSS = """
    WorkArea { height: 1fr; }
    WorkArea AdvisorPanel, WorkArea OptionsTable, WorkArea ActionsTable, WorkArea ImpactRiskMatrix {
        display: none;
    }
    WorkArea.-insights AdvisorPanel { display: block; }
    WorkArea.-reflect OptionsTable { display: block; height: 1fr; }
    WorkArea.-reflect.-matrix ImpactRiskMatrix { display: block; height: 3fr; }
    WorkArea.-reflect.-matrix OptionsTable { height: 2fr; }
    WorkArea.-reflect.-matrix EntryList { display: none; }
    WorkArea.-reflect.-matrix ItemDetail { display: none; }  /* the 2x2 names every option: it needs the rows */
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
        self._turn: str | None = None  # the team whose turn it is, for the advisor panel

    def compose(self) -> ComposeResult:
        yield from phase_widgets.new_widgets(self, phase_widgets.phase_of(self), self._turn)
        yield EntryList(id="entry-list")
        # the impact/risk 2x2 (ImpactRiskMatrix) is mounted here, before the detail, when v first shows it
        yield ItemDetail(id="item-detail")
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
        if self.is_attached:  # the phase's own widgets, the first time it is shown (phase_widgets.py)
            phase_widgets.mount_missing(self, phase, self._turn, before=self.entry_list)
        entries = [entry for entry in session.entries if entry.phase == phase]
        self.entry_list.sync(entry_rows(session, entries))
        if phase == "insights":
            cast("AdvisorPanel", self.query_one("#advisor-panel")).show(session)
            cast("AdvisorLine", self.query_one("#advisor-line")).show(session)
        elif phase == "reflect":
            from .options_table import option_rows

            self.options_table.sync(option_rows(session))
            if self.has_class("-matrix"):
                self.show_matrix(session)
        elif phase == "agree":
            from .actions_table import action_rows

            self.actions_table.sync(action_rows(session))
        self.show_detail()

    def show_detail(self, table: ItemTable | None = None) -> None:
        """The highlighted item of ``table`` (or of the focused list, else the main one) whole, wrapped."""
        if self.session is None:
            return
        lists = self.visible_lists()
        if table is None:
            table = next((t for t in lists if t.has_focus), lists[0] if lists else None)
        item_id = table.selected_id if table is not None else None
        item = self.editor.find(item_id) if item_id is not None else None
        self.query_one(ItemDetail).show(self.session, item)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        table = event.data_table
        if isinstance(table, ItemTable) and (table.has_focus or table is self.primary_list()):
            self.show_detail(table)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, ItemTable):
            self.show_detail(event.widget)

    def show_turn(self, session: Session, turn: str | None) -> None:
        """Part 2: the advisor panel marks the team whose turn it is (``turn``, a team id, or nobody)."""
        self._turn = turn
        for panel in self.query("#advisor-panel"):  # not there before Part 2 is first shown
            cast("AdvisorPanel", panel).show_turn(session, turn)

    def refresh_items(self) -> None:
        if self.session is not None and self.phase is not None:
            self.show(self.session, self.phase)

    @property
    def entry_list(self) -> EntryList:
        return self.query_one(EntryList)

    @property
    def options_table(self) -> OptionsTable:
        return cast("OptionsTable", self.query_one("#options-table"))

    @property
    def actions_table(self) -> ActionsTable:
        return cast("ActionsTable", self.query_one("#actions-table"))

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
        status.update(message if isinstance(message, Text) else Text(shown(message)))
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

    def show_matrix(self, session: Session) -> None:
        """The 2x2 shows ``session``'s options; mounted the first time (the first frame goes without it)."""
        found = self.query("#matrix")
        if found:
            cast("ImpactRiskMatrix", found.first()).show_once_mounted(session)
        else:
            from .matrix import ImpactRiskMatrix

            self.mount(ImpactRiskMatrix(id="matrix", session=session), before=self.query_one(ItemDetail))

    def toggle_matrix(self) -> None:
        self.toggle_class("-matrix")
        if self.has_class("-matrix") and self.session is not None:
            self.show_matrix(self.session)
        self.say("impact/risk view: v to go back" if self.has_class("-matrix") else "", hint=True)
