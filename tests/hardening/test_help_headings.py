"""F1 lists this app's keys under headings a person reads, built from the command table and the run
screen's widgets, not by importing every widget module (which showed "PlainTable", "RecordTable" and
"A tabular widget that contains data": keys of other apps, titled by class names and DataTable's docstring).
"""

from __future__ import annotations

from c2c_tui.tui.run.commands import COMMANDS
from c2c_tui.tui.run.help import help_plain


def test_help_has_readable_headings_and_no_class_names() -> None:
    text = help_plain(width=200)
    for leaked in ("PlainTable", "RecordTable", "A tabular widget", "Everywhere"):
        assert leaked not in text
    for heading in ("The clock", "Saving, help and quitting", "The capture line", "Every item list"):
        assert heading in text
    for command in COMMANDS:
        assert command.description in text


def test_every_command_is_in_one_group_and_the_clock_group_works_on_the_wall() -> None:
    from c2c_tui.tui.run.help import COMMAND_GROUPS

    grouped = [i for _heading, ids in COMMAND_GROUPS for i in ids]
    assert sorted(grouped) == sorted(c.id for c in COMMANDS)
    by_id = {c.id: c for c in COMMANDS}
    assert all(by_id[i].wall for i in COMMAND_GROUPS[0][1])  # its heading says so
