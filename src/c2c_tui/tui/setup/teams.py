"""Set-up, section 2: the teams (one Seeking team, one or more Advisor teams, specialists).

Teams are edited on the set-up's copy of the session. A team keeps its id when renamed (entries,
options, actions and participants refer to it by id); a new team gets a readable id from its name. A team
that anything refers to cannot be deleted: the pane says what refers to it.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from c2c_tui.core.model import ROLE_LABELS, Session, Team
from c2c_tui.core.setup import new_team_id, team_name_problem, team_references
from c2c_tui.core.text.neutral import shown
from c2c_tui.tui.widgets.record_table import RecordTable

from ..dialogs.confirm import ConfirmDialog
from ..dialogs.form import Field
from .record_pane import RecordPane, Row

ROLE_CHOICES = tuple((label, role) for role, label in ROLE_LABELS.items())
HELP = (
    "a add · e edit · d delete. The Seeking team brings the challenge; Advisor teams come from cities "
    "that faced something similar; specialists add expertise."
)


class TeamsPane(RecordPane[Team]):
    def __init__(self, session: Session) -> None:
        super().__init__(session, id="pane-teams")

    def compose(self) -> ComposeResult:
        yield RecordTable(
            [("Role", 12), ("Team", None), ("City", 14), ("People", 6)],
            empty="No teams yet: press a to add the Seeking team",
            id="setup-teams",
        )
        yield Static(Text(HELP), classes="setup-help")

    def rows(self) -> list[Row]:
        people = self.session.participants
        return [
            (
                team.id,
                (ROLE_LABELS[team.role], team.name, team.city, str(sum(p.team == team.id for p in people))),
            )
            for team in self.session.teams
        ]

    def state(self) -> list[dict[str, object]]:
        return [team.model_dump() for team in self.session.teams]

    def find(self, key: str | None) -> Team | None:
        return self.session.team(key) if key else None

    def edit(self, team: Team | None) -> None:
        role = team.role if team else ("seeking" if not self.session.seeking_teams else "advisor")
        fields = [
            Field("name", "Name", team.name if team else "", "e.g. Seville City Council"),
            Field("role", "Role", role, choices=ROLE_CHOICES),
            Field("city", "City", team.city if team else "", "e.g. Seville"),
            Field("organisation", "Organisation", team.organisation if team else ""),
        ]
        team_id = team.id if team else None

        def check(values: dict[str, str]) -> dict[str, str]:
            problem = team_name_problem(self.session.teams, values["name"], team_id)
            return {"name": problem} if problem else {}

        def done(values: dict[str, str] | None) -> None:
            if values is None:
                return
            data = {key: value.strip() for key, value in values.items()}
            if team is None:
                new = Team(id=new_team_id(self.session, data["name"]), **data)  # type: ignore[arg-type]
                self.session.teams.append(new)
                select = new.id
            else:
                for key, value in data.items():
                    setattr(team, key, value)
                select = team.id
            self.changed(select)

        self.open_form("Add a team" if team is None else f"Edit the team {team.name}", fields, check, done)

    def delete(self, team: Team) -> None:
        refs = team_references(self.session, team.id)
        if refs:
            self.app.notify(
                shown(
                    f"{team.name} cannot be deleted: {', '.join(refs)} refer to it. "
                    "Move those to another team (or delete them) first."
                ),
                markup=False,
                severity="warning",
                timeout=8,
            )
            return

        def remove() -> bool:
            if team not in self.session.teams:
                return False
            self.session.teams.remove(team)
            return True

        self.confirm_delete(
            ConfirmDialog(f"Delete the team {team.name}?", yes="delete", no="keep it"), remove
        )
