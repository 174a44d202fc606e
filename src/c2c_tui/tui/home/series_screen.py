"""s on the home screen: the series overview of the folder (``core.followup.series_overview``, in the
summary viewer) and its topic backlog, editable here.

Keys: a adds a topic; b, n, c set the highlighted topic's status (backlog, next, covered: then which
workshop covered it, picked from the folder's sessions); Tab moves between the overview and the topics;
Escape goes back. Edits go to the folder's ``series.toml`` through core (``add_topic``,
``set_topic_status``, ``save_series``: atomic, never through a link). A broken series file is never
overwritten: the overview shows without it and every edit is refused with its one-line problem.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from c2c_tui.core.followup.library import scan
from c2c_tui.core.followup.series_file import (
    SeriesFile,
    SeriesFileError,
    TopicStatus,
    add_topic,
    load_series,
    save_series,
    set_topic_status,
)
from c2c_tui.core.followup.series_overview import render_series
from c2c_tui.core.store import SessionError
from c2c_tui.core.text.neutral import shown
from c2c_tui.core.text.textcells import breaks_shown
from c2c_tui.tui.home.context import HomeContext
from c2c_tui.tui.home.summary_viewer import SummaryViewer
from c2c_tui.tui.notify import say

TOPICS_HELP = "Topics: a add · b backlog · n next · c covered · Tab overview · Esc back"
NO_TOPICS = "No topics yet: a adds one (they are kept in series.toml in this folder)."


class SeriesScreen(Screen[None]):
    DEFAULT_CSS = """
    SeriesScreen #series-heading {
        height: 1; padding: 0 1; background: $panel; text-style: bold; text-wrap: nowrap; text-overflow: ellipsis;
    }
    SeriesScreen #series-topics-help { height: auto; padding: 0 1; background: $panel; }
    SeriesScreen #series-topics { height: auto; max-height: 7; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add topic"),
        Binding("b", "status('backlog')", "Backlog"),
        Binding("n", "status('next')", "Next"),
        Binding("c", "covered", "Covered"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, context: HomeContext) -> None:
        super().__init__()
        self.context = context
        self.series: SeriesFile | None = None
        self.broken: str | None = None  # the series file's problem: then nothing is written

    def compose(self) -> ComposeResult:
        yield Static(Text(""), id="series-heading")
        yield SummaryViewer(id="series-overview")
        yield Static(Text(TOPICS_HELP), id="series-topics-help")
        table: DataTable[Text] = DataTable(cursor_type="row", id="series-topics")
        yield table
        yield Footer()

    @property
    def topics(self) -> DataTable[Text]:
        return self.query_one("#series-topics", DataTable)

    async def on_mount(self) -> None:
        self.topics.add_column("Topic", width=max(20, self.app.size.width - 42))
        self.topics.add_column("Status", width=8)
        self.topics.add_column("Covered in", width=24)
        await self.reload()
        self.topics.focus()

    async def reload(self) -> None:
        folder = self.context.folder
        try:
            self.series, self.broken = load_series(folder), None
        except SeriesFileError as error:
            self.series, self.broken = None, str(error)
        library = scan(folder, self.context.clock.now())
        markdown = render_series(library, self.series, today=self.context.clock.now().date())
        await self.query_one(SummaryViewer).show(markdown)
        count = len(library.sessions)
        heading = f"Series · {count} workshop{'' if count == 1 else 's'} · {folder}"
        if self.broken:
            heading += " · series file broken: not editable"
        self.query_one("#series-heading", Static).update(
            Text(shown(heading), no_wrap=True, overflow="ellipsis")
        )
        self.show_topics()

    def show_topics(self) -> None:
        table = self.topics
        cursor = table.cursor_row
        table.clear()
        for index, topic in enumerate(self.series.topics if self.series else ()):
            cells = (topic.title, topic.status, topic.covered_in or "")
            table.add_row(*(Text(shown(breaks_shown(c)), no_wrap=True) for c in cells), key=str(index))
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1))
        else:
            table.add_row(Text(self.broken or NO_TOPICS), Text(""), Text(""), key="none")

    # -- edits --------------------------------------------------------------------------------------

    def _editable(self) -> bool:
        if self.broken:
            say(self.app, f"Not changed: {self.broken}", severity="error")
            return False
        return True

    async def _save(self, series: SeriesFile, what: str) -> None:
        try:
            save_series(self.context.folder, series)
        except SessionError as error:
            say(self.app, f"Not saved: {error}", severity="error")
            return
        say(self.app, what)
        await self.reload()

    def _topic_index(self) -> int | None:
        if not self.series or not self.series.topics:
            say(self.app, NO_TOPICS)
            return None
        return min(self.topics.cursor_row, len(self.series.topics) - 1)

    def action_add(self) -> None:
        if not self._editable():
            return
        from c2c_tui.tui.dialogs.text_dialog import TextDialog

        async def added(title: str | None) -> None:
            if not title or not title.strip():
                return
            try:
                series = add_topic(self.series, title)
            except ValueError as error:
                say(self.app, f"Not added: {error}", severity="error")
                return
            await self._save(series, f"Added the topic {' '.join(title.split())[:60]} (backlog).")
            self.topics.move_cursor(row=len(series.topics) - 1)

        self.app.push_screen(TextDialog("A new topic for the backlog"), added)

    async def _set(self, index: int, status: TopicStatus, covered_in: str | None = None) -> None:
        assert self.series is not None
        try:
            series = set_topic_status(self.series, index, status, covered_in)
        except ValueError as error:
            say(self.app, f"Not changed: {error}", severity="error")
            return
        where = f" in {covered_in}" if covered_in else ""
        await self._save(series, f"{series.topics[index].title[:60]}: {status}{where}.")

    async def action_status(self, status: TopicStatus) -> None:
        index = self._topic_index() if self._editable() else None
        if index is not None:
            await self._set(index, status)

    def action_covered(self) -> None:
        index = self._topic_index() if self._editable() else None
        if index is None:
            return
        from c2c_tui.tui.dialogs.choice import ChoiceDialog

        library = scan(self.context.folder, self.context.clock.now())
        choices: list[tuple[str | None, str]] = [
            (info.path.name, f"{info.path.name} · {info.title}") for info in library.sessions
        ]
        choices.append((None, "(no workshop named)"))

        async def picked(result: tuple[str | None] | None) -> None:
            if result is not None:
                await self._set(index, "covered", result[0])

        newest = choices[0][0] if library.sessions else None  # the list is newest first
        self.app.push_screen(ChoiceDialog("Covered in which workshop?", choices, current=newest), picked)

    def action_back(self) -> None:
        self.dismiss()
