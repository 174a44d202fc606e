"""Set-up, section 6: pre-work, each team's self-assessment before the workshop.

One row per team and area: 1-5 scores it, Enter writes its note. Below, the areas one per line (the
workshop's own list; without one, the series' or the shipped one, handed in as ``default_areas``). An area taken off the list while it holds scores blocks saving (the scores are never dropped
behind the user's back): put it back, or clear its scores. The list is written into the file only when
there are scores or it was edited, so a workshop without pre-work keeps a file without it.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Label, Static, TextArea

from c2c_tui.core.assessment import Lines, areas_from_lines, clear_score, score_of, set_score, settle_ids
from c2c_tui.core.assessment_rows import AssessmentArea
from c2c_tui.core.model import Session, Team
from c2c_tui.core.text.neutral import shown

from ..dialogs.form import Field, FormDialog
from .parts import Problem, SetupChanged
from .score_table import ScoreTable

NO_SCORE = "–"
HELP = "1-5 score (then the next row) · 0 clear · Enter note · Tab the areas"


class AssessmentPane(Vertical):
    DEFAULT_CSS = """
    AssessmentPane #setup-areas { height: 4; padding: 0; }
    AssessmentPane Label { color: $text-muted; }
    AssessmentPane .setup-help { color: $text-muted; height: auto; max-height: 2; }
    """

    def __init__(self, session: Session, default_areas: Sequence[AssessmentArea]) -> None:
        super().__init__(id="pane-assessment")
        self.session = session
        self.own = session.areas is not None  # the workshop lists its own areas
        self.start = [a.model_copy() for a in (session.areas if self.own else default_areas) or ()]
        self.known = {a.id: a.name for a in self.start}  # every area's name, also once taken off the list
        self._areas: list[AssessmentArea] = list(self.start)
        self._lines: Lines = list(self.start)  # what each line of the list stands for (areas_from_lines)
        self._problem: str | None = None

    def compose(self) -> ComposeResult:
        yield Label(Text("Each team's score before the workshop: 1 just starting … 5 a strength"))
        yield ScoreTable(
            [("Team", 16), ("Area", 26), ("Score", 5), ("Note", None)],
            empty="Add the teams (F3) and the areas below, then score here",
            id="setup-assessments",
        )
        yield Static(Text(HELP), classes="setup-help", id="assessment-help")
        yield Label(Text("The areas, one per line"))
        yield TextArea(
            "\n".join(a.name for a in self.start),
            id="setup-areas",
            soft_wrap=False,
            tab_behavior="focus",
            compact=True,
            placeholder="e.g. Data and evidence",
        )

    def on_mount(self) -> None:
        self.refresh_rows()

    # -- what it holds ---------------------------------------------------------------------------------

    @property
    def areas(self) -> list[AssessmentArea]:
        return self._areas

    def teams(self) -> list[Team]:
        return [t for t in self.session.teams if t.role != "facilitation"]

    def _read_areas(self) -> None:
        lines = self.query_one("#setup-areas", TextArea).text.splitlines()
        try:
            self._areas, self._lines = areas_from_lines(lines, self._lines)
            self._problem = None
        except ValueError as error:
            self._problem = str(error).removeprefix("areas: ")
        self.known.update({a.id: a.name for a in self._areas})

    def orphans(self) -> list[str]:
        """The ids of areas no longer listed that still hold scores."""
        listed = {a.id for a in self._areas}
        return list(dict.fromkeys(r.area for r in self.session.assessments or () if r.area not in listed))

    def rows(self) -> list[tuple[str, tuple[str, ...]]]:
        listed = [(a.id, a.name) for a in self._areas]
        listed += [(area, f"{self.known.get(area, area)} (no longer listed)") for area in self.orphans()]
        out = []
        for team in self.teams():
            for area_id, name in listed:
                row = score_of(self.session, team.id, area_id)
                if row is None and area_id not in {a.id for a in self._areas}:
                    continue
                score = str(row.score) if row else NO_SCORE
                out.append((f"{team.id}|{area_id}", (team.name, name, score, row.note if row else "")))
        return out

    def _sync_areas(self) -> None:
        """Before a score changes: the working copy lists the areas shown, and those off the list that
        still hold scores (so it stays valid; ``problems`` keeps such a set-up from being saved)."""
        extra = [AssessmentArea(id=i, name=self.known.get(i, i)) for i in self.orphans()]
        self.session.areas = [*(a.model_copy() for a in self._areas), *extra]

    def refresh_rows(self, select: str | None = None) -> None:
        self.query_one(ScoreTable).show(self.rows(), select=select)

    def state(self) -> tuple[object, ...]:
        text = self.query_one("#setup-areas", TextArea).text
        return (text, [a.model_dump() for a in self.session.assessments or ()])

    def problems(self) -> list[Problem]:
        if self._problem is not None:
            return [("setup-areas", f"Self-assessment: {self._problem}")]
        orphans = self.orphans()
        if orphans:
            name = self.known.get(orphans[0], orphans[0])
            n = sum(1 for r in self.session.assessments or () if r.area == orphans[0])
            return [
                (
                    "setup-assessments",
                    (
                        f"Self-assessment: {name!r} is off the list but holds {n} score{'s' if n > 1 else ''}:"
                        " put it back, or clear them (0)"
                    ),
                )
            ]
        return []

    def apply(self, session: Session) -> None:
        """The areas into ``session``: when it had its own, holds scores, or the list was edited."""
        edited = [(a.id, a.name) for a in self._areas] != [(a.id, a.name) for a in self.start]
        if not (self.own or session.assessments or edited):
            session.areas = None
            return
        keep = {a.id for a in self.start} | {r.area for r in session.assessments or ()}
        session.areas = settle_ids(self._areas, keep)

    # -- events ----------------------------------------------------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id == "setup-areas":
            self._read_areas()
            self.refresh_rows()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        key = event.row_key.value if event.row_key is not None else None
        area = next((a for a in self._areas if key and key.endswith(f"|{a.id}")), None)
        question = shown(f"{area.name}: {area.question}") if area is not None and area.question else ""
        self.query_one("#assessment-help", Static).update(Text(f"{HELP}\n{question}".rstrip("\n")))

    def _split(self, key: str) -> tuple[str, str]:
        team, _, area = key.partition("|")
        return team, area

    def on_score_table_scored(self, event: ScoreTable.Scored) -> None:
        event.stop()
        team, area = self._split(event.key)
        self._sync_areas()
        if event.score is None:
            clear_score(self.session, team, area)
        else:
            set_score(self.session, team, area, event.score)
        self.refresh_rows()
        self.post_message(SetupChanged())

    def on_score_table_note_requested(self, event: ScoreTable.NoteRequested) -> None:
        event.stop()
        team_id, area_id = self._split(event.key)
        row = score_of(self.session, team_id, area_id)
        team = self.session.team_name(team_id)
        fields = [
            Field("score", "Score 1-5", str(row.score) if row else "", "1 just starting … 5 a strength"),
            Field("note", "Note", row.note if row else "", "a line on where the team stands"),
        ]

        def check(values: dict[str, str]) -> dict[str, str]:
            score = values["score"].strip()
            if score and score not in ("1", "2", "3", "4", "5"):
                return {"score": f"score: {score!r}: type 1 to 5 (or leave it empty: not scored)"}
            if values["note"].strip() and not score:
                return {"score": "score: a note goes with a score: type 1 to 5"}
            return {}

        def done(values: dict[str, str] | None) -> None:
            if values is None:
                return
            self._sync_areas()
            if values["score"].strip():
                set_score(self.session, team_id, area_id, int(values["score"]), values["note"])
            else:
                clear_score(self.session, team_id, area_id)
            self.refresh_rows(event.key)
            self.post_message(SetupChanged())

        name = self.known.get(area_id, area_id)
        self.app.push_screen(FormDialog(f"{team} · {name}", fields, check), done)
