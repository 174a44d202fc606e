"""Set-up, section 5: before the day - what was shared beforehand (one item per line) and the Advisor
teams' pre-questions to the Seeking team (question, team, answer)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Label, Static, TextArea

from c2c_tui.core.model import PreQuestion, Session
from c2c_tui.tui.widgets.record_table import RecordTable

from ..dialogs.confirm import ConfirmDialog
from ..dialogs.form import Field
from .record_pane import RecordPane, Row

NO_TEAM = ""


class BeforePane(RecordPane[PreQuestion]):
    DEFAULT_CSS = """
    BeforePane #setup-shared { height: 5; padding: 0; }
    BeforePane Label { color: $text-muted; }
    """

    def __init__(self, session: Session) -> None:
        super().__init__(session, id="pane-before")

    def compose(self) -> ComposeResult:
        yield Label(Text("What was shared beforehand (one item per line)"))
        yield TextArea(
            "\n".join(self.session.workshop.shared_before),
            id="setup-shared",
            soft_wrap=True,
            tab_behavior="focus",
            compact=True,
            placeholder="e.g. Heat Season Review 2026 (12 pages)",
        )
        yield Label(Text("The advisors' pre-questions"))
        yield RecordTable(
            [("Question", None), ("From", 20), ("Answer", 7)],
            empty="No pre-questions yet: press a to add one",
            id="setup-questions",
        )
        yield Static(Text("a add · e edit · d delete"), classes="setup-help")

    def rows(self) -> list[Row]:
        s = self.session
        return [
            (str(i), (q.text, s.team_name(q.team), "yes" if q.answer else "-"))
            for i, q in enumerate(s.workshop.pre_questions)
        ]

    def shared(self) -> list[str]:
        text = self.query_one("#setup-shared", TextArea).text
        return [line.strip() for line in text.splitlines() if line.strip()]

    def state(self) -> tuple[object, ...]:
        questions = [q.model_dump() for q in self.session.workshop.pre_questions]
        return (self.shared(), questions)

    def apply(self, session: Session) -> None:
        session.workshop.shared_before = self.shared()

    def find(self, key: str | None) -> PreQuestion | None:
        questions = self.session.workshop.pre_questions
        index = int(key) if key is not None and key.isdigit() else None
        return questions[index] if index is not None and index < len(questions) else None

    def edit(self, question: PreQuestion | None) -> None:
        s = self.session
        teams = sorted(s.teams, key=lambda t: t.role != "advisor")  # advisor teams first
        default = s.advisor_teams[0].id if s.advisor_teams else NO_TEAM
        team = (question.team or NO_TEAM) if question else default
        fields = [
            Field("text", "Question", question.text if question else "", "What the advisors asked"),
            Field("team", "From", team, choices=(*((t.name, t.id) for t in teams), ("(no team)", NO_TEAM))),
            Field(
                "answer", "Answer", (question.answer or "") if question else "", "(empty: not answered yet)"
            ),
        ]

        def check(values: dict[str, str]) -> dict[str, str]:
            return {} if values["text"].strip() else {"text": "question: type the question"}

        def done(values: dict[str, str] | None) -> None:
            if values is None:
                return
            text, team_id, answer = values["text"].strip(), values["team"] or None, values["answer"].strip()
            questions = s.workshop.pre_questions
            if question is None:
                questions.append(PreQuestion(text=text, team=team_id, answer=answer or None))
                select = str(len(questions) - 1)
            else:
                question.text, question.team, question.answer = text, team_id, answer or None
                select = str(next(i for i, q in enumerate(questions) if q is question))
            self.changed(select)

        self.open_form(
            "Add a pre-question" if question is None else "Edit the pre-question", fields, check, done
        )

    def delete(self, question: PreQuestion) -> None:
        def remove() -> bool:
            questions = self.session.workshop.pre_questions
            if not any(q is question for q in questions):
                return False
            questions[:] = [q for q in questions if q is not question]
            return True

        self.confirm_delete(
            ConfirmDialog("Delete this pre-question?", yes="delete", detail=question.text), remove
        )
