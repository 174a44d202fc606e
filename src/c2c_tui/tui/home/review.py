"""Review (``c2c review [DIR]``, or r on the home screen): the saved sessions, searched as you type.

The search uses ``core.library.search``: every word must be found (any case); ``title:``, ``team:`` or
``who:`` (participants, owners, speakers) limit a word to one field; quotes keep words together.
Enter opens a session's summary and actions. Files that do not load are listed (with their problem)
while the search is empty.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from c2c_tui.core.followup.latest import Latest, latest_of
from c2c_tui.core.followup.library import FileProblem, FolderError, Library, scan, search
from c2c_tui.core.text.neutral import shown
from c2c_tui.tui.home.context import HomeContext
from c2c_tui.tui.home.session_list import Item, SessionList
from c2c_tui.tui.notify import say

HINT = 'Words search everything · title: team: who: one field · "two words" together'


class ReviewScreen(Screen[None]):
    DEFAULT_CSS = """
    ReviewScreen #review-heading {
        height: 1; padding: 0 1; background: $panel; text-style: bold; text-wrap: nowrap; text-overflow: ellipsis;
    }
    ReviewScreen #review-search { margin: 0 1; background: $boost; }
    ReviewScreen #review-hint { height: 1; padding: 0 1; color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", show=False),
        Binding("slash", "search", "Search"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, context: HomeContext, *, standalone: bool = False) -> None:
        super().__init__()
        self.context = context
        self.standalone = standalone  # the first screen of `c2c review`: Escape quits
        self.library: Library | None = None
        self.latest = Latest()  # each action's latest state across the folder's reviews

    def compose(self) -> ComposeResult:
        yield Static(Text(""), id="review-heading")
        yield Input(
            placeholder="type to search, e.g. heat team:seville who:maria", id="review-search", compact=True
        )
        yield Static(Text(HINT), id="review-hint")
        yield SessionList(self.context.clock.now().date())
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#review-search", Input).focus()

    def on_screen_resume(self) -> None:
        self.reload()  # shown first, or again: one scan of the folder

    def reload(self) -> None:
        folder = self.context.folder
        try:
            self.library = scan(folder, self.context.clock.now())
        except FolderError as error:
            self.library = Library(folder=folder, sessions=[], problems=[])
            say(self.app, str(error), severity="warning")
        self.latest = latest_of(self.library)
        self.show_matches()

    @property
    def query_text(self) -> str:
        return self.query_one("#review-search", Input).value

    def show_matches(self) -> None:
        lib = self.library
        if lib is None:
            return
        query = self.query_text.strip()
        found = search(lib, query)
        items: list[Item] = [*found, *([] if query else lib.problems)]
        empty = f"No session matches {query!r}." if query else "No saved sessions in this folder yet."
        self.query_one(SessionList).show(items, empty=empty, latest=self.latest)
        total = len(lib.sessions)
        count = f"{len(found)} of {total}" if query else str(total)
        heading = f"Review · {count} session{'' if total == 1 else 's'}"
        if lib.problems:
            heading += f" · {len(lib.problems)} broken file{'' if len(lib.problems) == 1 else 's'}"
        heading += f" · {lib.folder}"
        self.query_one("#review-heading", Static).update(
            Text(shown(heading), no_wrap=True, overflow="ellipsis")
        )

    @on(Input.Changed, "#review-search")
    def _typed(self, event: Input.Changed) -> None:
        self.show_matches()

    @on(Input.Submitted, "#review-search")
    def _to_list(self, event: Input.Submitted) -> None:
        self.query_one("#sessions").focus()

    def on_key(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key == "down" and self.focused is self.query_one("#review-search"):
            event.stop()
            self.query_one("#sessions").focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_search(self) -> None:
        self.query_one("#review-search", Input).focus()

    def action_open(self) -> None:
        from .review_session import SessionReviewScreen

        item = self.query_one(SessionList).table.current
        if item is None:
            say(self.app, "No session to open.")
        elif isinstance(item, FileProblem):
            say(self.app, f"This file does not load: {item.message}", severity="error")
        else:
            self.app.push_screen(SessionReviewScreen(self.context, item, self.library, self.latest))

    def action_back(self) -> None:
        if self.standalone:
            self.app.exit(None)
        else:
            self.dismiss(None)
