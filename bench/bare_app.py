"""The yardstick: a bare Textual app (header, label, footer), started the same way as ``c2c run``.

``python bench/bare_app.py`` runs it until ctrl+q. With ``--with-models`` it first imports c2c's session
models (pydantic and the schemas it builds), and nothing else of c2c: what that part alone costs. With
``--with-code-cache`` it first installs c2c's table of compiled text (``c2c_tui.code_cache``, which
``c2c`` installs as it starts): what that alone is worth to a bare app (its table is written ~3 s in).
"""

from __future__ import annotations

import sys
from typing import ClassVar

if "--with-code-cache" in sys.argv:
    from c2c_tui import code_cache

    code_cache.install()
if "--with-models" in sys.argv:
    import c2c_tui.core.model  # noqa: F401

from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.widgets import Footer, Header, Label


class BareApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [("ctrl+q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("A bare Textual app: header, label, footer.")
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
