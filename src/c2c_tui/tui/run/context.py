"""What the run screen, the wall view and the work area are handed: the session file, the clock, the editor
and the saver (built by the app, passed down; nobody looks them up on ``self.app``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from c2c_tui.core import clock as core_clock
from c2c_tui.core.capture.editor import Editor
from c2c_tui.core.clock import Clock, ClockState
from c2c_tui.core.model import Session
from c2c_tui.core.store import SessionFile

if TYPE_CHECKING:
    from c2c_tui.tui.run.autosave import AutoSaver


class EditContext(Protocol):
    """What the work area needs: the editor it changes the session through, and the clock for ``now``."""

    @property
    def editor(self) -> Editor: ...

    @property
    def clock(self) -> Clock: ...


@dataclass(frozen=True)
class RunContext:
    session_file: SessionFile
    clock: Clock
    editor: Editor
    saver: AutoSaver

    @property
    def session(self) -> Session:
        return self.session_file.session

    def now(self) -> datetime:
        return self.clock.now()

    def clock_state(self) -> ClockState:
        return core_clock.state_of(self.session, self.clock.now())
