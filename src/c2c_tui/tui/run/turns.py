"""Part 2's turns in the facilitator app: F10 (the next Advisor team's turn) and the palette's
"Turn: <team>" entries, one per Advisor team, plus "Turns over" (the Seeking team's own discussion).

``TurnActions`` is mixed into the app (the actions of a binding live there); ``TurnCommands`` is the palette
provider: it asks the app for its choices through the ``TurnChoices`` protocol, so it needs nothing else.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from c2c_tui.core.clock import format_clock, format_remaining, state_of
from c2c_tui.core.clock.turns import TURN_PHASE, current_turn, next_turn, take_turn
from c2c_tui.core.phases import phase
from c2c_tui.core.text.neutral import shown

if TYPE_CHECKING:
    from c2c_tui.core.clock import Clock
    from c2c_tui.core.model import Session


@runtime_checkable
class TurnChoices(Protocol):
    def turn_choices(self) -> list[tuple[str, str, str]]: ...  # (palette title, action, help)


class TurnActions:
    """The app's turn actions. The app provides ``session``, ``clock``, ``say`` and ``clock_changed``."""

    session: Session
    clock: Clock

    if TYPE_CHECKING:

        def say(
            self, message: str, *, severity: str = "information", timeout: float | None = None
        ) -> None: ...

        def clock_changed(self) -> None: ...

    def turn_choices(self) -> list[tuple[str, str, str]]:
        choices = [
            (
                f"Turn: {team.name}",
                f"take_turn({team.id!r})",
                "Part 2: this team's turn; lines without #team go to it",
            )
            for team in self.session.advisor_teams
        ]
        if choices:
            choices.append(
                ("Turns over", "take_turn(None)", "Part 2: no team's turn (the Seeking team's discussion)")
            )
        return choices

    def action_next_turn(self) -> None:
        if self._turn_refused():
            return
        if next_turn(self.session, self.clock.now()) is None:
            self.say("The workshop has finished.")
            return
        self._say_turn()

    def action_take_turn(self, team_id: str | None) -> None:
        if self._turn_refused():
            return
        if take_turn(self.session, self.clock.now(), team_id) is None:
            self.say("That is already how it is." if team_id is None else "It is that team's turn already.")
            return
        self._say_turn()

    def _turn_refused(self) -> bool:
        """Say why a turn does not apply now (and True), or False when it does."""
        state = state_of(self.session, self.clock.now())
        if not self.session.advisor_teams:
            self.say(
                'Turns are for Advisor teams and this workshop has none: F3 adds teams (role "advisor").'
            )
        elif state.state == "finished":
            self.say("The workshop has finished: PgUp reopens the last phase.")
        elif state.phase != TURN_PHASE:
            self.say(f"Turns are for {phase(TURN_PHASE).title} (PgDn, or Go to in ctrl+p, gets there).")
        else:
            return False
        return True

    def _say_turn(self) -> None:
        turn = current_turn(self.session, state_of(self.session, self.clock.now()))
        if turn is None:
            self.say("Turns over: the Seeking team's discussion (a line without #team has no team).")
        else:
            left = format_remaining(turn.left_seconds)
            self.say(f"Turn: {turn.name} · {left} left of {format_clock(turn.share_seconds)}")
        self.clock_changed()


class TurnCommands(Provider):
    """The palette's turn entries (the app's current Advisor teams). A team's name is user text: the entry
    is a ``Content`` of the neutralised name, never markup (the help lines hold no user text)."""

    def _choices(self) -> list[tuple[str, str, str]]:
        app = self.app
        return app.turn_choices() if isinstance(app, TurnChoices) else []

    async def discover(self) -> Hits:
        for title, action, help_text in self._choices():
            yield DiscoveryHit(Content(shown(title)), partial(self.app.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action, help_text in self._choices():
            score = matcher.match(title)
            if score > 0:
                shown_title = Content(shown(title))
                yield Hit(score, shown_title, partial(self.app.run_action, action), help=help_text)
