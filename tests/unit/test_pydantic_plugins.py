"""Pydantic's plugin loader stays off the start-up path when no plugin is installed (core/pydantic_plugins.py),
the models still validate and refuse as before, and an installed pydantic plugin is still loaded."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "sessions" / "cooling-valmora.toml"
NEWER = ROOT / "tests" / "broken" / "newer_schema.toml"
UNKNOWN = ROOT / "tests" / "broken" / "unknown_field.toml"

CHECK = textwrap.dedent(
    """
    import sys
    from c2c_tui.core.store import SessionError, load

    print(load(sys.argv[1]).title)
    for path in sys.argv[2:]:
        try:
            load(path)
        except SessionError as error:
            print("refused:", error)
    email = sorted(name for name in sys.modules if name == "email" or name.startswith("email."))
    print("metadata:", "importlib.metadata" in sys.modules, "email:", len(email))
    """
)


def python(code: str, *args: object, extra_path: Path | None = None) -> list[str]:
    env = dict(os.environ)
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    if extra_path is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(extra_path), env.get("PYTHONPATH", "")])
    result = subprocess.run(
        [sys.executable, "-c", code, *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_without_plugins_the_loader_and_importlib_metadata_are_not_imported_and_files_still_check() -> None:
    lines = python(CHECK, EXAMPLE, NEWER, UNKNOWN)
    assert lines[0].startswith("Valmora")
    assert "schema_version 2 is newer than this c2c reads (1); upgrade c2c" in lines[1]
    assert "workshop.purpse: unknown field (did you mean 'purpose'?)" in lines[2]
    assert lines[3] == "metadata: False email: 0"


def fake_plugin(folder: Path) -> Path:
    """An installed distribution declaring a pydantic plugin that says when it sees a model class."""
    info = folder / "fakeplugin-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: fakeplugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[pydantic]\nfake = fakeplugin:plugin\n")
    (folder / "fakeplugin.py").write_text(
        textwrap.dedent(
            """
            class Plugin:
                def new_schema_validator(self, schema, schema_type, *args, **kwargs):
                    print("plugin saw", getattr(schema_type, "__name__", schema_type))
                    return None, None, None

            plugin = Plugin()
            """
        )
    )
    return folder


def test_an_installed_plugin_is_still_loaded(tmp_path: Path) -> None:
    lines = python(CHECK, EXAMPLE, extra_path=fake_plugin(tmp_path / "site"))
    assert "plugin saw Session" in lines
    assert lines[-1].startswith("metadata: True")


def test_plugins_declared_reads_only_the_pydantic_group(tmp_path: Path) -> None:
    from c2c_tui.core.pydantic_plugins import plugins_declared

    other = tmp_path / "other" / "tool-1.0.dist-info"
    other.mkdir(parents=True)
    (other / "entry_points.txt").write_text("[console_scripts]\npydantic = tool:main\n")
    assert not plugins_declared([str(tmp_path / "other"), str(tmp_path / "missing")])
    assert plugins_declared([str(tmp_path / "other"), str(fake_plugin(tmp_path / "site"))])
