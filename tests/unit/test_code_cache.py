"""``c2c_tui.code_cache``: dataclasses, forward references and named tuples made with code compiled on an
earlier run behave exactly as without it."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from c2c_tui.code_cache import MAGIC, read_table, table_path, write_table

# dataclasses of every kind the generated methods differ by; the script prints what each one does
KINDS = textwrap.dedent(
    """
    import dataclasses, inspect, json, sys
    from dataclasses import InitVar, dataclass, field
    from typing import ClassVar

    @dataclass
    class Plain:
        a: int
        b: str = "b"
        c: list[int] = field(default_factory=list)

    @dataclass(frozen=True, slots=True, order=True)
    class Frozen:
        a: int
        b: tuple[int, ...] = ()

    @dataclass(kw_only=True)
    class KwOnly(Plain):
        d: float = 1.5
        e: ClassVar[int] = 3
        f: InitVar[int | None] = None

        def __post_init__(self, f):
            self.c.append(f or 0)

    @dataclass(eq=False, repr=False, unsafe_hash=False)
    class Bare:
        x: object = None

    from collections import namedtuple
    from typing import ForwardRef, NamedTuple, get_type_hints

    Point = namedtuple("Point", "x y", defaults=(0,))

    class Pair(NamedTuple):
        left: "int"
        right: "list[str]" = []

    class Hinted:
        a: "dict[str, int]"
        b: "Pair | None"

    out = []
    out.append(repr(Plain(1)))
    out.append(repr(KwOnly(a=2, f=7)))
    out.append(str(Frozen(1, (2,)) < Frozen(2)))
    out.append(str(hash(Frozen(1)) == hash(Frozen(1))))
    try:
        Frozen(1).a = 2
    except dataclasses.FrozenInstanceError:
        out.append("frozen")
    out.append(str(inspect.signature(KwOnly)))
    out.append(repr(Plain.__init__.__annotations__))
    out.append(str(Bare() == Bare()))
    out.append(repr(Point(1)) + repr(Pair(1)) + repr(Pair._fields))
    out.append(repr(get_type_hints(Hinted)))
    try:
        ForwardRef("1 +")
    except SyntaxError as error:
        out.append(str(error))
    out.append(repr(ForwardRef("a.b") == ForwardRef("a.b")))
    print(json.dumps(out))
    """
)


def run(script: str, cache: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    environment |= {"C2C_CACHE_DIR": str(cache), **env}
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env=environment,
        check=True,
    )


INSTALLED = (
    "from c2c_tui import code_cache\ntable = code_cache.install()\n"
    + KINDS
    + "dataclasses.exec('made_here = 5')\nassert made_here == 5  # no globals: the caller's, as the builtin\n"
    + ("table.save()\nprint(table.new, len(table.codes), 'exec' in vars(dataclasses), file=sys.stderr)\n")
)


def test_dataclasses_behave_the_same_compiled_now_and_from_the_table(tmp_path: Path) -> None:
    plain = run(KINDS, tmp_path).stdout
    first = run(INSTALLED, tmp_path)  # compiles, writes the table
    assert table_path(tmp_path).is_file()
    again = run(INSTALLED, tmp_path)  # everything from the table
    assert first.stdout == again.stdout
    assert first.stdout == plain
    assert "'a': <class 'int'>" in plain  # annotations are objects, not strings (no __future__ flag)
    compiled, kept, installed = again.stderr.split()
    assert (int(compiled), installed) == (0, "True") and int(kept) > 20
    assert "Forward reference must be an expression -- got '1 +'" in plain


def test_nothing_is_written_where_bytecode_is_not(tmp_path: Path) -> None:
    run(INSTALLED, tmp_path, PYTHONDONTWRITEBYTECODE="1")
    assert not table_path(tmp_path).exists()


def test_a_table_that_cannot_be_trusted_is_ignored(tmp_path: Path) -> None:
    path = table_path(tmp_path)
    code = compile("x = 1", "<string>", "exec", dont_inherit=True)
    write_table(path, {("exec", "x = 1"): code})
    assert list(read_table(path)) == [("exec", "x = 1")]
    os.chmod(path, 0o620)  # the group may write it: not trusted
    assert read_table(path) == {}
    os.chmod(path, 0o600)
    for damaged in (
        b"",
        b"\x00garbage",
        marshal.dumps(("another magic", {("exec", "x = 1"): code})),
        marshal.dumps((MAGIC, {("exec", "x = 1"): "not code"})),
        marshal.dumps((MAGIC, {"x = 1": code})),  # a key of another form
        marshal.dumps((MAGIC, {("single", "x = 1"): code})),
        marshal.dumps((MAGIC, ["not", "a", "dict"])),
        marshal.dumps((MAGIC, {("exec", "x = 1"): code}))[:-3],
    ):
        path.write_bytes(damaged)
        assert read_table(path) == {}
    path.unlink()
    path.mkdir()  # a folder where the table goes
    assert read_table(path) == {}


def test_a_damaged_table_is_written_anew(tmp_path: Path) -> None:
    path = table_path(tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00damaged")
    os.chmod(path, 0o600)
    run(INSTALLED, tmp_path)
    assert len(read_table(path)) > 10


def test_after_the_start_the_table_is_let_go_and_later_code_still_added(tmp_path: Path) -> None:
    script = INSTALLED.replace("table.save()\n", "table.settle()\n") + textwrap.dedent(
        """
        assert table.codes == {} and table.released
        @dataclass
        class Later:
            made_after_the_start: int = 0
        assert len(table.codes) > 0
        table.save()
        """
    )
    run(script, tmp_path)
    texts = [text for _, text in read_table(table_path(tmp_path))]
    assert any("made_after_the_start" in text for text in texts)
    assert any("Frozen" in text or "FrozenInstanceError" in text for text in texts)  # the start's, kept


def test_only_an_absolute_cache_folder_is_used(tmp_path: Path) -> None:
    probe = "from c2c_tui.code_cache import table_path; print(table_path())"
    home = {"HOME": str(tmp_path / "home"), "XDG_CACHE_HOME": ""}
    assert run(probe, tmp_path, **home).stdout.strip().startswith(str(tmp_path))  # C2C_CACHE_DIR, absolute
    assert run(probe, tmp_path, C2C_CACHE_DIR="", **home).stdout.strip() == str(
        tmp_path / "home" / ".cache" / "c2c" / f"compiled-text-{sys.implementation.cache_tag}.marshal"
    )
    relative = run(
        probe, tmp_path, C2C_CACHE_DIR="cache", XDG_CACHE_HOME="xdg", HOME="nowhere"
    ).stdout.strip()
    assert relative == "None"  # no absolute folder anywhere: no table at all
    work = tmp_path / "work"
    work.mkdir()
    subprocess.run(
        [sys.executable, "-c", INSTALLED],
        cwd=work,
        env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        | {"C2C_CACHE_DIR": "", "XDG_CACHE_HOME": "", "HOME": "nowhere"},
        capture_output=True,
        timeout=60,
        check=True,
    )
    assert list(work.iterdir()) == []  # nothing made in the working folder
