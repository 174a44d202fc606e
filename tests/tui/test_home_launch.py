"""run_home: home -> facilitator app -> home, with a session that cannot be opened reported on the home
screen (one line), and what the facilitator app printed shown there and printed again at the end.

The two apps are replaced by stand-ins that record how they were called: the loop is what is tested here
(the screens have their own Pilot tests)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from c2c_tui.core import store
from c2c_tui.core.model import Session
from c2c_tui.core.store import SessionFile
from c2c_tui.tui.home import launch as home_launch


class FakeHome:
    def __init__(self, result: Any, calls: list[dict[str, Any]], kwargs: dict[str, Any]) -> None:
        self.result = result
        self.return_code = 0
        calls.append(kwargs)

    def run(self) -> Any:
        return self.result

    def release_files(self) -> None:
        pass


@pytest.fixture
def script(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Set what each home run returns; collect how the homes and the facilitator app were started."""
    calls: list[dict[str, Any]] = []
    ran: list[tuple[Path, bool]] = []
    results: list[Any] = []

    def fake_home(folder: Path, **kwargs: Any) -> FakeHome:
        return FakeHome(results.pop(0), calls, {"folder": folder, **kwargs})

    def fake_run_app(session_file: SessionFile, demo: bool = False) -> int:
        ran.append((session_file.path, demo))
        session_file.close()
        print(f"Saved {session_file.path}")
        return 0

    monkeypatch.setattr(home_launch, "HomeApp", fake_home)
    monkeypatch.setattr("c2c_tui.tui.run.launch.run_app", fake_run_app)
    monkeypatch.setattr(home_launch, "make_demo_copy", lambda: demo_path)
    demo_path = Path("unused")

    class Script:
        def __init__(self) -> None:
            self.calls, self.ran, self.results = calls, ran, results

        def set_demo(self, path: Path) -> None:
            nonlocal demo_path
            demo_path = path

    return Script()


def test_run_then_back_home_with_what_the_app_said(tmp_path: Path, script: Any, capsys: Any) -> None:
    path = tmp_path / "a.toml"
    store.save(path, Session(title="A"))
    script.results += [("run", path), None]
    assert home_launch.run_home(tmp_path) == 0
    assert script.ran == [(path, False)]
    first, second = script.calls
    assert first["start"] == "home" and first["message"] is None
    assert second["message"] == f"Saved {path}" and second["select"] == path
    assert capsys.readouterr().out == f"Saved {path}\n"  # printed again once the home has closed


def test_a_locked_or_broken_session_is_one_line_on_the_home(tmp_path: Path, script: Any) -> None:
    path = tmp_path / "a.toml"
    store.save(path, Session(title="A"))
    broken = tmp_path / "b.toml"
    broken.write_text("title = ")
    script.results += [("run", path), ("run", broken), None]
    with SessionFile.open(path):
        assert home_launch.run_home(tmp_path, "review") == 0
        _, locked, bad = script.calls
    assert script.ran == []
    assert locked["severity"] == "error" and locked["message"].startswith(
        f"{path}: already open in another c2c"
    )
    assert bad["severity"] == "error" and bad["message"].startswith(f"{broken}:")
    assert "\n" not in bad["message"]
    assert [c["start"] for c in script.calls] == ["review", "home", "home"]


def test_demo_runs_a_scratch_copy_and_says_where(tmp_path: Path, script: Any, capsys: Any) -> None:
    path = tmp_path / "demo.toml"
    store.save(path, Session(title="Demo"))
    script.set_demo(path)
    script.results += [("demo", None), None]
    assert home_launch.run_home(tmp_path) == 0
    assert script.ran == [(path, True)]
    assert "The demo was saved in" in script.calls[1]["message"]
    assert f"The demo was saved in {path}" in capsys.readouterr().err
