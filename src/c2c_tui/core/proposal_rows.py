"""The rows the proposal for the approvers adds to ``[workshop]``: ``[[workshop.candidates]]``.

Before a workshop is approved, the Seeking team names the cities or organisations it could hold it
with, and why each (seed 000: "options of who to hold it with"). A candidate is not a team yet: once one
agrees, it becomes an Advisor team in ``[[teams]]``; the candidate row may stay as the record of the case.

* ``city`` and ``organisation``: at least one of the two;
* ``why``: what makes them worth asking (what they tried, what they faced), for the approvers;
* ``contact``: whom to ask there (a name, a role), optional.

Plain pydantic like ``model``, below it (``model`` imports this).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, model_validator

MAX_TEXT = 4000  # a candidate's fields: short texts, bounded like a review's note


class Candidate(BaseModel):
    """A city or organisation the workshop could be held with (a candidate Advisor team)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    city: str = ""
    organisation: str = ""
    why: str = ""
    contact: str = ""

    @model_validator(mode="after")
    def _named(self) -> Candidate:
        problem = candidate_problem(self.city, self.organisation)
        if problem:
            raise ValueError(problem)
        if any(len(text) > MAX_TEXT for text in (self.city, self.organisation, self.why, self.contact)):
            raise ValueError(
                f"a candidate's city, organisation, why and contact are at most {MAX_TEXT} characters"
            )
        return self

    @property
    def name(self) -> str:
        """How the candidate is named in a sentence: "Seville (Ayuntamiento de Sevilla)", or either one."""
        city, organisation = self.city.strip(), self.organisation.strip()
        if city and organisation:
            return f"{city} ({organisation})"
        return city or organisation


def candidate_problem(city: str, organisation: str) -> str | None:
    """Why a candidate with this city and organisation cannot be kept (one line), or None."""
    if not city.strip() and not organisation.strip():
        return "a candidate names a city or an organisation (or both)"
    return None
