"""Set-up, section 3: the participants (name, team, role, organisation, sector, e-mail).

Edited on the set-up's copy of the session; a participant keeps its id when edited.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from c2c_tui.core.model import Participant, Session
from c2c_tui.tui.widgets.record_table import RecordTable

from ..dialogs.confirm import ConfirmDialog
from ..dialogs.form import Field
from .record_pane import RecordPane, Row

HELP = "a add · e edit · d delete. Add the teams first (section Teams), then choose each person's team."
NO_TEAM = ""


class PeoplePane(RecordPane[Participant]):
    def __init__(self, session: Session) -> None:
        super().__init__(session, id="pane-people")

    def compose(self) -> ComposeResult:
        yield RecordTable(
            [("Name", None), ("Team", 20), ("Role", 16), ("Sector", 12)],
            empty="No participants yet: press a to add one",
            id="setup-people",
        )
        yield Static(Text(HELP), classes="setup-help")

    def rows(self) -> list[Row]:
        s = self.session
        return [(p.id, (p.name, s.team_name(p.team), p.role, p.sector)) for p in s.participants]

    def state(self) -> list[dict[str, object]]:
        return [person.model_dump() for person in self.session.participants]

    def find(self, key: str | None) -> Participant | None:
        return next((p for p in self.session.participants if p.id == key), None)

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
            self.changed(select)

        self.open_form("Add a participant" if person is None else f"Edit {person.name}", fields, check, done)

    def delete(self, person: Participant) -> None:
        def remove() -> bool:
            if person not in self.session.participants:
                return False
            self.session.participants.remove(person)
            return True

        self.confirm_delete(
            ConfirmDialog(f"Delete {person.name} from the participants?", yes="delete"), remove
        )
