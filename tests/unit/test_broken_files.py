"""Broken session files: one clear line naming the file and the place, and the file is never touched."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from c2c_tui.core.store import SessionError, SessionFile, load, loads

BROKEN = Path(__file__).resolve().parent.parent / "broken"

# stored file -> a fragment the message must contain (the place and the problem)
EXPECTED = {
    "empty.toml": "empty file",
    "only_comment.toml": "only comments and blank lines",
    "unclosed_string.toml": "invalid TOML: Illegal character '\\n' (at line 2, column 25)",
    "duplicate_key.toml": "invalid TOML: Cannot overwrite a value (at line 3, column",
    "wrong_type.toml": "agenda[1].minutes: should be a valid integer",
    "out_of_range_impact.toml": "options[0].impact: should be less than or equal to 5 (got 9)",
    "out_of_range_minutes.toml": "agenda[0].minutes: should be greater than or equal to 1 (got 0)",
    "unknown_phase.toml": "entries[0].phase: should be 'rapport', 'context'",
    "unknown_kind.toml": "entries[2].kind: should be 'note'",
    "unknown_status.toml": "actions[0].status: should be 'open', 'done' or 'dropped' (got 'pending')",
    "newer_schema.toml": "schema_version 2 is newer than this c2c reads (1); upgrade c2c",
    "missing_schema_version.toml": "schema_version: missing",
    "missing_title.toml": "title: required, but missing",
    "unknown_field.toml": "workshop.purpse: unknown field (did you mean 'purpose'?)",
    "bad_team_reference.toml": "entries[1].team: no team has the id 't9'",
    "duplicate_id.toml": "entries[1].id: duplicate id 'e1'",
    "bad_date.toml": "actions[0].due: should be a valid date",
    "entries_as_table.toml": "entries: should be a list of tables: write [[entries]] sections",
    "date_out_of_range.toml": "created: this date and time cannot be converted to UTC (out of range)",
    "agenda_missing_phase.toml": "agenda: the agenda lists the five phases once each",
    "extend_without_minutes.toml": "clock[1]: an extend event needs minutes",
    "many_problems.toml": "title: should not be empty (+2 more problems)",
    "schema_version_text.toml": "schema_version: should be a whole number like 1 (got '1')",
    "bad_start_time.toml": "workshop.start_time: start_time is HH:MM (24-hour), e.g. 09:30 (got '9.30')",
}


def assert_refused(path: Path, fragment: str) -> str:
    """Loading and opening both fail with one line naming the file and containing ``fragment``;
    the file and its folder are exactly as before (no lock, summary or temp file left)."""
    before = path.read_bytes() if path.is_file() else None
    listing = sorted(os.listdir(path.parent))
    with pytest.raises(SessionError) as loaded:
        load(path)
    message = str(loaded.value)
    assert message.startswith(f"{path}: "), message
    assert fragment in message
    assert "\n" not in message and "Traceback" not in message
    with pytest.raises(SessionError) as opened:
        SessionFile.open(path)  # so there is no SessionFile whose save could overwrite it
    assert str(opened.value) == message
    assert sorted(os.listdir(path.parent)) == listing
    if before is not None:
        assert path.read_bytes() == before
    return message


def test_every_stored_broken_file_has_an_expectation() -> None:
    assert sorted(p.name for p in BROKEN.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_stored_broken_file(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    shutil.copyfile(BROKEN / name, path)
    assert_refused(path, EXPECTED[name])


def test_newer_schema_wins_over_its_unknown_fields(tmp_path: Path) -> None:
    path = tmp_path / "newer_schema.toml"
    shutil.copyfile(BROKEN / "newer_schema.toml", path)
    message = assert_refused(path, "schema_version 2 is newer")
    assert "hologram" not in message and "unknown field" not in message


def test_not_utf8_names_line_byte_and_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('schema_version = 1\ntitle = "Café"\n'.encode("latin-1"))
    assert_refused(path, "line 2: not UTF-8 text (byte 0xe9 at offset 31)")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "picture.toml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert_refused(path, "a binary file (NUL byte at offset 8)")


def test_utf16_file(tmp_path: Path) -> None:
    path = tmp_path / "notepad.toml"
    path.write_bytes('schema_version = 1\ntitle = "T"\n'.encode("utf-16"))
    assert_refused(path, "UTF-16 text; save it as UTF-8")


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b'\xef\xbb\xbfschema_version = 1\ntitle = "T"\n')
    assert load(path).title == "T"


def test_deep_nesting_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text("a = " + "[" * 100_000, encoding="utf-8")
    assert_refused(path, "invalid TOML: nested too deeply")
    with pytest.raises(SessionError, match="nested too deeply"):
        loads("x = " + "{a = " * 50_000, "deep.toml")


def test_too_large_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    with open(path, "wb") as handle:
        handle.truncate(51 * 2**20)  # sparse: costs no disk space
    assert_refused(path, "too large for a session file (51 MB; the limit is 50 MB)")


def test_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "workshop.toml"
    folder.mkdir()
    assert_refused(folder, "is a folder, not a session file")


def test_a_missing_file(tmp_path: Path) -> None:
    assert_refused(tmp_path / "nowhere.toml", "no such file")


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.toml"
    path.write_text('schema_version = 1\ntitle = "T"\n', encoding="utf-8")
    real_open = os.open

    def deny(name, flags, *args, **kwargs):  # root ignores chmod, so refuse this one file here
        if Path(name) == path:
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    assert_refused(path, "permission denied (cannot read it)")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty file"),
        ("   \n\t\n", "empty file"),
        (
            'schema_version = 1\ntitle = "T"\n[[entries]]\nid = "e1"\n',
            "entries[0].phase: required, but missing",
        ),
        (
            'schema_version = 1\ntitle = "T"\nteams = [{id = "t1", role = "seeking"}]',
            "teams[0].name: required",
        ),
        ('schema_version = 0\ntitle = "T"', "schema_version: schema_version starts at 1 (got 0)"),
        ('schema_version = true\ntitle = "T"', "schema_version: should be a whole number"),
        (
            'schema_version = 1\ntitle = "T"\n[settings]\ndanger_seconds = 500',
            "settings: danger_seconds must not",
        ),
        (
            (
                'schema_version = 1\ntitle = "T"\n[[clock]]\nat = 2026-01-01T00:00:00Z\nevent = "rebalance"\n'
                "adjust = { lunch = 5 }"
            ),
            "clock[0].adjust: key 'lunch' should be 'rapport'",
        ),
        (
            'schema_version = 1\ntitle = "T"\ncolour = "blue"',
            "colour: unknown field (known here: schema_version",
        ),
        (
            'schema_version = 1\ntitle = "T"\n[[entries]]\nid = "e 1"\nphase = "context"\nkind = "note"\ntext = ""',
            "entries[0].id: an id is 1-64 letters",
        ),
        (
            'schema_version = 1\ntitle = "' + "x" * 500 + '"\n[settings]\nbell = [1, 2]',
            "settings.bell: should be a valid boolean (got [1, 2])",
        ),
    ],
)
def test_loads_messages(text: str, fragment: str) -> None:
    with pytest.raises(SessionError) as error:
        loads(text, "w.toml")
    message = str(error.value)
    assert message.startswith("w.toml: ") and fragment in message, message
    assert "\n" not in message


def test_long_values_are_shortened_in_the_message() -> None:
    with pytest.raises(SessionError) as error:
        loads('schema_version = 1\ntitle = "T"\n[settings]\nbell = "' + "ring " * 200 + '"', "w.toml")
    assert len(str(error.value)) < 200
    assert "(got 'ring ring" in str(error.value) and "...)" in str(error.value)
