"""Set-up, section 4: the agenda. A template fills the five phases' minutes; each is editable (a whole
number, at least 1). The running total and, from a start time HH:MM, each phase's times and the finish
time are shown as you type."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Select, Static

from c2c_tui.core.clock.agenda import TEMPLATES
from c2c_tui.core.model import PHASE_IDS, AgendaItem, PhaseId, Session
from c2c_tui.core.phases import phase
from c2c_tui.core.setup import duration, parse_hhmm, parse_minutes, plan_times

from .parts import Parses, Problem, SetupChanged, row

CUSTOM = "custom"


def template_of(minutes: list[int]) -> str:
    """The template whose minutes are exactly these, or "custom"."""
    for name, template in TEMPLATES.items():
        if [template.minutes[p] for p in PHASE_IDS] == minutes:
            return name
    return CUSTOM


def phase_label(phase_id: PhaseId) -> str:
    p = phase(phase_id)
    return p.short if p.number == 0 else f"Part {p.number} · {p.short}"


class AgendaPane(VerticalScroll):
    DEFAULT_CSS = """
    AgendaPane .agenda-row { height: 1; }
    AgendaPane .agenda-row Label.phase { width: 30; }
    AgendaPane .hint { width: 1fr; padding: 0 2; color: $text-muted; }
    AgendaPane .agenda-row Input { width: 7; }
    AgendaPane .agenda-row .times { width: 1fr; padding: 0 1; color: $text-muted; }
    AgendaPane #agenda-total { text-style: bold; padding: 1 0 0 0; height: auto; }
    AgendaPane #setup-template { width: 1fr; }
    AgendaPane #setup-start { width: 7; }
    """

    def __init__(self, session: Session) -> None:
        super().__init__(id="pane-agenda")
        self.session = session

    def compose(self) -> ComposeResult:
        minutes = [item.minutes for item in self.session.agenda]
        options = [(Text(t.title), name) for name, t in TEMPLATES.items()]
        options.append((Text("Custom: the minutes below"), CUSTOM))
        yield row(
            "Template",
            Select(options, value=template_of(minutes), allow_blank=False, id="setup-template", compact=True),
        )
        yield row(
            "Start time",
            Input(
                self.session.workshop.start_time or "",
                placeholder="HH:MM",
                id="setup-start",
                validators=[Parses(parse_hhmm)],
                compact=True,
                select_on_focus=False,
            ),
            Static(Text("e.g. 09:30, for each phase's times and the finish"), classes="hint"),
        )
        for item in self.session.agenda:
            with Horizontal(classes="agenda-row"):
                yield Label(Text(phase_label(item.phase)), classes="phase")
                yield Input(
                    str(item.minutes),
                    id=f"minutes-{item.phase}",
                    validators=[Parses(parse_minutes)],
                    compact=True,
                )
                yield Static(Text("min"), classes="times", id=f"times-{item.phase}")
        yield Static(Text(""), id="agenda-total")

    def on_mount(self) -> None:
        self.show_plan()

    def _raw(self, id: str) -> str:
        return self.query_one(f"#{id}", Input).value

    def minutes(self) -> list[int | None]:
        out: list[int | None] = []
        for p in PHASE_IDS:
            try:
                out.append(parse_minutes(self._raw(f"minutes-{p}")))
            except ValueError:
                out.append(None)
        return out

    def start(self) -> str | None:
        try:
            return parse_hhmm(self._raw("setup-start"))
        except ValueError:
            return None

    def show_plan(self) -> None:
        minutes = self.minutes()
        known = [m for m in minutes if m is not None]
        start = self.start()
        times = plan_times(start, known) if len(known) == len(minutes) else []
        for index, p in enumerate(PHASE_IDS):
            text = "min"
            if times:
                begin, end = times[index]
                text = f"min   {begin} – {end}"
            elif minutes[index] is None:
                text = "min   ⚠ see below"
            self.query_one(f"#times-{p}", Static).update(Text(text))
        if len(known) != len(minutes):
            total = "Total: fix the minutes marked ⚠ first"
        else:
            total = f"Total {sum(known)} min ({duration(sum(known))})"
            if start:
                total += f" · starts {start} · finishes {times[-1][1]}"
            else:
                total += " · type a start time to see the finish time"
        self.query_one("#agenda-total", Static).update(Text(total))

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        self.show_plan()

    @on(Select.Changed, "#setup-template")
    def _template(self, event: Select.Changed) -> None:
        template = TEMPLATES.get(str(event.value))
        if template is None:
            return
        for p in PHASE_IDS:
            field = self.query_one(f"#minutes-{p}", Input)
            if field.value != str(template.minutes[p]):
                field.value = str(template.minutes[p])
        self.show_plan()
        self.post_message(SetupChanged())

    def state(self) -> tuple[str, ...]:
        return (self._raw("setup-start"), *(self._raw(f"minutes-{p}") for p in PHASE_IDS))

    def problems(self) -> list[Problem]:
        found: list[Problem] = []
        try:
            parse_hhmm(self._raw("setup-start"))
        except ValueError as error:
            found.append(("setup-start", f"Agenda: {error}"))
        for p in PHASE_IDS:
            try:
                parse_minutes(self._raw(f"minutes-{p}"))
            except ValueError as error:
                found.append((f"minutes-{p}", f"Agenda: {phase_label(p)}: {error}"))
        return found

    def apply(self, session: Session) -> None:
        session.workshop.start_time = parse_hhmm(self._raw("setup-start"))
        notes = {item.phase: item.note for item in session.agenda}
        session.agenda = [
            AgendaItem(phase=p, minutes=parse_minutes(self._raw(f"minutes-{p}")), note=notes.get(p, ""))
            for p in PHASE_IDS
        ]
