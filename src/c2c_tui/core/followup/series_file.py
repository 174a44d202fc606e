"""The series file: one ``series.toml`` in a folder of workshops, holding the topic backlog.

```toml
schema_version = 1
title = "Heat-health learning network"

[[topics]]
title = "Reaching residents who live alone"
status = "covered"          # backlog | next | covered
covered_in = "second.toml"  # the workshop that covered it (relative to the folder), when covered
note = "went well; follow up in spring"

[[areas]]                   # the self-assessment's areas for the series (a workshop's own list wins)
id = "data"
name = "Data and evidence"
```

Read with tomllib and validated by pydantic (unknown fields refused); a broken file is a SeriesFileError
of one line naming the file and the field or line. Written atomically (``atomic.write_text_atomic``)
with tomli-w. The session listing (``library.session_files``) skips it, so it is never read as a session.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ..assessment_rows import MAX_AREAS, AssessmentArea
from ..reading.errors import SessionError
from ..series_rows import check_path_text

SERIES_FILE = "series.toml"
SERIES_SCHEMA = 1
MAX_TOPICS = 10_000
TopicStatus = Literal["backlog", "next", "covered"]
TOPIC_STATUSES: tuple[TopicStatus, ...] = ("backlog", "next", "covered")


class SeriesFileError(SessionError):
    """The series file cannot be read or written; one line."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Topic(_Strict):
    title: str = Field(min_length=1, max_length=2000)
    status: TopicStatus = "backlog"
    covered_in: str | None = None
    note: str = Field(default="", max_length=4000)

    @field_validator("covered_in")
    @classmethod
    def _file(cls, value: str | None) -> str | None:
        return None if value is None else check_path_text(value)


class SeriesFile(_Strict):
    schema_version: int = Field(default=SERIES_SCHEMA, ge=1, le=SERIES_SCHEMA)
    title: str = Field(default="", max_length=2000)
    topics: list[Topic] = Field(default_factory=list, max_length=MAX_TOPICS)
    areas: list[AssessmentArea] | None = Field(default=None, max_length=MAX_AREAS)

    @model_validator(mode="after")
    def _unique_areas(self) -> SeriesFile:
        from ..assessment_rows import assessment_problems

        problems = assessment_problems(set(), self.areas, None)
        if problems:
            raise ValueError(problems[0])  # "areas[1].id: duplicate id 'a'"
        return self


def series_path(folder: Path) -> Path:
    return folder / SERIES_FILE


def default_areas(folder: Path) -> list[AssessmentArea]:
    """The self-assessment areas a workshop in ``folder`` starts from when it lists none: the series
    file's, else the shipped ones (a broken series file is reported where it is read, not here)."""
    from ..assessment import shipped_areas

    try:
        series = load_series(folder)
    except SeriesFileError:
        series = None
    if series is not None and series.areas:
        return [area.model_copy() for area in series.areas]
    return shipped_areas()


def _first_problem(error: ValidationError) -> str:
    from ..problems import field_path

    problems = error.errors(include_url=False)
    first = problems[0]
    where = field_path(tuple(first["loc"]))
    more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
    message = str(first["msg"]).removeprefix("Value error, ")
    return f"{where + ': ' if where else ''}{message}{more}"


def load_series(folder: Path) -> SeriesFile | None:
    """The folder's series file, or None when it has none. SeriesFileError (one line) when it is broken."""
    from ..reading.parse import read_bytes

    path = series_path(folder)
    if not path.exists():
        return None
    try:
        data = read_bytes(path)
    except SessionError as error:
        raise SeriesFileError(str(error)) from None
    try:
        parsed = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise SeriesFileError(f"{path}: not UTF-8 text; save it as UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        raise SeriesFileError(f"{path}: {' '.join(str(error).split())}") from None
    except RecursionError:
        raise SeriesFileError(f"{path}: nested too deeply to read") from None
    try:
        return SeriesFile.model_validate(parsed)
    except ValidationError as error:
        raise SeriesFileError(f"{path}: {_first_problem(error)}") from None


def dumps_series(series: SeriesFile) -> str:
    import tomli_w

    header = (
        f"# c2c series file (schema {SERIES_SCHEMA}): the topic backlog of the workshops in this folder\n"
    )
    return header + tomli_w.dumps(series.model_dump(mode="python", exclude_none=True))


def save_series(folder: Path, series: SeriesFile) -> Path:
    """Write the folder's series file atomically (SessionError when it cannot be written)."""
    from ..store.atomic import write_text_atomic

    path = series_path(folder)
    write_text_atomic(path, dumps_series(series))
    return path


# -- edits (the home screen's series view): pure, on a SeriesFile; the caller saves with save_series ----


def add_topic(series: SeriesFile | None, title: str, status: TopicStatus = "backlog") -> SeriesFile:
    """The series with one more topic at the end (a new series file when there was none).

    ValueError (one line) for an empty title or too many topics."""
    title = " ".join(title.split())
    if not title:
        raise ValueError("a topic has a title")
    base = series if series is not None else SeriesFile()
    if len(base.topics) >= MAX_TOPICS:
        raise ValueError(f"a series file holds at most {MAX_TOPICS} topics")
    return base.model_copy(update={"topics": [*base.topics, Topic(title=title, status=status)]})


def set_topic_status(
    series: SeriesFile, index: int, status: TopicStatus, covered_in: str | None = None
) -> SeriesFile:
    """The series with topic ``index`` set to ``status``; ``covered_in`` (the workshop's file, relative to
    the folder) is kept only for ``covered``. ValueError for an unknown topic or status."""
    if status not in TOPIC_STATUSES:
        raise ValueError(f"unknown status {status!r}; use one of: {', '.join(TOPIC_STATUSES)}")
    if not 0 <= index < len(series.topics):
        raise ValueError(f"no topic {index + 1} (the series has {len(series.topics)})")
    topic = series.topics[index].model_copy(
        update={"status": status, "covered_in": covered_in if status == "covered" else None}
    )
    Topic.model_validate(topic.model_dump())  # a covered_in with a line break is refused here
    topics = list(series.topics)
    topics[index] = topic
    return series.model_copy(update={"topics": topics})
