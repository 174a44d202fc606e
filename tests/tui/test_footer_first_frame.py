"""The compact footer holds its keys from its first compose, so the first full frame shows them (Textual's
footer composes them a refresh later: one more frame before the run screen is whole; bench/run.py)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.widgets import Label

from c2c_tui.tui.widgets.compact_footer import CompactFooter


class CountingFooter(CompactFooter):
    keys_at_mount: int | None = None

    def on_mount(self) -> None:
        super().on_mount()
        self.keys_at_mount = len(self.children)


class FooterApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [("ctrl+q", "quit", "Quit"), ("f1", "bell", "Keys")]

    def compose(self) -> ComposeResult:
        yield Label("body")
        yield CountingFooter()


async def test_the_footer_has_its_keys_when_it_is_mounted() -> None:
    app = FooterApp()
    async with app.run_test(size=(80, 10)) as pilot:
        footer = app.query_one(CountingFooter)
        assert footer.keys_at_mount is not None and footer.keys_at_mount >= 2
        await pilot.pause()
        shown = [key.description for key in footer.query("FooterKey")]  # type: ignore[attr-defined]
        assert "Quit" in shown and "Keys" in shown


async def test_a_refresh_of_the_same_keys_composes_nothing_again() -> None:
    app = FooterApp()
    async with app.run_test(size=(80, 10)) as pilot:
        footer = app.query_one(CountingFooter)
        first = list(footer.children)
        app.screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert list(footer.children) == first
