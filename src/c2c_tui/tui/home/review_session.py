"""One saved session in review: its summary (markdown viewer) and its agreed actions.

The highlighted action can be marked done (d), dropped (x) or open again (r), or given a new owner (o) or
due date (u). Each change goes through ``core.followup.update_action``: the file is locked, written
atomically and its summary refreshed. A session open in ``c2c run`` is locked: the store's one-line
message is shown and nothing changes. The view is then read again from the file.

An action a later workshop reviewed shows its latest state (``core.followup.latest``): status, owner and
due date in the table, and, under it, the state as agreed and where it changed for the highlighted action
("agreed open → done in Heat two, 2026-12-10"). A change made here is written to the action's own file, and
being the latest change, it is what the table shows next.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from c2c_tui.core.followup import update_action
from c2c_tui.core.followup.latest import Latest, latest_of, with_info
from c2c_tui.core.followup.library import Library, SessionInfo, read_info
from c2c_tui.core.model import Action
from c2c_tui.core.setup import parse_due
from c2c_tui.core.store import SessionError
from c2c_tui.core.summary import render_markdown
from c2c_tui.core.text import mdtext
from c2c_tui.core.text.neutral import shown
from c2c_tui.tui.home.context import HomeContext
from c2c_tui.tui.home.summary_viewer import SummaryViewer
from c2c_tui.tui.notify import say
from c2c_tui.tui.widgets.record_table import PlainTable

from ..dialogs.form import Field, FormDialog

STATUS_WORDS = {"done": "Marked done", "dropped": "Dropped", "open": "Open again"}


def action_row(
    info: SessionInfo, action: Action, today: date, latest: Latest | None = None
) -> tuple[str, tuple[str, ...]]:
    return action.id, (latest or Latest()).cells(info, action, today)


class SessionReviewScreen(Screen[None]):
    DEFAULT_CSS = """
    SessionReviewScreen #review-title {
        height: 1; padding: 0 1; background: $panel; text-style: bold; text-wrap: nowrap; text-overflow: ellipsis;
    }
    SessionReviewScreen #actions-heading {
        height: 1; padding: 0 1; background: $panel; text-wrap: nowrap; text-overflow: ellipsis;
    }
    SessionReviewScreen #review-actions { height: 8; min-height: 3; }
    SessionReviewScreen #action-latest {
        height: 1; padding: 0 1; background: $boost; text-wrap: nowrap; text-overflow: ellipsis;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "status('done')", "Done"),
        Binding("x", "status('dropped')", "Drop"),
        Binding("r", "status('open')", "Reopen"),
        Binding("o", "owner", "Owner"),
        Binding("u", "due", "Due date"),
        Binding("t", "contents", "Contents"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(
        self,
        context: HomeContext,
        info: SessionInfo,
        library: Library | None = None,
        latest: Latest | None = None,
    ) -> None:
        super().__init__()
        self.context = context
        self.info = info
        self.library = library  # the folder, for the actions' latest states (None: this file alone)
        if latest is None:
            latest = latest_of(library) if library is not None else Latest()
        self.latest = latest  # as the review list computed it, read again after each change here

    def compose(self) -> ComposeResult:
        yield Static(Text(""), id="review-title")
        yield SummaryViewer(id="review-summary")
        yield Static(Text(""), id="actions-heading")
        progress = any(
            (t := self.latest.of(self.info.path, a.id)) is not None and t.status == "in_progress"
            for a in self.info.outline.actions
        )
        yield PlainTable(
            [("Status", 11 if progress else 8), ("Due", 10), ("Owner", 16), ("Action", None)],
            empty="No actions were agreed.",
            id="review-actions",
        )
        yield Static(Text(""), id="action-latest")
        yield Footer()

    async def on_mount(self) -> None:
        await self.show_info(self.info)
        self.query_one("#review-actions").focus()

    @property
    def today(self) -> date:
        return self.context.clock.now().date()

    async def show_info(self, info: SessionInfo, select: str | None = None) -> None:
        self.info = info
        title = f"{info.title} · {info.path}"
        self.query_one("#review-title", Static).update(Text(shown(title), no_wrap=True, overflow="ellipsis"))
        actions = info.outline.actions
        opened, late = self.latest.counts(info, self.today)
        heading = f"Actions: {opened} open of {len(actions)}"
        heading += f", {late} overdue" if late else ""
        changed = self.latest.changed(info)
        heading += f" · {changed} changed in a later workshop" if changed else ""
        self.query_one("#actions-heading", Static).update(Text(heading, no_wrap=True, overflow="ellipsis"))
        table = self.query_one("#review-actions", PlainTable)
        table.show([action_row(info, a, self.today, self.latest) for a in actions], select=select)
        self.query_one("#action-latest").display = bool(changed)
        self.show_latest()
        try:  # the list holds the session's outline: its summary needs the whole file, read now
            summary = render_markdown(info.load(), self.context.clock.now())
        except SessionError as error:
            summary = mdtext.inline(f"This file does not load now: {error}")
        await self.query_one(SummaryViewer).show(summary)

    def show_latest(self) -> None:
        """The highlighted action's state as agreed and where it changed (a later workshop's review)."""
        key = self.query_one("#review-actions", PlainTable).current_key
        action = next((a for a in self.info.outline.actions if a.id == key), None)
        story = self.latest.story(self.info, action) if action is not None else ""
        line = story or "not changed in a later workshop"
        self.query_one("#action-latest", Static).update(
            Text(shown(line), no_wrap=True, overflow="ellipsis", style="" if story else "italic")
        )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self.is_mounted and self.query("#action-latest"):
            self.show_latest()

    def current(self) -> Action | None:
        key = self.query_one("#review-actions", PlainTable).current_key
        action = next((a for a in self.info.outline.actions if a.id == key), None)
        if action is None:
            say(self.app, "No action to change in this session.")
        return action

    async def change(self, action: Action, what: str, **changes: Any) -> None:
        """Write one change to the file (locked, atomic, summary refreshed) and show the file again."""
        now = self.context.clock.now()
        try:
            update_action(self.info.path, action.id, now=now, **changes)
        except SessionError as error:
            say(self.app, str(error), severity="error", timeout=12)
            return
        try:
            info = read_info(self.info.path, now)
        except SessionError as error:
            say(self.app, str(error), severity="error", timeout=12)
            return
        if self.library is not None:  # the change in its own file is now the latest
            self.library = with_info(self.library, info)
            self.latest = latest_of(self.library)
        await self.show_info(info, select=action.id)
        say(self.app, f"{what}: {action.text}")

    async def action_status(self, status: str) -> None:
        action = self.current()
        if action is None:
            return
        tracked = self.latest.of(self.info.path, action.id)  # as shown: a later review may have changed it
        if (tracked.status if tracked is not None else action.status) == status:
            say(self.app, f"Already {status}: {action.text}")
            return
        await self.change(action, STATUS_WORDS[status], status=status)

    def action_owner(self) -> None:
        action = self.current()
        if action is None:
            return

        async def done(values: dict[str, str] | None) -> None:
            if values is not None and values["owner"].strip() != action.owner:
                await self.change(
                    action, f"Owner {values['owner'].strip() or '(none)'}", owner=values["owner"]
                )

        fields = [Field("owner", "Owner", action.owner, "Name (empty: no owner)")]
        self.app.push_screen(FormDialog(f"New owner for: {action.text}", fields), done)

    def action_due(self) -> None:
        action = self.current()
        if action is None:
            return

        def check(values: dict[str, str]) -> dict[str, str]:
            try:
                parse_due(values["due"])
            except ValueError as error:
                return {"due": str(error)}
            return {}

        async def done(values: dict[str, str] | None) -> None:
            if values is None:
                return
            due = parse_due(values["due"])
            if due == action.due:
                return
            label = f"Due {due.isoformat()}" if due else "No due date"
            await self.change(action, label, due=due, clear_due=due is None)

        value = action.due.isoformat() if action.due else ""
        fields = [Field("due", "Due", value, "YYYY-MM-DD (empty: no date)")]
        self.app.push_screen(FormDialog(f"Due date for: {action.text}", fields, check), done)

    def action_contents(self) -> None:
        viewer = self.query_one(SummaryViewer)
        viewer.show_table_of_contents = not viewer.show_table_of_contents

    def action_back(self) -> None:
        self.dismiss(None)
