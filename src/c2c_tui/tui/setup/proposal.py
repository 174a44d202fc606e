"""Set-up, section 6: the proposal for the approvers - what we hope to gain, the logistics, and the
candidate advisor cities or organisations and why each (``[[workshop.candidates]]``).

``c2c proposal FILE`` (and p on the home screen) renders the case from these and the rest of the set-up.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Label, Static, TextArea

from c2c_tui.core.model import Session
from c2c_tui.core.proposal_rows import Candidate, candidate_problem
from c2c_tui.tui.widgets.record_table import RecordTable

from ..dialogs.confirm import ConfirmDialog
from ..dialogs.form import Field
from .record_pane import RecordPane, Row

HELP = "a add · e edit · d delete · the proposal: p at home, or c2c proposal FILE"


class ProposalPane(RecordPane[Candidate]):
    DEFAULT_CSS = """
    ProposalPane TextArea { height: 3; padding: 0; }
    ProposalPane Label { color: $text-muted; }
    """

    def __init__(self, session: Session) -> None:
        super().__init__(session, id="pane-proposal")

    def compose(self) -> ComposeResult:
        w = self.session.workshop
        yield Label(Text("What we hope to gain"))
        yield self._area(w.hopes, "setup-hopes", "What the city hopes to gain from the workshop")
        yield Label(Text("Logistics"))
        yield self._area(w.logistics, "setup-logistics", "Rooms, travel, video link, interpretation, costs")
        yield Label(Text("Candidate advisor cities or organisations, and why each"))
        yield RecordTable(
            [("City", 14), ("Organisation", 22), ("Why", None)],
            empty="No candidates yet: press a to add one",
            id="setup-candidates",
        )
        yield Static(Text(HELP), classes="setup-help")

    @staticmethod
    def _area(value: str | None, id: str, placeholder: str) -> TextArea:
        return TextArea(
            value or "", id=id, soft_wrap=True, tab_behavior="focus", compact=True, placeholder=placeholder
        )

    @property
    def candidates(self) -> list[Candidate]:
        return self.session.workshop.candidates or []

    def rows(self) -> list[Row]:
        return [(str(i), (c.city, c.organisation, c.why)) for i, c in enumerate(self.candidates)]

    def _text(self, id: str) -> str | None:
        return self.query_one(f"#{id}", TextArea).text.strip() or None

    def state(self) -> tuple[object, ...]:
        return (
            self._text("setup-hopes"),
            self._text("setup-logistics"),
            [c.model_dump() for c in self.candidates],
        )

    def apply(self, session: Session) -> None:
        session.workshop.hopes = self._text("setup-hopes")
        session.workshop.logistics = self._text("setup-logistics")

    def find(self, key: str | None) -> Candidate | None:
        index = int(key) if key is not None and key.isdigit() else None
        return self.candidates[index] if index is not None and index < len(self.candidates) else None

    def edit(self, candidate: Candidate | None) -> None:
        def now(key: str) -> str:
            return str(getattr(candidate, key)) if candidate is not None else ""

        fields = [
            Field("city", "City", now("city"), "e.g. Seville"),
            Field("organisation", "Organisation", now("organisation"), "e.g. Ayuntamiento de Sevilla"),
            Field("why", "Why", now("why"), "What they tried or faced that we could learn from"),
            Field("contact", "Contact", now("contact"), "Whom to ask there (optional)"),
        ]

        def check(values: dict[str, str]) -> dict[str, str]:
            problem = candidate_problem(values["city"], values["organisation"])
            return {"city": problem} if problem else {}

        def done(values: dict[str, str] | None) -> None:
            if values is None:
                return
            new = Candidate(**{key: value.strip() for key, value in values.items()})
            rows = list(self.candidates)
            index = next((i for i, row in enumerate(rows) if row is candidate), None)
            if index is None:
                rows.append(new)
                index = len(rows) - 1
            else:
                rows[index] = new
            self.session.workshop.candidates = rows
            self.changed(str(index))

        self.open_form(
            "Add a candidate" if candidate is None else f"Edit {candidate.name}", fields, check, done
        )

    def delete(self, candidate: Candidate) -> None:
        def remove() -> bool:
            rows = self.candidates
            if not any(row is candidate for row in rows):
                return False
            self.session.workshop.candidates = [row for row in rows if row is not candidate] or None
            return True

        self.confirm_delete(
            ConfirmDialog(f"Delete the candidate {candidate.name}?", yes="delete", detail=candidate.why),
            remove,
        )
