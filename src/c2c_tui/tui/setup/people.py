"""Set-up, section 3: the participants (name, team, role, organisation, sector, e-mail).

Edited on the set-up's copy of the session; a participant keeps its id when edited.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from c2c_tui.core.model import Participant, Session
from c2c_tui.tui.widgets.record_table import RecordTable

from ..dialogs.confirm import ConfirmDialog
from ..dialogs.form import Field, FormDialog
from .parts import SetupChanged

HELP = "a add · e edit · d delete. Add the teams first (section Teams), then choose each person's team."
NO_TEAM = ""


class PeoplePane(Vertical):
    DEFAULT_CSS = """
    PeoplePane .setup-help { color: $text-muted; height: auto; }
    """

    def __init__(self, session: Session) -> None:
        super().__init__(id="pane-people")
        self.session = session

    def compose(self) -> ComposeResult:
        yield RecordTable(
            [("Name", None), ("Team", 20), ("Role", 16), ("Sector", 12)],
            empty="No participants yet: press a to add one",
            id="setup-people",
        )
        yield Static(Text(HELP), classes="setup-help")

    def on_mount(self) -> None:
        self.refresh_rows()

    def refresh_rows(self, select: str | None = None) -> None:
        s = self.session
        rows = [(p.id, (p.name, s.team_name(p.team), p.role, p.sector)) for p in s.participants]
        self.query_one(RecordTable).show(rows, select=select)

    def state(self) -> list[dict[str, object]]:
        return [person.model_dump() for person in self.session.participants]

    def on_record_table_requested(self, event: RecordTable.Requested) -> None:
        event.stop()
        person = next((p for p in self.session.participants if p.id == event.key), None)
        if event.op == "add" or person is None:
            self.edit(None)
        elif event.op == "edit":
            self.edit(person)
        else:
            self.delete(person)

    def edit(self, person: Participant | None) -> None:
        teams = ((team.name, team.id) for team in self.session.teams)
        team = person.team if person else (self.session.teams[0].id if self.session.teams else NO_TEAM)
        fields = [
            Field("name", "Name", person.name if person else "", "First and last name"),
            Field("team", "Team", team or NO_TEAM, choices=(*teams, ("(no team)", NO_TEAM))),
            Field("role", "Role", person.role if person else "", "e.g. Head of Community Resilience"),
            Field("organisation", "Organisation", person.organisation if person else ""),
            Field("sector", "Sector", person.sector if person else "", "e.g. local government, NGO"),
            Field("email", "E-mail", person.email if person else ""),
        ]

        def check(values: dict[str, str]) -> dict[str, str]:
            return {} if values["name"].strip() else {"name": "name: a participant needs a name"}

        def done(values: dict[str, str] | None) -> None:
            if values is None:
                return
            data: dict[str, str | None] = {key: value.strip() for key, value in values.items()}
            data["team"] = data["team"] or None
            if person is None:
                new = Participant(id=self.session.next_id("p"), **data)  # type: ignore[arg-type]
                self.session.participants.append(new)
                select = new.id
            else:
                for key, value in data.items():
                    setattr(person, key, value)
                select = person.id
            self.refresh_rows(select)
            self.post_message(SetupChanged())

        title = "Add a participant" if person is None else f"Edit {person.name}"
        self.app.push_screen(FormDialog(title, fields, check), done)

    def delete(self, person: Participant) -> None:
        def answered(yes: bool | None) -> None:
            if yes and person in self.session.participants:
                self.session.participants.remove(person)
                self.refresh_rows()
                self.post_message(SetupChanged())

        self.app.push_screen(
            ConfirmDialog(f"Delete {person.name} from the participants?", yes="delete"), answered
        )
