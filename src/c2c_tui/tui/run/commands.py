"""Every app-wide command, declared once: key bindings, footer, help screen and command palette come from here.

Keys: function keys and ctrl combinations only, so a printable key typed in the capture line always goes
into the line. F5, PageDown and PageUp (what presentation clickers send) are priority bindings: they work
whatever has focus, and the app runs them after the keys typed before them (``after_typed``). ``wall=True`` commands keep working on the wall view (other keys leave it).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from c2c_tui.core.phases import PHASES


@dataclass(frozen=True)
class Command:
    id: str
    key: str  # "" for a palette-only command (no key binding)
    label: str  # short, for the footer
    title: str  # the name in the command palette
    description: str  # one line, for the help screen and the palette's help line
    action: str  # an action of the app
    footer: bool = False
    priority: bool = False
    wall: bool = True  # still works on the wall view
    key_display: str | None = None


COMMANDS: tuple[Command, ...] = (
    Command("help", "f1", "Keys", "Keys: show every key", "Show every key", "help", footer=True, wall=False),
    Command(
        "clock",
        "f5",
        "Start/pause",
        "Clock: start, pause or resume",
        "Start, pause or resume the clock",
        "toggle_clock",
        footer=True,
        priority=True,
    ),
    Command(
        "next",
        "pagedown",
        "Next",
        "Next phase",
        "Next phase (the clock keeps running)",
        "next_phase",
        footer=True,
        priority=True,
        key_display="PgDn",
    ),
    Command(
        "back",
        "pageup",
        "Back",
        "Previous phase",
        "Previous phase (its time carries on)",
        "previous_phase",
        priority=True,
        key_display="PgUp",
    ),
    Command("plus1", "f6", "+1m", "Add 1 minute", "Add 1 minute to this phase", "extend(1)"),
    Command("plus5", "f7", "+5m", "Add 5 minutes", "Add 5 minutes to this phase", "extend(5)"),
    Command("minus1", "f8", "-1m", "Take 1 minute", "Take 1 minute from this phase", "extend(-1)"),
    Command(
        "rebalance",
        "f9",
        "Rebalance",
        "Rebalance the rest of the plan",
        "Rebalance: spread the overrun (or spare time) over the phases to come, to keep the end time",
        "rebalance",
    ),
    Command(
        "wall",
        "f2",
        "Wall",
        "Wall view",
        "Wall view: only the clock and the question (any key returns)",
        "wall",
        footer=True,
        wall=False,
    ),
    Command(
        "setup",
        "f3",
        "Set-up",
        "Set-up: purpose, teams, people, agenda",
        "Edit the set-up: title, purpose, challenge, teams, participants, agenda, pre-work",
        "setup",
        wall=False,
    ),
    Command(
        "bell",
        "f4",
        "Bell",
        "Bell on/off",
        "Bell on/off for the alerts (saved with the session)",
        "toggle_bell",
    ),
    Command(
        "since",
        "ctrl+r",
        "Since last time",
        "Since last time: review the earlier workshop's actions",
        "Since last time: what became of the earlier workshops' actions and follow-up offers",
        "since_last_time",
        wall=False,
    ),
    Command(
        "turn",
        "f10",
        "Turn",
        "Turn: the next Advisor team",
        "Part 2: the next Advisor team's turn (after the last: no team's, then the first again)",
        "next_turn",
        wall=False,
    ),
    Command("save", "ctrl+s", "Save", "Save now", "Save now (it also saves by itself)", "save_now"),
    Command(
        "quit",
        "ctrl+q",
        "Quit",
        "Quit",
        "Quit, with everything saved",
        "quit_saved",
        footer=True,
        priority=True,
    ),
)

# Palette only (no key): straight to any phase, through the clock's next/back events.
COMMANDS += tuple(
    Command(
        f"goto-{p.id}",
        "",
        f"Go to {p.short}",
        f"Go to {p.title}",
        f"Straight to {p.short}; the clock carries on as with PgDn/PgUp",
        f"go_to_phase({p.id!r})",
    )
    for p in PHASES
)

BY_ID = {command.id: command for command in COMMANDS}
WALL_KEYS = frozenset(command.key for command in COMMANDS if command.wall and command.key)


def bindings() -> list[Binding]:
    return [
        Binding(
            c.key,
            c.action,
            c.label,
            show=c.footer,
            priority=c.priority,
            key_display=c.key_display,
            tooltip=c.description,
            id=c.id,
        )
        for c in COMMANDS
        if c.key
    ]


def key_name(command: Command) -> str:
    """How a key is written in the help screen: F5, PgDn, ctrl+s; "ctrl+p" for a palette-only command."""
    if not command.key:
        return "ctrl+p"
    if command.key_display:
        return command.key_display
    return command.key.upper() if command.key.startswith("f") else command.key


class C2CCommands(Provider):
    """The command palette entries: the same commands as the keys."""

    def _hit_text(self, command: Command) -> str:
        return f"{command.title} ({key_name(command)})" if command.key else command.title

    async def discover(self) -> Hits:
        for command in COMMANDS:
            yield DiscoveryHit(
                self._hit_text(command),
                partial(self.app.run_action, command.action),
                help=command.description,
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in COMMANDS:
            name = self._hit_text(command)
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(name),
                    partial(self.app.run_action, command.action),
                    help=command.description,
                )
