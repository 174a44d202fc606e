"""A hostile session: every text field a user or a file can set holds terminal control sequences (window
title, OSC 52 clipboard, clear screen, OSC 8 link), a bidi override and a C1 CSI. Shared by the
neutralising tests (tests/hardening/test_neutral_*.py)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from c2c_tui.core.model import Session
from c2c_tui.core.store import load, save

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "sessions" / "cooling-valmora.toml"

PAYLOAD = (
    "\x1b]0;PWNED\x07"  # set the window title
    "\x1b]52;c;cHduZWQ=\x07"  # write the clipboard
    "\x1b[2J\x1b[H"  # clear the screen
    "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"  # a hyperlink elsewhere
    "\u202eevil\u2066"  # bidi override and isolate
    "\x9b31m"  # C1 CSI: red
)
# what must never reach a terminal, a page or a spreadsheet from user text
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
FILE_NAME = "evil\x1b]0;PWNED\x07.toml"


def hostile(text: str) -> str:
    return f"{text} {PAYLOAD}"


def make_hostile(session: Session) -> Session:
    """The example with the payload in every text field (ids and phase ids stay valid)."""
    session.title = hostile(session.title)
    w = session.workshop
    w.purpose, w.challenge, w.place = hostile(w.purpose), hostile(w.challenge), hostile(w.place)
    w.facilitator, w.note_taker = hostile(w.facilitator), hostile(w.note_taker)
    w.shared_before = [hostile(item) for item in w.shared_before] or [hostile("slides")]
    for team in session.teams:
        team.name = hostile(team.name)
    for person in session.participants:
        person.name = hostile(person.name)
    for entry in session.entries:
        entry.text = hostile(entry.text)
        entry.speaker = hostile(entry.speaker or "Ana")
    for option in session.options:
        option.title, option.detail = hostile(option.title), hostile(option.detail)
        option.speaker = hostile(option.speaker or "Ben")
    for action in session.actions:
        action.text = hostile(action.text)
        action.owner = '=HYPERLINK("https://evil.example/","x")' + PAYLOAD
    return session


def hostile_file(folder: Path, name: str = "hostile.toml") -> Path:
    """The hostile session saved in ``folder`` (with its markdown summary)."""
    source = folder / "example.toml"
    shutil.copyfile(EXAMPLE, source)
    session = make_hostile(load(source))
    source.unlink()
    path = folder / name
    save(path, session)
    return path
