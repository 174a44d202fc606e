"""ctrl+r "Since last time": the review of a follow-on workshop's carried actions and follow-up offers.

One row per carried item (``session.reviews``); keys set what became of the highlighted one: d done,
p in progress (with a short note), x dropped, o still open, w a new owner, u a new due date, Enter picks
from the list. Each is recorded through core (``record_review``, stamped with the injected clock's time)
and posted as a SessionChanged, so the autosave writes it like any change. The earlier file is never
written. The heading says how far the review is ("3 of 5 reviewed"); a line keeps the clock in view.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from c2c_tui.core.clock import ClockState
from c2c_tui.core.followup.followon import SeriesError, record_review
from c2c_tui.core.followup.review_list import cells, outcome_label, progress
from c2c_tui.core.phases import phase
from c2c_tui.core.series_rows import Review
from c2c_tui.core.setup import parse_due
from c2c_tui.core.text.neutral import shown
from c2c_tui.core.text.textcells import breaks_shown
from c2c_tui.tui.notify import say
from c2c_tui.tui.run.context import RunContext
from c2c_tui.tui.run.messages import SessionChanged

HELP = "d done  p in progress  x dropped  o still open  w owner  u due  Enter list  Esc back"
NOTHING = "Nothing carried from an earlier workshop: this one follows none, or everything was closed."


def _clock_line(state: ClockState) -> str:
    left = int(abs(state.remaining_seconds))
    words = "over" if state.remaining_seconds < 0 else "left"
    return f"{phase(state.phase).short} · {left // 60}:{left % 60:02d} {words} · {state.state}"


class SinceLastTimeScreen(Screen[None]):
    DEFAULT_CSS = """
    SinceLastTimeScreen #review-heading { height: 1; padding: 0 1; background: $panel; text-style: bold; }
    SinceLastTimeScreen #review-clock { height: 1; padding: 0 1; color: $text-muted; }
    SinceLastTimeScreen #review-help { height: auto; padding: 0 1; color: $text-muted; }
    SinceLastTimeScreen DataTable { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "outcome('done')", "Done", tooltip="Done (an offer: taken up)"),
        Binding("p", "outcome('in_progress')", "In progress", tooltip="In progress, with a short note"),
        Binding("x", "outcome('dropped')", "Dropped", tooltip="Dropped (an offer: not taken up)"),
        Binding("o", "outcome('open')", "Still open", tooltip="Still open"),
        Binding("w", "owner", "Owner", tooltip="A new owner"),
        Binding("u", "due", "Due", tooltip="A new due date"),
        Binding("escape,ctrl+r", "close", "Back", tooltip="Back to the workshop"),
    ]

    def __init__(self, context: RunContext) -> None:
        super().__init__(id="since-last-time")
        self.context = context

    def compose(self) -> ComposeResult:
        yield Static(Text(""), id="review-heading")
        yield Static(Text(""), id="review-clock")
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="review-table")
        yield table
        yield Static(Text(HELP), id="review-help")
        yield Footer(compact=True)

    @property
    def rows(self) -> list[Review]:
        return self.context.session.reviews or []

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#review-table", DataTable)

    def on_mount(self) -> None:
        width = self.app.size.width
        wide = width >= 100  # then the file column is in view too
        outcome, owner = (26, 24) if wide else (22, 20)
        item_width = max(20, width - outcome - owner - 10 - (14 if wide else 0))
        self.table.add_column("Item", width=item_width)
        self.table.add_column("Outcome", width=outcome)
        self.table.add_column("New owner · due", width=owner)
        self.table.add_column("From")
        self.show_rows()
        self.show_clock(self.context.clock_state())
        first_open = next((i for i, row in enumerate(self.rows) if not row.reviewed), 0)
        if self.rows:
            self.table.move_cursor(row=first_open)
        self.table.focus()

    def show_rows(self) -> None:
        table = self.table
        cursor = table.cursor_row
        table.clear()
        for index, row in enumerate(self.rows):
            table.add_row(*(Text(shown(breaks_shown(c)), no_wrap=True) for c in cells(row)), key=str(index))
        if self.rows:
            table.move_cursor(row=min(cursor, len(self.rows) - 1))
        heading = f"Since last time · {progress(self.rows)}" if self.rows else NOTHING
        self.query_one("#review-heading", Static).update(Text(heading, no_wrap=True, overflow="ellipsis"))

    def show_clock(self, state: ClockState) -> None:
        self.query_one("#review-clock", Static).update(Text(_clock_line(state)))

    def flash(self) -> None:
        self.query_one("#review-clock", Static).add_class("-flash")

    # -- the keys ---------------------------------------------------------------------------------------

    def _current(self) -> tuple[int, Review] | None:
        rows = self.rows
        index = self.table.cursor_row
        if not rows or not 0 <= index < len(rows):
            say(self.app, NOTHING)
            return None
        return index, rows[index]

    def _record(self, index: int, outcome: str, *, advance: bool = False, **changes: object) -> None:
        row = self.rows[index]
        note = changes.pop("note", row.note if row.reviewed else "")
        try:
            done = record_review(
                self.context.session, index, outcome, now=self.context.now(), note=str(note), **changes
            )  # type: ignore[arg-type]
        except SeriesError as error:
            say(self.app, str(error), severity="error")
            return
        self.show_rows()
        if advance and index + 1 < len(self.rows):
            self.table.move_cursor(row=index + 1)  # on to the next item: the review is a walk down the list
        say(
            self.app,
            f"{breaks_shown(done.text)[:60]}: {outcome_label(done)} · {progress(self.rows)}",
            timeout=4,
        )
        self.post_message(SessionChanged("review"))

    def action_outcome(self, outcome: str) -> None:
        current = self._current()
        if current is None:
            return
        index, row = current
        if outcome != "in_progress":
            self._record(index, outcome, advance=True, note="")
            return
        from c2c_tui.tui.dialogs.text_dialog import TextDialog

        def noted(note: str | None) -> None:
            if note is not None:
                self._record(index, "in_progress", advance=True, note=note.strip())

        self.app.push_screen(
            TextDialog(
                f"In progress: a short note on {breaks_shown(row.text)[:60]}",
                row.note if row.reviewed else "",
                help="Enter records it · Escape cancels",
            ),
            noted,
        )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row: choose what became of it from a list."""
        event.stop()
        self.action_choose()

    def action_choose(self) -> None:
        current = self._current()
        if current is None:
            return
        _index, row = current
        from c2c_tui.tui.dialogs.choice import ChoiceDialog

        offer = row.kind == "follow_up"
        choices: list[tuple[str | None, str]] = [
            ("done", "d  taken up" if offer else "d  done"),
            ("in_progress", "p  in progress (with a note)"),
            ("dropped", "x  not taken up" if offer else "x  dropped"),
            ("open", "o  still open"),
        ]

        def picked(result: tuple[str | None] | None) -> None:
            if result and result[0]:
                self.action_outcome(result[0])

        shortcuts: dict[str, str | None] = {"d": "done", "p": "in_progress", "x": "dropped", "o": "open"}
        self.app.push_screen(
            ChoiceDialog(
                f"What became of it? {breaks_shown(row.text)[:60]}",
                choices,
                current=row.outcome if row.reviewed else None,
                shortcuts=shortcuts,
            ),
            picked,
        )

    def action_owner(self) -> None:
        current = self._current()
        if current is None:
            return
        index, row = current
        from c2c_tui.tui.dialogs.text_dialog import TextDialog

        people = [p.name for p in self.context.session.participants if p.name]

        def named(owner: str | None) -> None:
            if owner is not None:
                self._record(index, row.outcome, owner=owner)

        self.app.push_screen(
            TextDialog(
                "A new owner", row.owner or "", suggestions=people, help="Enter records it · Escape cancels"
            ),
            named,
        )

    def action_due(self) -> None:
        current = self._current()
        if current is None:
            return
        index, row = current
        from c2c_tui.tui.dialogs.text_dialog import TextDialog

        def problem(value: str) -> str | None:
            try:
                return None if parse_due(value) else "a date, YYYY-MM-DD"
            except ValueError as error:
                return str(error)

        def dated(value: str | None) -> None:
            due: date | None = parse_due(value) if value else None
            if due is not None:
                self._record(index, row.outcome, due=due)

        self.app.push_screen(
            TextDialog(
                "A new due date (YYYY-MM-DD)",
                row.due.isoformat() if row.due else "",
                validate=problem,
                help="Enter records it · Escape cancels",
            ),
            dated,
        )

    def action_close(self) -> None:
        self.dismiss()


REVIEW_PHASES = frozenset({"rapport", "context"})


def offer(context: RunContext) -> tuple[str | None, bool]:
    """When a follow-on workshop opens: carry what was added to the earlier workshops since it was made
    (core ``carry_new``), and in the rapport or context phase offer the review. Returns (what to say,
    whether the session changed)."""
    from c2c_tui.core.followup.followon import carry_new
    from c2c_tui.core.followup.review_list import to_review

    session = context.session
    if session.workshop.after is None:
        return None, False
    try:
        fresh = carry_new(context.session_file.path, session)
    except SeriesError as error:
        return f"Since last time: {error}", False
    left = to_review(session)
    if not left or (context.clock_state().phase not in REVIEW_PHASES and not fresh):
        return None, bool(fresh)
    items = f"{left} item{'' if left == 1 else 's'}"
    return f"Since last time: {items} from the earlier workshop to review. ctrl+r opens the review.", bool(
        fresh
    )
