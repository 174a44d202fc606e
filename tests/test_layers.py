"""The layering is written down in pyproject.toml ([tool.importlinter]) and kept: import-linter checks it
here, so the suite (and .ci/run) fails when an import runs against it. Also: no import circle in src/,
TYPE_CHECKING imports included, and the checker itself can see a broken contract.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]
LINT = (
    "import sys\nfrom importlinter.cli import lint_imports\n"
    "sys.exit(lint_imports(config_filename=sys.argv[1], no_cache=True, no_logo=True))"
)


def lint(config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", LINT, str(config)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_the_import_contracts_are_kept() -> None:
    result = lint(ROOT / "pyproject.toml")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]
    assert "0 broken" in result.stdout


def test_a_broken_contract_is_reported(tmp_path: Path) -> None:
    """The check can fail: the core layers upside down are reported broken."""
    config = tmp_path / "upside-down.toml"
    config.write_text(
        '[tool.importlinter]\nroot_package = "c2c_tui"\n\n'
        '[[tool.importlinter.contracts]]\nname = "upside down"\ntype = "layers"\n'
        'containers = ["c2c_tui.core"]\nlayers = ["model", "store"]\n',
        encoding="utf-8",
    )
    result = lint(config)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout


def circles(package: str = "c2c_tui") -> list[tuple[str, str]]:
    """Each direct import a -> b for which b also reaches a (TYPE_CHECKING imports count)."""
    graph = grimp.build_graph(package, exclude_type_checking_imports=False)
    found = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            if graph.find_shortest_chain(importer=imported, imported=importer):
                found.append((importer, imported))
    return found


def test_no_import_circle_in_src() -> None:
    assert circles() == []
