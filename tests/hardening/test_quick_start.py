"""What keeps the first frame quick (run/gc_pause.py, run/quick_start.py), the figures in bench/run.py:
the collector paused from before the models are built until the first full frame and back on for sure,
the run screen's breakpoint classes there before its first layout, and the autosave's warm-up after the
full frame."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest
from app_support import build, example_at, fresh, steady  # noqa: F401
from cli_support import run
from textual.widgets import Footer

from c2c_tui.core.store import SessionFile
from c2c_tui.tui.run import app as run_app_module
from c2c_tui.tui.run.run_screen import RunScreen

BROKEN = Path(__file__).resolve().parents[1] / "broken"


@pytest.fixture
def collector_on() -> object:
    """The collector on before and after each test, whatever the test did."""
    gc.enable()
    yield
    gc.enable()


@pytest.mark.usefixtures("collector_on")
def test_run_opens_the_file_with_the_collector_paused_and_a_refusal_turns_it_back_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    real_open = SessionFile.open

    def spy(path: object, *args: object, **kwargs: object) -> SessionFile:
        seen.append(gc.isenabled())
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(SessionFile, "open", staticmethod(spy))
    path = tmp_path / "newer_schema.toml"
    shutil.copyfile(BROKEN / "newer_schema.toml", path)
    before = path.read_bytes()
    code, _, err = run(capsys, "run", path)
    assert code == 1
    assert "schema_version 2 is newer than this c2c reads (1); upgrade c2c" in err
    assert seen == [False]  # paused while the models were built and the file read
    assert gc.isenabled()  # and on again after the refusal
    assert path.read_bytes() == before


@pytest.mark.usefixtures("collector_on")
def test_gc_paused_turns_the_collector_back_on_after_an_error_and_leaves_it_off_if_it_was_off() -> None:
    from c2c_tui.tui.run.gc_pause import gc_paused, resume_gc

    with pytest.raises(RuntimeError), gc_paused():
        assert not gc.isenabled()
        raise RuntimeError("inside")
    assert gc.isenabled()
    gc.disable()
    with gc_paused():
        resume_gc()  # the app's first frame: it did not pause it, so it does not turn it on
    assert not gc.isenabled()


@pytest.mark.usefixtures("steady", "collector_on")
@pytest.mark.parametrize(
    ("size", "classes"), [((120, 36), {"-wide", "-mid"}), ((60, 20), {"-narrow", "-short"})]
)
async def test_the_run_screen_has_its_breakpoint_classes_before_its_first_layout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int], classes: set[str]
) -> None:
    at_mount: list[set[str]] = []
    real_mount = RunScreen.on_mount

    def on_mount(screen: RunScreen) -> None:
        at_mount.append(set(screen.classes))
        real_mount(screen)

    monkeypatch.setattr(RunScreen, "on_mount", on_mount)
    app = build(*example_at(tmp_path, "rapport"))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert at_mount == [classes]  # before the first resize (which used to restyle the whole screen)
        assert set(app.run_screen.classes) == classes  # what Textual's resize gives it


@pytest.mark.usefixtures("steady", "collector_on")
async def test_the_collector_is_back_on_and_warm_runs_only_after_the_full_first_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from c2c_tui.tui.run.gc_pause import pause_gc

    monkeypatch.setattr(run_app_module, "WARM_AFTER", 0.2)
    app = build(*fresh(tmp_path))
    warmed: list[tuple[int, bool]] = []

    def warm() -> None:
        footer = app.run_screen.query_one(Footer)
        warmed.append((len(footer.children), gc.isenabled()))

    monkeypatch.setattr(app.saver, "warm", warm)
    pause_gc()  # as `c2c run` does
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(50):
            if warmed:
                break
            await pilot.pause(0.05)
        assert gc.isenabled()
        assert len(warmed) == 1
        keys, collector = warmed[0]
        assert keys > 0  # the footer showed its keys before
        assert collector


@pytest.mark.usefixtures("steady", "collector_on")
@pytest.mark.parametrize("phase", ["rapport", "insights", "reflect"])
async def test_the_first_frame_restyles_neither_a_footer_key_nor_the_work_area(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, phase: str
) -> None:
    from textual.widgets._footer import FooterKey

    from c2c_tui.tui.run.work.area import WorkArea

    restyled: list[str] = []
    for cls in (FooterKey, WorkArea):
        real = cls.update_node_styles

        def counting(
            node: object, animate: bool = True, real: object = real, name: str = cls.__name__
        ) -> None:
            restyled.append(name)
            real(node, animate=animate)  # type: ignore[operator]

        monkeypatch.setattr(cls, "update_node_styles", counting)
    app = build(*example_at(tmp_path, phase))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        keys = app.run_screen.query(FooterKey)
        assert keys and all(key.has_class("-compact") for key in keys)
        assert app.run_screen.query_one(WorkArea).has_class(f"-{phase}")
        assert restyled == []


@pytest.mark.usefixtures("steady", "collector_on")
async def test_the_footer_composes_its_keys_once_before_the_first_frame_and_again_when_they_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual's footer mounts all its keys again on every bindings refresh (three before the first
    frame); the compact footer does so only when a key it shows changed (tui/widgets/compact_footer.py)."""
    from textual.widgets._footer import FooterKey

    mounted: list[str] = []
    real = FooterKey._on_mount if hasattr(FooterKey, "_on_mount") else None

    def counting(key: FooterKey, event: object) -> None:
        mounted.append(key.action)
        if real is not None:
            real(key, event)  # type: ignore[arg-type]

    monkeypatch.setattr(FooterKey, "_on_mount", counting)
    app = build(*example_at(tmp_path, "insights"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        footer = app.run_screen.query_one(Footer)
        shown = [key.action for key in footer.query(FooterKey)]
        assert shown and len(mounted) == len(shown)  # each key mounted once
        assert "edit('text')" not in shown  # the capture line has focus: no list's keys
        await pilot.press("escape")  # to the item list: its keys join the footer
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "entry-list"
        assert "edit('text')" in [key.action for key in footer.query(FooterKey)]
        await pilot.press("tab")  # back to the capture line: the list's keys go again
        await pilot.pause()
        assert "edit('text')" not in [key.action for key in footer.query(FooterKey)]


@pytest.mark.usefixtures("steady")
async def test_the_2x2_is_mounted_when_v_first_shows_it_and_then_kept(tmp_path: Path) -> None:
    """The first frame goes without the impact/risk 2x2 (nine widgets, hidden until v); v mounts it
    showing the options, and v twice more hides and shows the same one."""
    from c2c_tui.tui.run.work.matrix import ImpactRiskMatrix, QuadrantBox, place

    app = build(*example_at(tmp_path, "reflect"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert not app.run_screen.query(ImpactRiskMatrix)
        assert not app.run_screen.query(QuadrantBox)
        await pilot.press("escape", "v")
        await pilot.pause()
        matrix = app.run_screen.query_one(ImpactRiskMatrix)
        assert matrix.display
        cells, _ = place(app.session)
        filled = [key for key, options in cells.items() if options]
        assert filled
        for key in filled:
            box = matrix.query_one(f"#q-{key.replace('_', '-')}", QuadrantBox)
            assert str(box.render()).strip(), key
        await pilot.press("v")
        await pilot.pause()
        assert not matrix.display
        await pilot.press("v")
        await pilot.pause()
        assert app.run_screen.query_one(ImpactRiskMatrix) is matrix and matrix.display


@pytest.mark.usefixtures("steady")
async def test_each_phases_own_widgets_are_mounted_when_the_phase_is_first_shown(tmp_path: Path) -> None:
    """The first frame of Part 4 has the actions table and not Part 2's advisor panel or Part 3's options
    table; going back mounts each above the entry list, in the order of the widgets, and keeps it."""
    from c2c_tui.tui.run.work.actions_table import ActionsTable
    from c2c_tui.tui.run.work.advisor_line import AdvisorLine
    from c2c_tui.tui.run.work.advisor_panel import AdvisorPanel
    from c2c_tui.tui.run.work.area import WorkArea
    from c2c_tui.tui.run.work.entry_list import EntryList
    from c2c_tui.tui.run.work.options_table import OptionsTable

    app = build(*example_at(tmp_path, "agree"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        area = app.run_screen.query_one(WorkArea)
        kinds = [type(child) for child in area.children]
        assert ActionsTable in kinds and EntryList in kinds
        assert AdvisorPanel not in kinds and OptionsTable not in kinds and AdvisorLine not in kinds
        assert area.actions_table.row_count == len(app.session.actions)
        area.show(app.session, "insights")
        await pilot.pause()
        area.show(app.session, "reflect")
        await pilot.pause()
        assert area.options_table.row_count == len(app.session.options)
        assert area.options_table.display and not area.actions_table.display
        order = [type(child) for child in area.children][:5]
        assert order == [AdvisorPanel, AdvisorLine, OptionsTable, ActionsTable, EntryList]
        panel = area.query_one(AdvisorPanel)
        area.show(app.session, "insights")
        await pilot.pause()
        assert area.query_one(AdvisorPanel) is panel and panel.display
