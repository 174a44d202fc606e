"""The web server behind ``c2c serve``: textual-serve's Server, with c2c's guards around each viewer.

- A websocket is accepted only from this server's own origin or one given with ``--origin`` (browsers
  always send ``Origin`` on a websocket handshake), so a page on another site cannot read the screen.
- At most ``max_viewers`` viewers at once; past that the page and the websocket answer 503 and say why.
- The terminal size a viewer asks for is clamped to ``MAX_WIDTH`` x ``MAX_HEIGHT``.
- A viewer's follow process is ended and reaped when its websocket closes, even when it is blocked
  writing to its pipe: its output is drained, it is asked to quit, then terminated, then killed.
- A request to ``/ws`` that is not a websocket handshake gets a 400 and one log line; every log line is one line.
- The page is c2c's own (``serve_page``): no font or script from another host, so it works offline.
"""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import sys
from typing import Any
from urllib.parse import urlsplit

import aiohttp_jinja2
import jinja2
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from c2c_tui.tui.follow.origins import HOST_HEADER, is_loopback, origin_key
from c2c_tui.tui.follow.serve_page import INDEX_PAGE, full_page

log = logging.getLogger("c2c.serve")

MAX_WIDTH = 500
MAX_HEIGHT = 200
MAX_MESSAGE = 64 * 1024  # bytes in one message from a browser (aiohttp's default is 4 MiB)
QUIT_GRACE = 1.0  # seconds a viewer's process has to quit when asked, and again after SIGTERM


def clamp_size(width: object, height: object) -> tuple[int, int]:
    """A terminal size a viewer asked for, as whole cells within 1..MAX_WIDTH x 1..MAX_HEIGHT (80x24 if unreadable)."""
    return _clamp(width, 80, MAX_WIDTH), _clamp(height, 24, MAX_HEIGHT)


def _clamp(value: object, default: int, most: int) -> int:
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        number = default
    return max(1, min(most, number))


class FollowAppService(AppService):
    """One viewer's ``c2c follow`` process, run without a shell and always ended by ``stop``."""

    def __init__(self, argv: list[str], **kwargs: Any) -> None:
        super().__init__(" ".join(argv), **kwargs)
        self.argv = argv
        self.closed = False  # the browser has gone: its output is drained and dropped
        self._stopping: asyncio.Task[None] | None = None

    @property
    def pid(self) -> int | None:
        return None if self._process is None else self._process.pid

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Any:
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._build_environment(width=width, height=height),
        )
        self._stdin = process.stdin
        return process

    async def on_data(self, payload: bytes) -> None:
        if not self.closed:
            try:
                await self.remote_write_bytes(payload)
            except ConnectionError:
                self.closed = True  # keep reading, so the process is never blocked on a full pipe

    async def on_meta(self, data: bytes) -> None:
        if not self.closed:
            try:
                await super().on_meta(data)
            except ConnectionError:
                self.closed = True

    async def stop(self) -> None:
        """End the process and wait for it (once, however many callers; a caller's cancellation does not stop it)."""
        self.closed = True
        if self._stopping is None:
            self._stopping = asyncio.ensure_future(self._stop())
        await asyncio.shield(self._stopping)

    async def _stop(self) -> None:
        task, self._task = self._task, None
        process = self._process
        if task is None or process is None:
            return
        await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        try:
            await asyncio.wait_for(self.send_meta({"type": "quit"}), QUIT_GRACE)
        except TimeoutError:
            pass  # its stdin is full: it is not reading; it is ended below
        if not await _exited(process):
            for end in (process.terminate, process.kill):
                try:
                    end()
                except ProcessLookupError:
                    break
                if await _exited(process):
                    break
        await process.wait()  # reaped
        try:
            await asyncio.wait_for(task, QUIT_GRACE)
        except TimeoutError:
            task.cancel()


async def _exited(process: asyncio.subprocess.Process) -> bool:
    try:
        await asyncio.wait_for(process.wait(), QUIT_GRACE)
    except TimeoutError:
        return False
    return True


class FollowServer(Server):
    """textual-serve's Server for ``c2c follow``: c2c's page, start-up lines, origin rule and viewer limit."""

    def __init__(
        self,
        argv: list[str],
        *,
        path_shown: str,
        addresses: list[str],
        public_url: str | None = None,
        origins: frozenset[str] = frozenset(),
        max_viewers: int = 5,
        public: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(" ".join(argv), public_url=public_url, **kwargs)
        self.argv = argv
        self.path_shown = path_shown
        self.addresses = addresses
        self.follow_host = public_url is None  # public: each page points back at the address it came from
        self.default_url = self.public_url
        self.origins = origins
        self.max_viewers = max_viewers
        self.public = public
        self.viewers: dict[FollowAppService, web.WebSocketResponse] = {}

    def initialize_logging(self) -> None:
        """One plain line per event on stderr (textual-serve's handler wraps lines and prints tracebacks with locals)."""
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("c2c serve: %(message)s"))
        logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)

    def serve(self, debug: bool = False) -> None:
        """As textual-serve's, without aiohttp's access log (a line per request; the viewer lines say what matters)."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        for signum in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(signum, self.request_exit)
            except NotImplementedError:  # pragma: no cover - Windows
                pass
        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            handle_signals=False,
            loop=loop,
            access_log=None,
            print=lambda *args: None,
        )

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        aiohttp_jinja2.setup(app, loader=jinja2.DictLoader({"app_index.html": INDEX_PAGE}))
        return app

    async def on_startup(self, app: Any) -> None:
        where = " or ".join(self.addresses)
        self.console.print(
            f"Serving the read-only follow view of {self.path_shown} at {where} "
            f"(at most {self.max_viewers} viewers at once)\nPress Ctrl+C to stop.",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )

    async def on_shutdown(self, app: Any) -> None:
        """Close every viewer's websocket and end its process before the server goes."""
        closing = [ws.close(code=1001, message=b"server stopped") for ws in self.viewers.values()]
        await asyncio.gather(*closing)
        await asyncio.gather(*(service.stop() for service in list(self.viewers)))

    async def handle_index(self, request: Any) -> Any:
        if len(self.viewers) >= self.max_viewers:
            log.warning("page refused: %s", self._full_line())
            return web.Response(status=503, text=full_page(self._full_line()), content_type="text/html")
        if self.follow_host:
            # the page's URLs point back at the address this browser used (no await before they are read)
            good = HOST_HEADER.fullmatch(request.host or "")
            self.public_url = f"{request.scheme}://{request.host}" if good else self.default_url
        return await super().handle_index(request)

    def _full_line(self) -> str:
        return (
            f"{self.max_viewers} of {self.max_viewers} viewers are already watching "
            "(the limit, --max-viewers); try again when one leaves"
        )

    def origin_allowed(self, request: web.Request) -> bool:
        """True for this server's own origin (a loopback address on its port, or with --public the address
        the browser used) and for the --origin ones. No Origin at all is not a browser, so not a page on another site."""
        origin = request.headers.get("Origin")
        if origin is None:
            return True
        key = origin_key(origin)
        if key is None:
            return False
        if key in self.origins:
            return True
        parts = urlsplit(key)
        if parts.scheme == "http" and is_loopback(parts.hostname or "") and parts.port == self.port:
            return True
        return self.public and key == origin_key(f"{request.scheme}://{request.host}")

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]
        """One viewer: checked, given its own follow process, and that process ended when the viewer goes."""
        # a viewer only sends keys and sizes; one that stops answering is dropped within 15 s
        websocket = web.WebSocketResponse(heartbeat=15, timeout=2, max_msg_size=MAX_MESSAGE)
        who = request.remote or "?"
        if not websocket.can_prepare(request).ok:
            log.warning("refused %s %s from %s: not a websocket handshake", request.method, request.path, who)
            return web.Response(
                status=400, text="c2c serve: /ws is the viewers' websocket; open / in a browser\n"
            )
        if not self.origin_allowed(request):
            origin = request.headers.get("Origin", "")
            log.warning(
                "refused a viewer from %s: origin %r is not this server's (allow it with --origin)",
                who,
                origin,
            )
            return web.Response(status=403, text="c2c serve: this page's origin may not watch this session\n")
        if len(self.viewers) >= self.max_viewers:
            log.warning("refused a viewer from %s: %s", who, self._full_line())
            return web.Response(status=503, text=f"c2c serve: {self._full_line()}\n")
        width, height = clamp_size(request.query.get("width", "80"), request.query.get("height", "24"))
        service = FollowAppService(
            self.argv,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
            debug=self.debug,
        )
        self.viewers[service] = websocket  # counted before the first await, so the limit holds
        try:
            await websocket.prepare(request)
            log.info(
                "viewer %d of %d connected (%s, %dx%d)",
                len(self.viewers),
                self.max_viewers,
                who,
                width,
                height,
            )
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except (ConnectionError, OSError) as error:
            log.warning("viewer from %s: %s", who, error)
        finally:
            await service.stop()
            del self.viewers[service]
            await websocket.close()
            log.info("viewer left; %d of %d watching", len(self.viewers), self.max_viewers)
        return websocket

    async def _process_messages(self, websocket: web.WebSocketResponse, app_service: AppService) -> None:
        """The browser's messages to its process; a malformed one is ignored (it is only a viewer)."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
            except ValueError:
                continue
            if not isinstance(envelope, list) or not envelope:
                continue
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str):
                await app_service.send_bytes(data.encode("utf-8", "replace"))
            elif kind == "resize" and isinstance(data, dict):
                await app_service.set_terminal_size(*clamp_size(data.get("width"), data.get("height")))
            elif kind == "ping":
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await app_service.blur()
            elif kind == "focus":
                await app_service.focus()
