"""The capture line's draft: text typed but not entered when the app quit, kept in ``[capture] draft``
and put back in the capture line on the next start; entering a line clears it.

The ``[capture]`` table is written only while it holds something, so a file without a draft is unchanged.
"""

from __future__ import annotations

from ..model import CaptureLine, Session


def draft_of(session: Session) -> str | None:
    return session.capture.draft if session.capture is not None else None


def keep_draft(session: Session, line: str) -> bool:
    """Keep ``line`` as the draft (a blank line: none). True when the session changed."""
    draft = line if line.strip() else None
    if draft == draft_of(session):
        return False
    capture = session.capture or CaptureLine()
    capture.draft = draft
    session.capture = None if capture == CaptureLine() else capture
    return True


def clear_draft(session: Session) -> bool:
    """A line was entered: the draft is used up. True when the session changed."""
    return keep_draft(session, "")
