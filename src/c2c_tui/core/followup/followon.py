"""Follow-on workshops: find the chain of earlier ones, write a new one, carry and record reviews.

* ``earlier_of(path, session)`` finds the workshop a session follows: ``[workshop] after`` (relative to
  the file's folder), checked against ``after_created``; when that file is gone or is another workshop,
  the session in the same folder whose ``created`` is ``after_created`` (the earlier file was renamed).
* ``chain(path)`` is the whole series up to a session, oldest first. A missing earlier file or a cycle is
  a ``SeriesError`` (one line), never a hang.
* ``follow_on(earlier, new_path, ...)`` builds the new session: teams, participants, purpose, challenge,
  place, mode and people copied, the agenda from the earlier one (or a template), the self-assessment's
  areas (not its scores), and one ``[[reviews]]`` row per item still to review (``pending``).
* ``record_review(session, ...)`` sets the outcome of one carried item, stamped with its time.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

from pydantic import ValidationError

from ..model import Session, Workshop
from ..reading.errors import SessionError
from ..series_rows import REVIEW_OUTCOMES, Review, ReviewKind
from ..store import load

MAX_CHAIN = 10_000  # a longer chain is a loop the path check missed (e.g. through symlinks)
CLOSED = frozenset({"done", "dropped"})


class SeriesError(SessionError):
    """A follow-on that cannot be made or followed (missing earlier file, a cycle); one line."""


Loader = Callable[[Path], Session]


def _key(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def _same_created(a: datetime | None, b: datetime | None) -> bool:
    return a is not None and b is not None and a == b


def _renamed(folder: Path, created: datetime, loader: Loader) -> Path | None:
    """The session in ``folder`` whose ``created`` is ``created`` (the earlier file was renamed)."""
    from .library import is_conflict_copy, session_files

    try:
        files = session_files(folder)
    except SessionError:
        return None
    for candidate in files:
        if is_conflict_copy(candidate):
            continue
        try:
            if _same_created(loader(candidate).created, created):
                return candidate
        except (SessionError, OSError, UnicodeDecodeError, RecursionError):
            continue
    return None


def earlier_of(path: Path, session: Session, loader: Loader = load) -> tuple[Path, Session] | None:
    """The workshop ``session`` (at ``path``) follows, loaded; None when it follows none."""
    after, created = session.workshop.after, session.workshop.after_created
    if after is None:
        return None
    target = path.parent / after
    if target.is_file():
        earlier = loader(target)
        if created is None or _same_created(earlier.created, created):
            return target, earlier
    if created is not None:
        for folder in dict.fromkeys([target.parent, path.parent]):
            found = _renamed(folder, created, loader)
            if found is not None:
                return found, loader(found)
    raise SeriesError(f"{path}: the earlier workshop {after} (workshop.after) is missing")


def chain(path: Path, session: Session | None = None, loader: Loader = load) -> list[tuple[Path, Session]]:
    """The series up to and including ``path``, oldest first (SeriesError: missing file or cycle)."""
    current = (path, session if session is not None else loader(path))
    out = [current]
    seen = {_key(path)}
    while True:
        found = earlier_of(current[0], current[1], loader)
        if found is None:
            break
        if _key(found[0]) in seen or len(out) >= MAX_CHAIN:
            raise SeriesError(f"{path}: the workshops it follows form a loop (at {found[0]})")
        seen.add(_key(found[0]))
        out.append(found)
        current = found
    out.reverse()
    return out


def relative(target: Path, folder: Path) -> str:
    """``target`` as written in a file in ``folder``: relative, with ``/`` (absolute across drives)."""
    try:
        text = os.path.relpath(os.path.abspath(target), os.path.abspath(folder))
    except ValueError:  # another drive (Windows)
        text = os.path.abspath(target)
    return text.replace(os.sep, "/")


# -- what is still to review ------------------------------------------------------------------------


def _items(path: Path, session: Session) -> Iterator[Review]:
    """The open actions and the follow-up offers of one workshop, as carried review rows."""
    for action in session.actions:
        if action.status == "open":
            yield Review(file=str(path), workshop=session.created, item=action.id, text=action.text)
    for entry in session.entries:
        if entry.kind == "follow_up":
            yield Review(
                file=str(path), workshop=session.created, kind="follow_up", item=entry.id, text=entry.text
            )


def pending(series: list[tuple[Path, Session]]) -> list[Review]:
    """The items of every workshop of ``series`` not yet closed by a later review, oldest first.

    ``file`` in the rows is the path as found; ``follow_on`` makes it relative to the new file. An item
    carried and reviewed again keeps its latest outcome (and note, owner, due) in the row.
    """
    rows: dict[tuple[str, str, str], Review] = {}
    keys = {_key(p): p for p, _ in series}
    by_created = {s.created: _key(p) for p, s in series if s.created is not None}
    for path, session in series:
        for row in _items(path, session):
            rows[(_key(path), row.kind, row.item)] = row
        for review in session.reviews or ():
            origin = _key(path.parent / review.file)
            if origin not in keys and review.workshop in by_created:
                origin = by_created[review.workshop]  # the earlier file was renamed
            if origin not in keys:
                continue
            key = (origin, review.kind, review.item)
            if key in rows:
                rows[key] = rows[key].model_copy(
                    update={
                        "outcome": review.outcome,
                        "note": review.note,
                        "owner": review.owner,
                        "due": review.due,
                        "text": review.text or rows[key].text,
                    }
                )
    return [row for row in rows.values() if row.outcome not in CLOSED]


# -- a new follow-on workshop -----------------------------------------------------------------------


def follow_on(
    earlier_path: Path,
    new_path: Path,
    *,
    title: str,
    template: str | None = None,
    now: datetime,
    timezone: str | None = None,
) -> Session:
    """A new session following the one at ``earlier_path`` (see the module). Nothing is written here.
    Its time zone is ``timezone``, else the earlier workshop's, else the machine's."""
    try:
        return _follow_on(earlier_path, new_path, title=title, template=template, now=now, timezone=timezone)
    except ValidationError as error:  # e.g. a file name with a line break cannot be linked to
        from ..problems import one_line_error

        raise SeriesError(f"{new_path}: cannot follow {earlier_path}: {one_line_error(error)}") from None


def _follow_on(
    earlier_path: Path,
    new_path: Path,
    *,
    title: str,
    template: str | None,
    now: datetime,
    timezone: str | None,
) -> Session:
    from ..setup import new_session

    series = chain(earlier_path)
    _, earlier = series[-1]
    fresh = new_session(title=title, template=template, now=now, timezone=timezone)
    w = earlier.workshop
    workshop = Workshop(
        purpose=w.purpose,
        challenge=w.challenge,
        place=w.place,
        mode=w.mode if template is None else fresh.workshop.mode,
        facilitator=w.facilitator,
        note_taker=w.note_taker,
        timezone=timezone or w.timezone or fresh.workshop.timezone,
        after=relative(earlier_path, new_path.parent),
        after_created=earlier.created,
    )
    reviews = [
        row.model_copy(update={"file": relative(Path(row.file), new_path.parent), "at": None})
        for row in pending(series)
    ]
    return fresh.model_copy(
        update={
            "workshop": workshop,
            "teams": [t.model_copy() for t in earlier.teams],
            "participants": [p.model_copy() for p in earlier.participants],
            "agenda": fresh.agenda if template is not None else [a.model_copy() for a in earlier.agenda],
            "reviews": reviews or None,
            "areas": [a.model_copy() for a in earlier.areas] if earlier.areas else None,  # not the scores
        }
    )


def record_review(
    session: Session,
    index: int,
    outcome: str,
    *,
    now: datetime,
    note: str | None = None,
    owner: str | None = None,
    due: date | None = None,
) -> Review:
    """Set the outcome of the carried item ``index`` of ``session.reviews``, stamped ``now``.

    ``owner`` / ``due``: ``None`` keeps them; ``note`` is this review's (none: empty). Raises SeriesError for an unknown outcome or index.
    """
    if outcome not in REVIEW_OUTCOMES:
        raise SeriesError(f"unknown outcome {outcome!r}; use one of: {', '.join(REVIEW_OUTCOMES)}")
    rows = session.reviews or []
    if not 0 <= index < len(rows):
        raise SeriesError(f"no review item {index + 1} (this workshop carries {len(rows)})")
    # the note is this review's own (a carried row shows the earlier one until reviewed); owner and due
    # are the item's state: kept unless given
    update: dict[str, object] = {"outcome": outcome, "at": now.replace(microsecond=0)}
    update["note"] = (note or "").strip()
    if owner is not None:
        update["owner"] = owner.strip() or None
    if due is not None:
        update["due"] = due
    row = Review.model_validate({**rows[index].model_dump(), **update})
    rows[index] = row
    session.reviews = rows
    return row


def find_review(session: Session, kind: ReviewKind, item: str, file: str | None = None) -> int | None:
    """The index of the carried row for ``item`` (of ``file``, when given), or None."""
    for index, row in enumerate(session.reviews or ()):
        if row.kind == kind and row.item == item and (file is None or row.file == file):
            return index
    return None


def carry_new(path: Path, session: Session) -> list[Review]:
    """Carry into ``session`` (at ``path``) the earlier workshops' items still to review that it does not
    carry yet (an action added to an earlier file after this one was made); returns the new rows.

    For a follow-on being opened: the rows are appended to ``session.reviews`` (saved with the session).
    """
    earlier = chain(path, session)[:-1]
    if not earlier:
        return []
    have = {(_key(path.parent / r.file), r.kind, r.item) for r in session.reviews or ()}
    fresh = [
        row.model_copy(update={"file": relative(Path(row.file), path.parent), "at": None})
        for row in pending(earlier)
        if (_key(Path(row.file)), row.kind, row.item) not in have
    ]
    if fresh:
        session.reviews = [*(session.reviews or []), *fresh]
    return fresh
