"""The capture line kept in the session file, so a crash or a restart gives it back: ``[capture] draft``
(text typed but not entered) and ``[capture] history`` (the last ``HISTORY_KEPT`` lines entered, oldest
first, what Up recalls). Both are kept exactly as typed.

The app keeps the draft when typing pauses and on quit, and clears it when a line is entered, which also
adds that line to the history. The ``[capture]`` table is written only while it holds something, so a file
that never had a draft or an entered line is unchanged.
"""

from __future__ import annotations

from ..model import HISTORY_KEPT, CaptureLine, Session

__all__ = ["HISTORY_KEPT", "clear_draft", "draft_of", "entered", "history_of", "keep_draft"]


def draft_of(session: Session) -> str | None:
    return session.capture.draft if session.capture is not None else None


def history_of(session: Session) -> list[str]:
    """The lines entered before, oldest first (a copy)."""
    if session.capture is None or session.capture.history is None:
        return []
    return list(session.capture.history)


def _store(session: Session, draft: str | None, history: list[str]) -> None:
    capture = CaptureLine(draft=draft, history=history or None)
    session.capture = None if capture == CaptureLine() else capture


def keep_draft(session: Session, line: str) -> bool:
    """Keep ``line`` as the draft (a blank line: none). True when the session changed."""
    draft = line if line.strip() else None
    if draft == draft_of(session):
        return False
    _store(session, draft, history_of(session))
    return True


def clear_draft(session: Session) -> bool:
    """The draft is used up. True when the session changed."""
    return keep_draft(session, "")


def entered(session: Session, line: str) -> bool:
    """``line`` was entered: the draft is used up and the line joins the history (the last
    ``HISTORY_KEPT``; the same line twice in a row is kept once, as Up shows it). True when the session
    changed."""
    history = history_of(session)
    if line.strip() and (not history or history[-1] != line):
        history.append(line)
        del history[:-HISTORY_KEPT]
    if draft_of(session) is None and history == history_of(session):
        return False
    _store(session, None, history)
    return True
