"""What the home, review and session-review screens are handed: the folder, the clock, and the list of
session files opened (locked) for editing here, which the app closes when it closes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from c2c_tui.core.clock import Clock
from c2c_tui.core.store import SessionFile


@dataclass
class HomeContext:
    folder: Path
    clock: Clock
    open_files: list[SessionFile] = field(default_factory=list)

    def release_files(self) -> None:
        """Unlock every session still open for editing (the app is closing)."""
        while self.open_files:
            self.open_files.pop().close()
