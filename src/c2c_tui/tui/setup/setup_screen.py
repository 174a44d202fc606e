"""The set-up of a workshop, new or existing: seven sections (F2-F8), checked as you type.

``SetupScreen(session)`` works on a deep copy and dismisses with the updated copy, or None when the user
leaves without saving (Escape asks first when something changed). It never writes a file by itself:

* in the facilitator app, push it and apply the result (``core.setup.apply_setup(app.session, result)``),
  then save as usual;
* from the home screen, pass ``save=``: a function that writes the session and returns None, or a one-line
  problem - then the screen stays open with the problem shown, and nothing typed is lost.

Saving needs: a title, valid dates / times / minutes, at least one Seeking team, unique team names.
``areas=`` are the self-assessment areas a workshop without its own list starts from (the folder's
series file's, ``core.followup.series_file.default_areas``); the shipped ones when not given.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from pydantic import ValidationError
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Input, Select, Static, TabbedContent, TabPane, TextArea

from c2c_tui.core.assessment import shipped_areas
from c2c_tui.core.assessment_rows import AssessmentArea
from c2c_tui.core.model import Session
from c2c_tui.core.problems import one_line_error
from c2c_tui.core.setup import setup_problems
from c2c_tui.core.text.neutral import shown
from c2c_tui.tui.screen_roles import HoldsRunKeys

from ..dialogs.confirm import ConfirmDialog
from .agenda import AgendaPane
from .assessment import AssessmentPane
from .before import BeforePane
from .parts import Problem, SetupChanged
from .people import PeoplePane
from .proposal import ProposalPane
from .teams import TeamsPane
from .workshop import WorkshopPane

SaveHook = Callable[[Session], str | None]
SECTIONS: tuple[tuple[str, str], ...] = (
    ("workshop", "F2 Workshop"),
    ("teams", "F3 Teams"),
    ("people", "F4 People"),
    ("agenda", "F5 Agenda"),
    ("before", "F6 Before"),
    ("assessment", "F7 Pre-work"),
    ("proposal", "F8 Proposal"),
)


class SetupScreen(HoldsRunKeys, Screen[Session | None]):
    SECTION_LABELS: ClassVar[tuple[tuple[str, str], ...]] = SECTIONS  # the tabs (a subclass renames keys)
    DEFAULT_CSS = """
    SetupScreen #setup-heading {
        height: 1; background: $panel; padding: 0 1; text-style: bold; text-wrap: nowrap; text-overflow: ellipsis;
    }
    SetupScreen TabbedContent { height: 1fr; }
    SetupScreen Tab { padding: 0 0 0 1; }  /* one column between tabs: the seven fit 80 columns */
    SetupScreen TabPane { padding: 0 1; }
    SetupScreen .setup-row { height: auto; }
    SetupScreen .setup-row > Label { width: 13; color: $text-muted; }
    SetupScreen .setup-row > Input { width: 1fr; }
    SetupScreen .setup-row > Select { width: 1fr; height: 1; }
    SetupScreen Input, SetupScreen TextArea { background: $boost; }
    SetupScreen Input.-invalid { background: $error 35%; }
    SetupScreen #setup-status { height: auto; max-height: 3; padding: 0 1; background: $panel; }
    SetupScreen #setup-status.-problem { color: $error; text-style: bold; }
    SetupScreen #setup-status.-ok { color: $success; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "back", "Back"),
        # the sections' keys are priority keys: they work in a text box too (TextArea takes F6/F7 for itself)
        Binding("f2", "section('workshop')", "Workshop", show=False, priority=True),
        Binding("f3", "section('teams')", "Teams", show=False, priority=True),
        Binding("f4", "section('people')", "People", show=False, priority=True),
        Binding("f5", "section('agenda')", "Agenda", show=False, priority=True),
        Binding("f6", "section('before')", "Before", show=False, priority=True),
        Binding("f7", "section('assessment')", "Self-assessment", show=False, priority=True),
        Binding("f8", "section('proposal')", "Proposal", show=False, priority=True),
    ]

    def __init__(
        self,
        session: Session,
        *,
        new: bool = False,
        save: SaveHook | None = None,
        areas: Sequence[AssessmentArea] | None = None,
    ) -> None:
        super().__init__()
        self.session = session.model_copy(deep=True)
        self.default_areas = list(areas) if areas is not None else shipped_areas()
        self.new = new
        self.save_hook = save
        self._initial: object = None

    # -- layout ---------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        heading = "New workshop" if self.new else f"Set-up: {self.session.title}"
        yield Static(Text(heading, no_wrap=True, overflow="ellipsis"), id="setup-heading")
        panes: dict[str, Any] = {
            "workshop": WorkshopPane(self.session, new=self.new),
            "teams": TeamsPane(self.session),
            "people": PeoplePane(self.session),
            "agenda": AgendaPane(self.session),
            "before": BeforePane(self.session),
            "proposal": ProposalPane(self.session),
            "assessment": AssessmentPane(self.session, self.default_areas),
        }
        with TabbedContent(initial="tab-workshop"):
            for name, label in self.SECTION_LABELS:
                with TabPane(label, id=f"tab-{name}"):
                    yield panes[name]
        yield Static(Text(""), id="setup-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#setup-title", Input).focus()
        self.call_after_refresh(self._remember)

    def _remember(self) -> None:
        self._initial = self.state()
        self.show_status()

    @property
    def workshop(self) -> WorkshopPane:
        return self.query_one(WorkshopPane)

    @property
    def agenda(self) -> AgendaPane:
        return self.query_one(AgendaPane)

    @property
    def before(self) -> BeforePane:
        return self.query_one(BeforePane)

    @property
    def assessment(self) -> AssessmentPane:
        return self.query_one(AssessmentPane)

    # -- state ----------------------------------------------------------------------------------------

    def state(self) -> object:
        return (
            self.workshop.state(),
            self.query_one(TeamsPane).state(),
            self.query_one(PeoplePane).state(),
            self.agenda.state(),
            self.before.state(),
            self.query_one(ProposalPane).state(),
            self.assessment.state(),
        )

    @property
    def changed(self) -> bool:
        return self._initial is not None and self.state() != self._initial

    def problems(self) -> list[Problem]:
        found = self.workshop.problems() + self.agenda.problems() + self.assessment.problems()
        found += [
            ("setup-teams", f"Teams: {p.removeprefix('teams: ')}") for p in setup_problems(self.session)
        ]
        return found

    def show_status(self, message: str | None = None) -> None:
        problems = self.problems()
        status = self.query_one("#setup-status", Static)
        if message is None:
            if problems:
                focused = self.focused.id if self.focused is not None else None
                first = next(
                    (p for p in problems if p[0] == focused), problems[0]
                )  # the field being typed in
                more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
                message = f"⚠ {first[1]}{more}"
            else:
                message = "Ready: ctrl+s saves" + (" your changes" if self.changed else "")
        status.update(Text(message))
        status.set_class(bool(problems) or message.startswith("NOT SAVED"), "-problem")
        status.set_class(not problems, "-ok")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.show_status()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.show_status()

    def on_select_changed(self, event: Select.Changed) -> None:
        self.show_status()

    def on_setup_changed(self, event: SetupChanged) -> None:
        # a renamed team or a new person shows in the other lists too (each keeps its selection)
        for pane_type in (TeamsPane, PeoplePane, BeforePane, AssessmentPane):
            for pane in self.query(pane_type):
                pane.refresh_rows()
        self.show_status()

    def on_descendant_focus(self) -> None:
        if self._initial is not None:
            self.show_status()

    # -- actions --------------------------------------------------------------------------------------

    def action_section(self, name: str) -> None:
        self.query_one(TabbedContent).active = f"tab-{name}"
        pane = self.query_one(f"#pane-{name}")
        focusable = pane.query("Input, TextArea, Select, RecordTable, ScoreTable")
        if focusable:
            focusable.first().focus()

    def _go_to(self, widget_id: str) -> None:
        widget = self.query_one(f"#{widget_id}")
        pane = next((a for a in widget.ancestors if isinstance(a, TabPane)), None)
        if pane is not None and pane.id:
            self.query_one(TabbedContent).active = pane.id
        widget.focus()

    def result(self) -> Session:
        """The set-up as a new, validated Session (ValueError with one line when it is not valid)."""
        candidate = self.session.model_copy(deep=True)
        self.workshop.apply(candidate)
        self.agenda.apply(candidate)
        self.before.apply(candidate)
        self.query_one(ProposalPane).apply(candidate)
        self.assessment.apply(candidate)
        try:
            return Session.model_validate(candidate.model_dump())
        except ValidationError as error:
            raise ValueError(one_line_error(error)) from None

    def action_save(self) -> None:
        problems = self.problems()
        if problems:
            self.app.bell()
            self.show_status()
            self._go_to(problems[0][0])
            return
        try:
            session = self.result()
        except ValueError as error:
            self.show_status(f"NOT SAVED: {error}")
            return
        if self.save_hook is not None:
            problem = self.save_hook(session)
            if problem is not None:
                self.app.notify(shown(f"NOT SAVED: {problem}"), markup=False, severity="error", timeout=10)
                self.show_status(f"NOT SAVED: {problem}")
                return
        self.dismiss(session)

    def action_back(self) -> None:
        if not self.changed:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        what = "this new workshop" if self.new else "the set-up"
        self.app.push_screen(
            ConfirmDialog(
                f"Discard your changes to {what}?",
                yes="discard them",
                no="keep editing",
                detail="Nothing has been saved. ctrl+s saves instead.",
            ),
            answered,
        )


__all__ = ["SaveHook", "SetupScreen"]
