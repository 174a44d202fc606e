"""``RecordPane``: the wiring the set-up panes with a list of records share (teams, people, the advisors'
pre-questions). The ``RecordTable`` posts a/e/d as ``RecordTable.Requested``; the pane finds the record,
opens its form or asks before deleting, then shows the rows again and posts ``SetupChanged``.
A pane says only what differs: its rows, how to find a record, its form and its delete question.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from textual.containers import Vertical

from c2c_tui.core.model import Session
from c2c_tui.tui.widgets.record_table import RecordTable

from ..dialogs.confirm import ConfirmDialog
from ..dialogs.form import Field, FormDialog
from .parts import SetupChanged

Record = TypeVar("Record")
Row = tuple[str, tuple[str, ...]]


class RecordPane(Vertical, Generic[Record]):
    DEFAULT_CSS = """
    RecordPane .setup-help { color: $text-muted; height: auto; }
    """

    def __init__(self, session: Session, *, id: str) -> None:
        super().__init__(id=id)
        self.session = session

    # -- what a pane says -------------------------------------------------------------------------

    def rows(self) -> list[Row]:
        raise NotImplementedError

    def find(self, key: str | None) -> Record | None:
        raise NotImplementedError

    def edit(self, record: Record | None) -> None:
        raise NotImplementedError

    def delete(self, record: Record) -> None:
        raise NotImplementedError

    # -- the shared wiring ------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.refresh_rows()

    def refresh_rows(self, select: str | None = None) -> None:
        self.query_one(RecordTable).show(self.rows(), select=select)

    def on_record_table_requested(self, event: RecordTable.Requested) -> None:
        event.stop()
        record = self.find(event.key)
        if event.op == "add" or record is None:
            self.edit(None)
        elif event.op == "edit":
            self.edit(record)
        else:
            self.delete(record)

    def changed(self, select: str | None = None) -> None:
        """After an add, an edit or a delete: show the rows (``select`` highlighted) and say so."""
        self.refresh_rows(select)
        self.post_message(SetupChanged())

    def open_form(
        self,
        title: str,
        fields: Sequence[Field],
        check: Callable[[dict[str, str]], dict[str, str]],
        done: Callable[[dict[str, str] | None], None],
    ) -> None:
        self.app.push_screen(FormDialog(title, fields, check), done)

    def confirm_delete(self, dialog: ConfirmDialog, remove: Callable[[], bool]) -> None:
        """Ask ``dialog``; on yes, ``remove()`` (False: the record was already gone) and show the change."""

        def answered(yes: bool | None) -> None:
            if yes and remove():
                self.changed()

        self.app.push_screen(dialog, answered)
