"""The home screen (``c2c`` with no arguments): the sessions of a folder, newest first, and what to do.

Enter runs the highlighted session in the facilitator app, n sets up a new workshop, f a follow-on of
the highlighted one (core ``follow_on``: its teams, people and agenda, its open items to review), e edits
a session's set-up, d opens the demo, r reviews the saved sessions, s shows the series overview, p the highlighted
session's proposal for the approvers. Running a session (or the demo) is not done
here: the app exits with ``("run", path)`` or ``("demo", None)`` and ``run_home`` runs it, then comes
back here.

The list keeps a small row per session (``rows.Row``: what its cells and detail lines show), not the
sessions' outlines: a session is read from its file when it is opened, edited, followed on or proposed,
and the review and series screens read the outlines they need themselves.

A big folder (more than ``FILL_LATER`` session files) shows its first frame before the list: the heading
says it is reading the sessions, and the list is filled right after that frame is painted (the folder
scan, ``library.scan_rows``, blocks the screen meanwhile, so what is typed waits in the queue). A key that
reaches the screen before the list is filled is held and handed to the list once it is, in order.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from c2c_tui.core.followup.library import (
    FileProblem,
    FolderError,
    Library,
    collector_paused,
    scan_rows,
    session_files,
)
from c2c_tui.core.followup.row_latest import rows_latest
from c2c_tui.core.followup.series_file import default_areas
from c2c_tui.core.model import Session
from c2c_tui.core.setup import new_session
from c2c_tui.core.store import SessionError, SessionFile, SummaryNotWritten
from c2c_tui.core.store.new_files import save_new
from c2c_tui.core.text.neutral import shown
from c2c_tui.tui.home.context import HomeContext
from c2c_tui.tui.home.session_list import Item, SessionList
from c2c_tui.tui.notify import say

from ..setup.setup_screen import SetupScreen

EMPTY = "No sessions here yet. Press n to set up a new workshop, or d to try the demo."
FILL_LATER = 200  # a folder with more session files than this shows the screen first, then the list
READING = "reading the sessions…"


class HomeScreen(Screen[None]):
    DEFAULT_CSS = """
    HomeScreen #home-heading {
        height: 1; padding: 0 1; background: $panel; text-style: bold; text-wrap: nowrap; text-overflow: ellipsis;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", tooltip="Open the highlighted session in the facilitator app"),
        Binding("n", "new", "New", tooltip="Set up a new workshop"),
        Binding(
            "f",
            "follow_on",
            "After",  # as in `c2c new --after`: the footer has room for a short word only
            tooltip="Set up a follow-on of the highlighted session: same teams and people, its open actions to review",
        ),
        Binding("e", "edit", "Edit set-up", tooltip="Edit the highlighted session's set-up"),
        Binding("d", "demo", "Demo", tooltip="Open the example workshop on a scratch copy"),
        Binding(
            "r", "review", "Review", tooltip="Browse and search saved sessions, their summaries and actions"
        ),
        Binding("s", "series", "Series", tooltip="The series overview of this folder and its topic backlog"),
        Binding("p", "proposal", "Proposal", tooltip="The highlighted session's case for the approvers"),
        Binding("f5", "reload", "Reload", show=False),
        Binding("q,escape", "quit", "Quit"),
    ]

    def __init__(self, context: HomeContext, *, select: Path | None = None) -> None:
        super().__init__()
        self.context = context
        self.select = select
        self.library: Library | None = None
        self.filled = False  # the list shows the folder (False only before the first scan)
        self._held: list[events.Key] = []  # keys pressed before that, for the list once it is filled

    def compose(self) -> ComposeResult:
        yield Static(Text(""), id="home-heading")
        yield SessionList(self.context.clock.now().date(), empty=EMPTY)
        # every key of this screen is in the footer, so it leaves out the palette's ^p (still there) to keep
        # them all on one line at 80 columns
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#sessions").focus()

    def on_screen_resume(self) -> None:
        """Shown (first, or again after a dialog or form): one scan of the folder, keeping ``select``.
        The first time in a big folder, the scan comes right after the first frame."""
        if not self.filled and self._big_folder():
            self._heading(f"c2c workshops · {READING} · {self.context.folder}")
            self.call_after_refresh(self._fill)
            return
        self._fill()

    def _big_folder(self) -> bool:
        try:
            return len(session_files(self.context.folder)) > FILL_LATER
        except FolderError:
            return False  # the scan says what is wrong with it, at once

    def _fill(self) -> None:
        self.reload(self.select)
        self.select = None
        held, self._held = self._held, []
        table = self.query_one(SessionList).table
        for key in held:  # in the order pressed, ahead of what was typed while the folder was read
            # as the app hands a key to the focused widget, from the app (bubbling up to the app then
            # looks up the bindings: a key sent from this screen would stop here)
            table._forward_event(events.Key(key.key, key.character).set_sender(self.app))

    def on_key(self, event: events.Key) -> None:
        if not self.filled:  # before the first scan: held for the list (its keys, this screen's)
            event.stop()
            event.prevent_default()
            self._held.append(event)

    def reload(self, select: Path | None = None) -> None:
        folder = self.context.folder
        missing = ""
        try:
            self.library = scan_rows(folder, self.context.clock.now())
        except FolderError as error:
            self.library = Library(folder=folder, sessions=[], problems=[])
            missing = f" ({str(error).removeprefix(f'{folder}: ')})"
        lib = self.library
        items: list[Item] = [*lib.sessions, *lib.problems]
        with collector_paused():  # a row per session: many objects kept, no garbage to look for
            self.query_one(SessionList).show(items, select=select, latest=rows_latest(lib))
        count = f"{len(lib.sessions)} session{'' if len(lib.sessions) == 1 else 's'}"
        if lib.problems:
            count += f" · {len(lib.problems)} broken file{'' if len(lib.problems) == 1 else 's'}"
        self._heading(f"c2c workshops · {count} · {folder}{missing}")
        self.filled = True

    def _heading(self, heading: str) -> None:
        self.query_one("#home-heading", Static).update(
            Text(shown(heading), no_wrap=True, overflow="ellipsis")
        )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    # -- actions --------------------------------------------------------------------------------------

    def action_open(self) -> None:
        item = self.query_one(SessionList).table.current
        if item is None:
            say(self.app, "Nothing to open yet: n sets up a new workshop, d opens the demo.")
        elif isinstance(item, FileProblem):
            say(self.app, f"This file does not load: {item.message}", severity="error")
        else:
            self.app.exit(("run", item.path))

    def action_demo(self) -> None:
        self.app.exit(("demo", None))

    def action_review(self) -> None:
        from .review import ReviewScreen

        self.app.push_screen(ReviewScreen(self.context))

    def action_reload(self) -> None:
        self.reload()

    def action_quit(self) -> None:
        self.app.exit(None)

    def action_series(self) -> None:
        from .series_screen import SeriesScreen

        self.app.push_screen(SeriesScreen(self.context))

    def action_new(self) -> None:
        self._set_up_new(new_session("New workshop", now=self.context.clock.now()))

    def action_follow_on(self) -> None:
        from c2c_tui.core.followup.followon import follow_on

        item = self.query_one(SessionList).table.current
        if item is None or isinstance(item, FileProblem):
            say(self.app, "Highlight a session to follow on from." if item is None else item.message)
            return
        try:  # the new file goes in this folder: its link and review rows are relative to it
            session = follow_on(
                item.path,
                self.context.folder / "follow-on.toml",
                title=f"Follow-on of {item.title}"[:200],
                now=self.context.clock.now(),
            )
        except SessionError as error:
            say(self.app, str(error), severity="error")
            return
        carried = len(session.reviews or [])
        say(
            self.app,
            f"A follow-on of {item.path.name}: {carried} item{'' if carried == 1 else 's'} to review.",
        )
        self._set_up_new(session, blank_title=False)  # its title is there to edit

    def _set_up_new(self, session: Session, *, blank_title: bool = True) -> None:
        """The set-up form on a new session; saving writes it under a fresh name (never overwrites)."""
        created: list[Path] = []

        def save(session: Session) -> str | None:
            try:
                created.append(save_new(self.context.folder, session, now=self.context.clock.now()))
            except SessionError as error:
                return str(error)
            return None

        def done(result: Session | None) -> None:
            if result is not None and created:
                self.select = created[-1]  # the scan when this screen resumes highlights it
                say(self.app, f"Saved {created[-1]}. Enter runs it; e edits its set-up.")

        areas = default_areas(self.context.folder)
        self.app.push_screen(SetupScreen(session, new=blank_title, save=save, areas=areas), done)

    def action_edit(self) -> None:
        item = self.query_one(SessionList).table.current
        if item is None or isinstance(item, FileProblem):
            say(self.app, "Highlight a session to edit its set-up." if item is None else item.message)
            return
        try:
            handle = SessionFile.open(item.path)
        except SessionError as error:
            say(self.app, str(error), severity="error")
            return
        self.context.open_files.append(handle)  # closed when the app closes, whatever happens

        def save(session: Session) -> str | None:
            previous = handle.session
            handle.session = session
            try:
                handle.save(self.context.clock.now())
            except SummaryNotWritten as error:  # the set-up is on disk; only its summary is not
                say(self.app, str(error), severity="warning")
            except SessionError as error:
                handle.session = previous
                return str(error)
            return None

        def done(result: Session | None) -> None:
            handle.close()
            if handle in self.context.open_files:
                self.context.open_files.remove(handle)
            if result is not None:
                self.select = item.path  # the scan when this screen resumes highlights it
                say(self.app, f"Saved the set-up of {item.path.name}.")

        areas = default_areas(item.path.parent)
        self.app.push_screen(SetupScreen(handle.session, save=save, areas=areas), done)

    def action_proposal(self) -> None:
        from c2c_tui.core.store import load
        from c2c_tui.core.summary.proposal import render_proposal

        from .proposal_screen import ProposalScreen

        item = self.query_one(SessionList).table.current
        if item is None or isinstance(item, FileProblem):
            say(self.app, "Highlight a session to see its proposal." if item is None else item.message)
            return
        try:  # the file as it is now (it may have changed since the scan)
            session = load(item.path)
        except SessionError as error:
            say(self.app, str(error), severity="error")
            return
        self.app.push_screen(ProposalScreen(item.path, render_proposal(session, self.context.clock.now())))
