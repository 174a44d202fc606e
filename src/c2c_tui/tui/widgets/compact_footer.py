"""Textual's compact footer (``Footer(compact=True)``), whose keys are composed with it, made compact before
they are mounted, and composed again only when the keys it shows change.

Textual's footer composes nothing until the screen first publishes its bindings, then composes its keys a
refresh later: the first frame goes out without them and a second whole frame follows (~110 ms of ``c2c
run``'s start-up, bench/run.py). Here the keys are composed in the first compose, from the screen's bindings
as they are then (the capture line, focused a moment later, adds no shown key), so the first frame is whole.

Textual's footer makes each key compact after it is mounted (a watcher on the key's bound ``compact``
adds the ``-compact`` class), and each of those restyles the key: about 30 restyles in a row while the
first frame is drawn. Here every key already has the class when it is composed, so the watcher changes
nothing. Textual's footer also removes and mounts all its keys again whenever the screen's bindings are
refreshed (a focus change, a mount), three times before the first frame; here a refresh that leaves
every shown key as it was (the same binding, enabled or not, tooltip) composes nothing. The keys, their
classes and the look are Textual's own (the snapshots are unchanged).
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class CompactFooter(Footer):
    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, compact=True)
        self._composed_keys: object = None  # what the keys were composed from (None: not yet)

    def keys_shown(self) -> tuple[Any, ...]:
        """Everything Textual's ``Footer.compose`` reads: the screen's active bindings that are shown (each
        binding, enabled or not, its tooltip, in order), the command palette's binding, and the key displays.
        (A focused widget's hidden bindings change nothing shown: the capture line's own keys, for one.)"""
        app = self.app
        active = self.screen.active_bindings
        palette = active.get(app.COMMAND_PALETTE_BINDING)
        return (
            self.show_command_palette,
            app.ENABLE_COMMAND_PALETTE,
            app.COMMAND_PALETTE_BINDING,
            None if palette is None else (palette.binding, palette.enabled, palette.tooltip),
            tuple(
                (binding, enabled, tooltip, app.get_key_display(binding))
                for (_node, binding, enabled, tooltip) in active.values()
                if binding.show
            ),
        )

    def compose(self) -> ComposeResult:
        if not self._bindings_ready and self.is_attached:
            self.set_reactive(Footer._bindings_ready, True)  # the keys in the first frame, not a frame later
        self._composed_keys = self.keys_shown() if self._bindings_ready else None
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.add_class("-compact", update=False)
            yield widget

    async def recompose(self) -> None:
        if self._composed_keys is not None and self.is_attached and self.keys_shown() == self._composed_keys:
            return  # the same keys: composing them again would show the same footer
        await super().recompose()
