"""After the workshop: the actions across a folder (``actions``) and the folder's sessions (``library``)."""

from .actions import (
    CSV_HEADER,
    ActionError,
    ActionRow,
    collect,
    render_csv,
    render_md,
    render_table,
    update_action,
)

__all__ = [
    "CSV_HEADER",
    "ActionError",
    "ActionRow",
    "collect",
    "render_csv",
    "render_md",
    "render_table",
    "update_action",
]
