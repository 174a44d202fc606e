"""One line under the clock band in Part 2: whose turn it is and what is left of that team's share.

Shown only in Part 2 with Advisor teams; before the first turn (or after the last) it says how to give one.
Team names are user text: neutralised, never markup.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from c2c_tui.core.clock import ClockState, format_clock, format_remaining
from c2c_tui.core.clock.turns import TURN_PHASE, current_turn, turns_of
from c2c_tui.core.model import Session
from c2c_tui.core.text.neutral import shown


def turn_text(session: Session, state: ClockState) -> Text | None:
    """The line, or None when there is nothing to show (not Part 2, no Advisor team, finished)."""
    if state.phase != TURN_PHASE or state.state == "finished" or not session.advisor_teams:
        return None
    turn = current_turn(session, state)
    text = Text(no_wrap=True, overflow="ellipsis")
    if turn is None:
        text.append("Turns  ", style="dim")
        if any(t.had_turn for t in turns_of(session, state)):
            text.append("over: the Seeking team's discussion · F10 starts them again", style="bold")
        else:
            text.append("F10 gives the next Advisor team its turn", style="bold")
        return text
    text.append("Turn ▶ ", style="bold")
    text.append(shown(turn.name), style="bold")
    share = format_clock(turn.share_seconds)
    if turn.left_seconds >= 0:
        text.append(f"  {format_remaining(turn.left_seconds)} left of {share}", style="bold")
    else:
        text.append(f"  {format_remaining(turn.left_seconds)} over its {share}", style="bold reverse")
    return text


class TurnLine(Static):
    """Whose turn it is in Part 2 (hidden elsewhere). ``show`` repaints only when the line changes."""

    DEFAULT_CSS = """
    TurnLine { height: 1; padding: 0 1; display: none; color: $accent; }
    TurnLine.-on { display: block; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self._plain: str | None = None

    def show(self, text: Text | None) -> None:
        """The line ``turn_text`` made (None: hidden)."""
        plain = None if text is None else text.plain
        if plain == self._plain:
            return
        self._plain = plain
        self.set_class(text is not None, "-on")
        self.update(text if text is not None else "")
