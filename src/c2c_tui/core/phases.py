"""The five phases of a City to City Connection: ids, titles, guiding questions, default capture kind.

Written from the method (seeds/000): rapport first, then four parts - the Seeking team's context, the
Advisors' surprises and gaps, analysing options, and agreeing actions.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import PHASE_IDS, PhaseId

# What a capture line can make: an entry kind, or a row of options / actions.
CaptureKind = str  # one of model.ENTRY_KINDS, "option" or "action"

KIND_LABELS: dict[str, str] = {
    "note": "note",
    "context": "context",
    "surprise": "surprise",
    "gap": "gap",
    "example": "example",
    "idea": "idea",
    "question": "question",
    "contact": "contact",
    "consideration": "consideration",
    "follow_up": "follow-up offer",
    "feedback_useful": "feedback: how useful (1-5)",
    "feedback_keep": "feedback: keep",
    "feedback_change": "feedback: change",
    "option": "option",
    "action": "action",
}


ADVISOR_KINDS = ("surprise", "gap", "example")  # what the advisor teams bring in Part 2
SEEKING_KINDS = ("idea", "question", "contact")  # what the seeking team takes from it


def kind_label(kind: str) -> str:
    """How a capture kind is named to people ("follow-up offer" for ``follow_up``)."""
    return KIND_LABELS.get(kind, kind)


@dataclass(frozen=True)
class Phase:
    id: PhaseId
    number: int  # 0 for rapport, 1-4 for the parts
    title: str  # "Part 2 · Advisors: surprises and gaps"
    short: str  # "Surprises & gaps" (agenda strip)
    abbrev: str  # "Surpr." (the agenda strip when the short names do not fit: a word, never "P2")
    questions: tuple[str, ...]  # the guiding questions, shown large
    prompt: str  # one line for the facilitator: what happens now
    default_kind: CaptureKind
    kinds: tuple[CaptureKind, ...]  # what is usually captured here, in display order


PHASES: tuple[Phase, ...] = (
    Phase(
        id="rapport",
        number=0,
        title="Rapport · Getting to know each other",
        short="Rapport",
        abbrev="Rapp.",
        questions=(
            "Who is here, and what brings you?",
            "What would make today worth your time?",
        ),
        prompt="Coffee and introductions: a temporary joint team needs to be comfortable in each other's space.",
        default_kind="note",
        kinds=("note",),
    ),
    Phase(
        id="context",
        number=1,
        title="Part 1 · Purpose and the Seeking team's context",
        short="Context",
        abbrev="Cont.",
        questions=(
            "Why are we here today?",
            "What is the need or challenge, and what is its context?",
        ),
        prompt="State the purpose; the Seeking team presents its need and context.",
        default_kind="context",
        kinds=("context", "question", "note"),
    ),
    Phase(
        id="insights",
        number=2,
        title="Part 2 · Advisors: surprises and gaps",
        short="Surprises & gaps",
        abbrev="Surpr.",
        questions=(
            "What surprised you?",
            "What did you expect to hear that you didn't?",
        ),
        prompt=(
            "Each Advisor team in turn, with examples of what it tried. Then the Seeking team: "
            "ideas, what else we need to know, whom we could talk to."
        ),
        default_kind="surprise",
        kinds=("surprise", "gap", "example", "idea", "question", "contact", "note"),
    ),
    Phase(
        id="reflect",
        number=3,
        title="Part 3 · Options and reflection",
        short="Options",
        abbrev="Opt.",
        questions=(
            "Which options worked elsewhere, and what would they take here?",
            "What must we consider, from every perspective?",
        ),
        prompt="Analyse and reflect; prioritise the options (MoSCoW, impact vs risk).",
        default_kind="option",
        kinds=("option", "consideration", "note"),
    ),
    Phase(
        id="agree",
        number=4,
        title="Part 4 · Agreed actions",
        short="Actions",
        abbrev="Act.",
        questions=(
            "What will we do, who owns it, and by when?",
            "What follow-up can the advisors offer?",
        ),
        prompt="Agree specific actions with owners and dates; note the advisors' offers of follow-up.",
        default_kind="action",
        kinds=("action", "follow_up", "note"),
    ),
)

_BY_ID: dict[str, Phase] = {phase.id: phase for phase in PHASES}
assert tuple(_BY_ID) == PHASE_IDS


def phase(phase_id: str) -> Phase:
    return _BY_ID[phase_id]


def phase_index(phase_id: str) -> int:
    return PHASE_IDS.index(phase_id)  # type: ignore[arg-type]
