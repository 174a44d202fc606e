"""The quick-capture line: a prefix picks the kind; ``#team``, ``@name`` and ``due:`` tokens fill fields.

One line in, one :class:`Capture` out. Everything that is not a prefix or a consumed token is kept exactly
as typed (brackets, markup-like text, ``|``, emoji, any script); only the outer whitespace is stripped.

Decisions beyond PRODUCT.md:

* A prefix is a one-letter one (``n:`` ... ``a:``, ``?:``) or a kind's own name (``note:``, ``gap:``,
  ``follow_up:``; ``follow-up:`` and ``followup:`` too), any case, at the very start of the line (leading
  whitespace allowed), the colon right after it; a space after the colon is optional (``a:Call``).
  Anything else ending in a colon (``ex:``, ``Q:``, ``https:``, ``re:``) is text.
* A one-letter prefix directly followed by a backslash or ``/`` is text, not a prefix: ``c:/data`` and
  a Windows path like it are drive letters, never a context entry "/data".
* A second prefix right after the first (``a: n: see ...``, ``gap: idea: ...``, ``n: note: ...``) is
  refused with a :class:`CaptureError` naming both (typing on after a refused line gives such lines);
  nothing is stored, the line stays to be fixed.
* A token is a whole whitespace-separated word that starts with ``#``, ``@`` or ``due:``; trailing
  punctuation (``#seville,``) stays in the text, anything else glued to the word makes it plain text.
* A token is removed with one adjacent space (the one after it; before it when punctuation follows),
  never with a line break.
* A pasted multi-line text is kept literally as one item, line breaks included; tokens work on any line,
  the prefix only at the very start.
* Only the first usable token of each sort is taken; a later one stays in the text and a note says so.
  A ``#word`` that matches no team (or several) is not usable, so a later ``#word`` may still be taken.
* ``@name`` matching exactly one participant gives that participant's full name and, when no ``#team``
  was taken, the participant's team. An unknown or ambiguous ``@name`` is kept as typed (without ``@``),
  with a note: "new person: Nobody" for an unknown one.
* Any ``due:`` word on an action that is not a real date stays in the text with a note; on other kinds
  only a well-formed ``due:YYYY-MM-DD`` gets a note (so "the report is due:friday" in a note stays quiet).
  A due date before ``today`` (passed in by the caller; no check without it) is taken, with a note.
* What is removed from the stored text: the prefix, the one ``#team`` that matched a team, the first
  ``@name`` and an action's first valid ``due:YYYY-MM-DD``, each with one adjacent space. Nothing else.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Protocol, TypeVar

from ..phases import kind_label
from ..phases import phase as phase_info

PREFIX_KINDS: dict[str, str] = {
    "n": "note",
    "c": "context",
    "s": "surprise",
    "g": "gap",
    "e": "example",
    "i": "idea",
    "?": "question",
    "w": "contact",
    "k": "consideration",
    "f": "follow_up",
    "o": "option",
    "a": "action",
    "u": "feedback_useful",
    "+": "feedback_keep",
    "-": "feedback_change",
}

# The stored kinds' own names work as prefixes too (and two spellings of follow-up that people type).
KIND_PREFIXES: dict[str, str] = {
    **{kind: kind for kind in PREFIX_KINDS.values()},
    "follow-up": "follow_up",
    "followup": "follow_up",
    "useful": "feedback_useful",
    "keep": "feedback_keep",
    "change": "feedback_change",
}

_LONG = "|".join(re.escape(name) for name in sorted(KIND_PREFIXES, key=len, reverse=True))
_SHORT = "".join(re.escape(letter) for letter in PREFIX_KINDS)
# a kind name, or one letter that is not a drive letter of a path (``c:\temp``, ``c:/data``)
# (ASCII-only caseless matching: "\u017f:" or the Kelvin sign must not pass for "s:" or "k:")
_PREFIX_RE = re.compile(rf"\s*(?ai:({_LONG}):|([{_SHORT}]):(?![\\/]))")
_WORD_RE = re.compile(r"\S+")
_DUE_RE = re.compile(r"[Dd][Uu][Ee]:")
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")

T = TypeVar("T")


class CaptureError(ValueError):
    """The line cannot be added (e.g. nothing but a prefix). ``str()`` is one line for the user."""


@dataclass(frozen=True)
class Capture:
    kind: str  # entry kind, "option" or "action"
    text: str  # tokens removed, otherwise exactly as typed (outer whitespace stripped)
    team: str | None  # team id
    person: str | None  # @name: owner (actions) or speaker
    due: date | None
    prefixed: bool  # a prefix chose the kind
    notes: tuple[str, ...]  # one-line remarks for the user
    score: int | None = None  # feedback_useful: how useful, 1-5 (the first word: ``4`` or ``4/5``)
    turn: bool = False  # the team is the one whose turn it is (``on_turn``), not a token of the line


class _Team(Protocol):
    id: str
    name: str


class _Person(Protocol):
    name: str
    team: str | None


def _prefix(line: str) -> tuple[str, str, str] | None:
    """(kind, the prefix as typed, the rest of the line) when the line starts with a prefix."""
    match = _PREFIX_RE.match(line)
    if match is None:
        return None
    if match.group(1) is not None:
        kind, typed = KIND_PREFIXES[match.group(1).lower()], match.group(1)
    else:
        kind, typed = PREFIX_KINDS[match.group(2).lower()], match.group(2)
    return kind, typed + ":", line[match.end() :]


def split_prefix(line: str) -> tuple[str | None, str]:
    """(the prefix's kind, the rest of the line), or (None, the line) when it starts with no prefix."""
    found = _prefix(line)
    if found is None:
        return None, line
    return found[0], found[2]


def kind_for(line: str, phase: str) -> str:
    """The kind this line will make: its prefix's, or the phase's default (cheap; no token matching)."""
    kind, _ = split_prefix(line)
    return kind if kind is not None else phase_info(phase).default_kind


def _key(text: str) -> str:
    """Caseless, accent-blind matching key: letters, digits and spacing marks (spaces, '-', '.', "'" dropped).

    Accents are folded (NFKD without non-spacing marks), so ``@tomas`` finds "Tomás" and ``#malaga``
    finds "Málaga"; a word typed with its accents matches the same way.
    """
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return "".join(c for c in folded if c.isalnum() or unicodedata.category(c) == "Mc")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in "_-" or unicodedata.category(char).startswith("M")


def _is_punctuation(text: str) -> bool:
    return all(unicodedata.category(c).startswith("P") for c in text)


def _scan_word(text: str, inner: str = "") -> int:
    """Length of the word at the start of ``text``: word characters, ``inner`` ones only between them."""
    end = 0
    i = 0
    while i < len(text):
        if _is_word_char(text[i]):
            i += 1
            end = i
        elif text[i] in inner and i + 1 < len(text) and _is_word_char(text[i + 1]):
            i += 1
        else:
            break
    while end > 0 and text[end - 1] in "_-":  # "#seville-" -> "seville" + "-"
        end -= 1
    return end


def _split_token(word: str, sigil_len: int, inner: str = "") -> tuple[str, str] | None:
    """(name, trailing punctuation) of a ``#name`` / ``@name`` word, or None if it is plain text."""
    length = _scan_word(word[sigil_len:], inner)
    name, rest = word[sigil_len : sigil_len + length], word[sigil_len + length :]
    if not _key(name) or not _is_punctuation(rest):
        return None
    return name, rest


def _names(items: Sequence[str], conjunction: str = "and") -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def _pick(candidates: Sequence[T], tiers: Sequence[Callable[[T], bool]]) -> list[T]:
    """The candidates of the first tier that has any (exact matches win over prefix matches)."""
    for test in tiers:
        found = [c for c in candidates if test(c)]
        if found:
            return found
    return []


def match_team(word: str, teams: Sequence[_Team]) -> list[_Team]:
    """Teams a ``#word`` could mean: an exact name or id match, else names (spaces removed) starting with it."""
    key = _key(word)
    return _pick(
        teams,
        (
            lambda t: _key(t.name) == key or t.id.casefold() == word.casefold(),
            lambda t: _key(t.name).startswith(key),
        ),
    )


def match_person(word: str, participants: Sequence[_Person]) -> list[_Person]:
    """Participants an ``@word`` could mean: full name, then first name, then names starting with it."""
    key = _key(word)
    return _pick(
        participants,
        (
            lambda p: _key(p.name) == key,
            lambda p: bool(p.name.split()) and _key(p.name.split()[0]) == key,
            lambda p: _key(p.name).startswith(key),
        ),
    )


class _Parser:
    def __init__(
        self,
        body: str,
        kind: str,
        teams: Sequence[_Team],
        participants: Sequence[_Person],
        today: date | None,
    ) -> None:
        self.body = body
        self.today = today
        self.kind = kind
        self.teams = teams
        self.participants = participants
        self.team: str | None = None
        self.team_token = False
        self.person: str | None = None
        self.person_team: str | None = None
        self.due: date | None = None
        self.notes: list[str] = []
        self.deleted: set[int] = set()

    def run(self) -> None:
        for match in _WORD_RE.finditer(self.body):
            word, start = match.group(), match.start()
            if word.startswith("#"):
                self._team(word, start)
            elif word.startswith("@"):
                self._person(word, start)
            elif _DUE_RE.match(word) and len(word) > 4:
                self._due(word, start)

    def text(self) -> str:
        return "".join(c for i, c in enumerate(self.body) if i not in self.deleted).strip()

    def _consume(self, start: int, length: int, punctuation_follows: bool) -> None:
        """Delete the token and one adjacent space (before it when punctuation stays after it)."""
        end = start + length
        self.deleted.update(range(start, end))
        after, before = end, start - 1
        order = (before,) if punctuation_follows else (after, before)
        for i in order:
            if 0 <= i < len(self.body) and i not in self.deleted:
                char = self.body[i]
                if char.isspace() and char not in _LINE_BREAKS:
                    self.deleted.add(i)
                    return

    def _team(self, word: str, start: int) -> None:
        split = _split_token(word, 1)
        if split is None:
            return
        name, rest = split
        token = "#" + name
        if self.team_token:
            self.notes.append(f"only one #team per line: {token} kept in the text")
            return
        found = match_team(name, self.teams)
        if not found:
            self.notes.append(f"no team matches {token}: kept in the text")
        elif len(found) > 1:
            self.notes.append(f"{token} matches {_names([t.name for t in found])}: kept in the text")
        else:
            self.team, self.team_token = found[0].id, True
            self._consume(start, len(token), bool(rest))

    def _person(self, word: str, start: int) -> None:
        split = _split_token(word, 1, inner=".'\u2019")
        if split is None:
            return
        name, rest = split
        token = "@" + name
        if self.person is not None:
            self.notes.append(f"only one @name per line: {token} kept in the text")
            return
        found = match_person(name, self.participants)
        if len(found) == 1:
            self.person, self.person_team = found[0].name, found[0].team
        else:
            self.person = name
            if found:
                self.notes.append(f"{token} could be {_names([p.name for p in found], 'or')}: kept as typed")
            else:
                self.notes.append(f"new person: {name} (not among the participants)")
        self._consume(start, len(token), bool(rest))

    def _due(self, word: str, start: int) -> None:
        match = _DATE_RE.match(word, 4)
        if match is None or not _is_punctuation(word[match.end() :]):
            if self.kind == "action":
                self.notes.append(f"due: takes a date like 2026-12-15: {word} kept in the text")
            return
        token = word[: match.end()]
        if self.kind != "action":
            self.notes.append(f"due: applies to actions: {token} kept in the text")
            return
        if self.due is not None:
            self.notes.append(f"only one due: date per line: {token} kept in the text")
            return
        try:
            self.due = date.fromisoformat(match.group())
        except ValueError:
            self.notes.append(f"{token} is not a date: kept in the text")
            return
        if self.today is not None and self.due < self.today:
            self.notes.append(
                f"due {self.due.isoformat()} is in the past (today is {self.today.isoformat()})"
            )
        self._consume(start, len(token), match.end() < len(word))


def parse(
    line: str,
    phase: str,
    teams: Sequence[_Team],
    participants: Sequence[_Person] = (),
    *,
    today: date | None = None,
) -> Capture:
    """Parse one capture line typed during ``phase``.

    Raises :class:`CaptureError` if nothing is left to add or the line starts with two prefixes.
    ``today`` (the workshop's date, from the caller's clock) lets a past ``due:`` date be noted.
    """
    first = _prefix(line)
    prefix_kind, body = (None, line) if first is None else (first[0], first[2])
    if first is not None:
        second = _prefix(body)
        if second is not None:
            raise CaptureError(
                f"two prefixes: {first[1]} ({kind_label(first[0])}) and {second[1]} ({kind_label(second[0])});"
                " delete one and press Enter"
            )
    kind = prefix_kind if prefix_kind is not None else phase_info(phase).default_kind
    parser = _Parser(body, kind, teams, participants, today)
    parser.run()
    text = parser.text()
    if not text:
        if not line.strip():
            raise CaptureError("nothing to add: type some text first")
        raise CaptureError("nothing to add: type some text besides the prefix and tokens")
    score = None
    if kind == "feedback_useful":
        score, text = _score(text)
    team = parser.team
    if team is None and parser.person_team is not None and any(t.id == parser.person_team for t in teams):
        team = parser.person_team
    return Capture(
        kind=kind,
        text=text,
        team=team,
        person=parser.person,
        due=parser.due,
        prefixed=prefix_kind is not None,
        notes=tuple(parser.notes),
        score=score,
    )


_SCORE_RE = re.compile(r"([1-5])(?:/5)?(?=\s|$)")


def _score(text: str) -> tuple[int, str]:
    """The usefulness score at the start of a feedback line (``4`` or ``4/5``) and the rest of the text."""
    match = _SCORE_RE.match(text)
    if match is None:
        raise CaptureError("how useful was it? start with a score 1 to 5, e.g. u: 4 very practical")
    rest = text[match.end() :]
    return int(match.group(1)), rest[1:] if rest[:1] == " " else rest


def on_turn(capture: Capture, team_id: str | None) -> Capture:
    """In Part 2, a capture with no team (no ``#team``, no ``@name`` of a team's member) goes to the team
    whose turn it is, ``team_id``; one with a team keeps it. ``turn`` then says where the team came from."""
    if capture.team is not None or team_id is None:
        return capture
    return replace(capture, team=team_id, turn=True)
