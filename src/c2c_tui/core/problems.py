"""pydantic validation errors as one line a person can act on: ``entries[3].kind: should be ... (got 'foo')``."""

from __future__ import annotations

import difflib
import types
import typing
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError

from .model import Session

_MAX_SHOWN = 60


def describe(error: ValidationError) -> str:
    """The first problem, with its field path, and how many more there are."""
    lines = describe_all(error)
    line = lines[0]
    if len(lines) > 1:
        more = len(lines) - 1
        line += f" (+{more} more problem{'s' if more > 1 else ''})"
    return line


def describe_all(error: ValidationError) -> list[str]:
    """Every problem, one line each, in the order of the file (list rows by their index).

    A check of the whole session (ids, team references) reports its problems as one error of several
    lines, each already naming its place: they count as one problem each."""
    lines: list[str] = []
    for problem in error.errors(include_url=False):
        message = _message_lines(problem)
        lines.extend(message if message else [_one(problem)])
    return lines or ["invalid session"]


def _message_lines(problem: Any) -> list[str]:
    """The lines of a whole-session value error with several lines, else []."""
    if problem["type"] != "value_error" or tuple(problem["loc"]) or "\n" not in problem["msg"]:
        return []
    return [_message(line) for line in problem["msg"].splitlines() if line.strip()]


def field_path(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part != "[key]":  # pydantic marks a bad dict key with it
            text += f".{part}" if text else str(part)
    return text


def _one(problem: Any) -> str:
    loc = tuple(problem["loc"])
    kind = problem["type"]
    value = problem.get("input")
    message = _message(problem["msg"])
    if kind == "missing":
        message = "required, but missing"
    elif kind == "string_too_short" and problem.get("ctx", {}).get("min_length") == 1:
        message, value = "should not be empty", None
    elif kind == "extra_forbidden":
        message = "unknown field" + _suggest(loc)
    elif kind.startswith(("date", "datetime")):
        message += (
            "; write a date as YYYY-MM-DD"
            if kind.startswith("date_")
            else "; write e.g. 2026-05-14T09:30:00Z"
        )
    elif kind == "list_type" and isinstance(value, dict) and loc:
        message = f"should be a list of tables: write [[{field_path(loc)}]] sections, not [{field_path(loc)}]"
    place = field_path(loc)
    if loc[-2:-1] and loc[-1] == "[key]":  # a bad key in a table, e.g. clock[0].adjust.lunch
        place = field_path(loc[:-2])
        message, value = f"key {_show(loc[-2])} {message}", None
    if kind != "missing" and loc and _showable(value):
        message += f" (got {_show(value)})"
    return f"{place}: {message}" if place else message


def _message(msg: str) -> str:
    for prefix in ("Value error, ", "Assertion failed, "):
        msg = msg.removeprefix(prefix)
    if msg.startswith("Input should be"):
        msg = "should be" + msg[len("Input should be") :]
    return " ".join(msg.split())


def _showable(value: Any) -> bool:
    if value is None or isinstance(value, dict):
        return False
    return not (isinstance(value, list) and any(isinstance(item, dict) for item in value))


def _show(value: Any) -> str:
    if isinstance(value, date):
        text = value.isoformat()
    else:
        try:
            text = repr(value)
        except RecursionError:
            text = type(value).__name__
    text = " ".join(text.split())
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 3] + "..."


def _suggest(loc: tuple[int | str, ...]) -> str:
    model = _model_at(loc[:-1])
    if model is None or not isinstance(loc[-1], str):
        return ""
    names = list(model.model_fields)
    close = difflib.get_close_matches(loc[-1], names, n=1, cutoff=0.6)
    if close:
        return f" (did you mean {close[0]!r}?)"
    return " (known here: " + ", ".join(names) + ")"


def _model_at(loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    model: type[BaseModel] = Session
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return None
        found = _model_in(field.annotation)
        if found is None:
            return None
        model = found
    return model


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None


def one_line_error(error: ValidationError) -> str:
    """The first problem of a pydantic error as one line: "teams.0.name: ..."."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first.get("loc", ()))
    message = str(first.get("msg", "not valid")).removeprefix("Value error, ").split("\n", 1)[0]
    return f"{where}: {message}" if where else message
