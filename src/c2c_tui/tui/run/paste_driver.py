"""Bracketed paste arrives literally: the terminal driver c2c runs on (Linux/macOS terminals).

Textual's key parser (``XTermParser``) leaves paste mode at any ESC byte inside the paste: the characters
after it are sent as key presses (the ESC itself as ``^``) ahead of the paste, so ``a\\x1bb c`` reached the
capture line as ``^b ca``. ``LiteralPasteParser`` takes everything between ``ESC[200~`` and ``ESC[201~``
itself, byte for byte (NUL removed, as Textual does), and hands the rest to Textual's parser unchanged.
A start or end marker split over two reads is held until the next read (a start marker at most
``constants.ESCAPE_DELAY``, so a lone Escape key press is never held).

``LiteralPasteDriver`` is Textual's ``LinuxDriver`` with this parser (its input loop, copied from Textual
8.2, differs only in the parser it builds). ``C2CApp.get_driver_class`` picks it where Textual would pick
the Linux driver; the headless (tests), web and Windows drivers are left as they are.
"""

from __future__ import annotations

import selectors
import time
from codecs import getincrementaldecoder
from collections.abc import Iterable
from os import read

from textual import constants, events
from textual._loop import loop_last
from textual._parser import ParseError
from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START, XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message


def _partial(data: str, marker: str) -> int:
    """The length of the longest end of ``data`` that begins ``marker`` (0 if none)."""
    for size in range(min(len(marker) - 1, len(data)), 0, -1):
        if marker.startswith(data[-size:]):
            return size
    return 0


class LiteralPasteParser(XTermParser):
    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._pasted: list[str] | None = None  # None: not in a paste
        self._held = ""  # the start of a marker that the next read may complete
        self._held_at = 0.0

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # end of input
            if self._pasted is not None:
                yield events.Paste("".join(self._pasted).replace("\x00", ""))
                self._pasted = None
            if self._held:
                yield from super().feed(self._held)
                self._held = ""
            yield from super().feed("")
            return
        data, self._held = self._held + data, ""
        while data:
            if self._pasted is not None:
                end = data.find(BRACKETED_PASTE_END)
                if end < 0:
                    keep = _partial(data, BRACKETED_PASTE_END)
                    self._pasted.append(data[: len(data) - keep])
                    self._hold(data[len(data) - keep :])
                    return
                self._pasted.append(data[:end])
                yield events.Paste("".join(self._pasted).replace("\x00", ""))
                self._pasted = None
                data = data[end + len(BRACKETED_PASTE_END) :]
                continue
            start = data.find(BRACKETED_PASTE_START)
            if start < 0:
                keep = _partial(data, BRACKETED_PASTE_START)
                keep = keep if keep > 1 else 0  # a lone ESC goes on at once: it may be the Escape key
                if len(data) > keep:
                    yield from super().feed(data[: len(data) - keep])
                self._hold(data[len(data) - keep :])
                return
            if start:
                yield from super().feed(data[:start])
            self._pasted = []
            data = data[start + len(BRACKETED_PASTE_START) :]

    def _hold(self, data: str) -> None:
        self._held = data
        self._held_at = time.monotonic()

    def tick(self) -> Iterable[Message]:
        late = time.monotonic() - self._held_at >= constants.ESCAPE_DELAY
        if self._held and self._pasted is None and late:  # not a paste after all: the keys go on
            held, self._held = self._held, ""
            yield from super().feed(held)
        yield from super().tick()


class LiteralPasteDriver(LinuxDriver):
    def run_input_thread(self) -> None:
        """Textual 8.2's ``LinuxDriver.run_input_thread`` with ``LiteralPasteParser``."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        fileno = self.fileno
        EVENT_READ = selectors.EVENT_READ
        parser = LiteralPasteParser(self._debug)
        feed = parser.feed
        tick = parser.tick
        decode = getincrementaldecoder("utf-8")().decode

        def process_selector_events(
            selector_events: list[tuple[selectors.SelectorKey, int]], final: bool = False
        ) -> None:
            for last, (_selector_key, mask) in loop_last(selector_events):
                if mask & EVENT_READ:
                    unicode_data = decode(read(fileno, 1024 * 4), final=final and last)
                    if not unicode_data:
                        break
                    for event in feed(unicode_data):
                        self.process_message(event)
            for event in tick():
                self.process_message(event)

        try:
            while not self.exit_event.is_set():
                process_selector_events(selector.select(0.1))
            selector.unregister(self.fileno)
            process_selector_events(selector.select(0.1), final=True)
        finally:
            selector.close()
            try:
                for _event in feed(""):
                    pass
            except (EOFError, ParseError):
                pass
