"""`c2c serve` under attack and load (issue 10 §6): origin rule, viewer limit, size bound and process
clean-up, a plain GET /ws, and a page that needs no network.

Each test runs a real server (`python -m c2c_tui serve`) on a free loopback port, its output in a file;
every wait is bounded and the server is stopped at the end, whatever happens.
"""

from __future__ import annotations

import asyncio
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytest.importorskip("textual_serve")
aiohttp = pytest.importorskip("aiohttp")

from c2c_tui.core import store
from c2c_tui.core.model import Session
from c2c_tui.tui.follow.serve import ServeError, serve

EVIL = "http://evil.example"


class Served:
    """A `c2c serve` subprocess on a free loopback port; its stdout and stderr go to one log file."""

    def __init__(self, path: Path, log: Path, *flags: str) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = int(probe.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log
        command = [sys.executable, "-m", "c2c_tui", "serve", str(path), "--host", "127.0.0.1"]
        with log.open("wb") as out:
            self.process = subprocess.Popen(
                [*command, "--port", str(self.port), *flags], stdout=out, stderr=subprocess.STDOUT
            )
        self.wait_for(self._listening, "the server listens", 30)

    def _listening(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"the server stopped (exit {self.process.returncode}): {self.log()}")
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return True
        except OSError:
            return False

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_for(self, done: Callable[[], object], what: str, seconds: float = 10.0) -> None:
        began = time.monotonic()
        while not done():
            if time.monotonic() - began > seconds:
                raise AssertionError(
                    f"not within {seconds} s: {what}\n--- server log ---\n{self.log()[-3000:]}"
                )
            time.sleep(0.05)

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, str, str]:
        request = urllib.request.Request(self.url + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return answer.status, answer.headers.get("Content-Type", ""), answer.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Content-Type", ""), error.read().decode()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def descendants(pid: int) -> list[int]:
    """Processes below ``pid`` (zombies included: a child not reaped is still there)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(text[text.rindex(")") + 2 :].split()[1])
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        children = [child for child, up in parents.items() if up == parent]
        found += children
        frontier += children
    return found


def environment(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes()
    return dict(item.split("=", 1) for item in raw.decode(errors="replace").split("\0") if "=" in item)


@pytest.fixture
def session_path(tmp_path: Path) -> Path:
    path = tmp_path / "workshop.toml"
    store.save(path, Session(title="Keeping cool"))
    return path


@pytest.fixture
def start(session_path: Path, tmp_path: Path) -> Iterator[Callable[..., Served]]:
    servers: list[Served] = []

    def starting(*flags: str) -> Served:
        servers.append(Served(session_path, tmp_path / f"serve{len(servers)}.log", *flags))
        return servers[-1]

    yield starting
    for server in servers:
        server.stop()


async def handshake(url: str, **options: object) -> int:
    """The HTTP status a websocket handshake gets (101 when it is accepted; then closed at once)."""
    async with aiohttp.ClientSession() as client:
        try:
            async with client.ws_connect(url, **options) as ws:  # type: ignore[arg-type]
                await ws.close()
                return 101
        except aiohttp.WSServerHandshakeError as error:
            return error.status


def test_a_page_on_another_site_cannot_watch(start: Callable[..., Served]) -> None:
    server = start()
    ws = f"ws://127.0.0.1:{server.port}/ws?width=80&height=24"

    assert asyncio.run(handshake(ws, origin=EVIL)) == 403
    assert asyncio.run(handshake(ws, origin="null")) == 403  # a sandboxed frame or a file:// page
    rebinding = f"http://evil.example:{server.port}"  # a name that resolves to 127.0.0.1: its own Host
    assert (
        asyncio.run(handshake(ws, origin=rebinding, headers={"Host": f"evil.example:{server.port}"})) == 403
    )
    assert asyncio.run(handshake(ws, origin=f"http://localhost:{server.port + 1}")) == 403  # another port
    assert asyncio.run(handshake(ws, origin=server.url)) == 101  # the page this server sent
    assert "origin 'http://evil.example' is not this server's" in server.log()


def test_an_origin_given_on_the_command_line_is_accepted(start: Callable[..., Served]) -> None:
    server = start("--origin", "HTTPS://Wall.Example.org/")
    ws = f"ws://127.0.0.1:{server.port}/ws"

    assert asyncio.run(handshake(ws, origin="https://wall.example.org")) == 101
    assert asyncio.run(handshake(ws, origin="http://wall.example.org")) == 403


def test_past_the_viewer_limit_the_next_viewer_is_told_why(start: Callable[..., Served]) -> None:
    server = start("--max-viewers", "1")
    ws = f"ws://127.0.0.1:{server.port}/ws?width=80&height=24"

    async def two_viewers() -> tuple[int, tuple[int, str, str]]:
        async with aiohttp.ClientSession() as client, client.ws_connect(ws, origin=server.url):
            await asyncio.to_thread(
                server.wait_for, lambda: "viewer 1 of 1 connected" in server.log(), "viewer 1"
            )
            second = await handshake(ws, origin=server.url)
            page = await asyncio.to_thread(server.get, "/")
            return second, page

    second, (status, kind, page) = asyncio.run(two_viewers())

    assert second == 503
    assert status == 503 and kind.startswith("text/html")
    assert "No room for another viewer" in page and "1 of 1 viewers are already watching" in page
    server.wait_for(lambda: "viewer left; 0 of 1 watching" in server.log(), "the first viewer leaves")
    assert server.get("/")[0] == 200  # its place is free again


def test_a_huge_viewer_is_bounded_and_its_process_ends_when_it_leaves(start: Callable[..., Served]) -> None:
    server = start()
    ws = f"ws://127.0.0.1:{server.port}/ws?width=2000&height=2000"
    sizes: list[tuple[str, str]] = []

    async def huge_viewer() -> None:
        async with aiohttp.ClientSession() as client:
            ws_connection = await client.ws_connect(ws, origin=server.url)
            await asyncio.to_thread(
                server.wait_for, lambda: descendants(server.process.pid), "a follow process"
            )
            follow = descendants(server.process.pid)[0]
            env = environment(follow)
            sizes.append((env.get("COLUMNS", ""), env.get("ROWS", "")))
            for step in range(10):  # each a new frame of millions of cells, were it not bounded
                await ws_connection.send_json(["resize", {"width": 2000 - step, "height": 2000 - step}])
            await asyncio.sleep(3)  # it renders for the browser, which reads none of it
        # leaving the session closes its connections: the browser tab goes away, no closing handshake

    asyncio.run(huge_viewer())

    server.wait_for(lambda: not descendants(server.process.pid), "the viewer's follow process is gone", 8)
    assert sizes == [("500", "200")]
    assert "viewer left; 0 of 5 watching" in server.log()


STUBBORN = """
import signal, sys
signal.signal(signal.SIGTERM, signal.SIG_IGN)
out = sys.stdout.buffer
out.write(b"__GANGLION__\\n")
while True:
    out.write(b"D" + (65536).to_bytes(4, "big") + b"x" * 65536)
"""


def test_a_viewer_process_that_ignores_quit_and_sigterm_is_killed_and_reaped() -> None:
    """Never reads its stdin, ignores SIGTERM, writes without end to a browser that has gone."""
    from textual_serve.download_manager import DownloadManager

    from c2c_tui.tui.follow.serve_server import FollowAppService

    async def gone(_data: object) -> None:
        raise ConnectionResetError("the browser has gone")

    async def nothing() -> None:
        return None

    async def run_and_stop() -> tuple[int | None, float]:
        service = FollowAppService(
            [sys.executable, "-c", STUBBORN],
            write_bytes=gone,
            write_str=gone,
            close=nothing,
            download_manager=DownloadManager(),
        )
        await service.start(80, 24)
        await asyncio.sleep(0.5)  # it is writing; the first write to the browser failed
        began = time.monotonic()
        await asyncio.wait_for(service.stop(), 15)
        assert service._process is not None
        return service._process.returncode, time.monotonic() - began

    returncode, seconds = asyncio.run(run_and_stop())

    assert returncode == -signal.SIGKILL  # reaped: its exit status was collected
    assert seconds < 8  # asked to quit, then SIGTERM, then SIGKILL: about 1 s each


def test_a_plain_get_of_the_websocket_is_one_line(start: Callable[..., Served]) -> None:
    server = start()
    server.wait_for(lambda: "Press Ctrl+C to stop." in server.log(), "the start-up lines")

    status, _kind, body = server.get("/ws")
    server.stop()

    assert status == 400
    assert "websocket" in body
    after_start = server.log().split("Press Ctrl+C to stop.", 1)[1].strip().splitlines()
    assert len(after_start) == 1, after_start[:5]
    assert "GET /ws" in after_start[0]


FOREIGN = re.compile(r"https?://(?!127\.0\.0\.1:\d+/)[^\s\"'()<>]+", re.IGNORECASE)
REFERENCE = re.compile(r"""(?:href|src)\s*=\s*["']([^"']+)["']|url\(\s*["']?([^"')]+)["']?\s*\)""")


def test_the_page_needs_no_other_host(start: Callable[..., Served]) -> None:
    server = start()
    status, _kind, page = server.get("/")
    assert status == 200
    assert FOREIGN.findall(page) == []

    fetched: dict[str, str] = {}
    to_fetch = [ref for pair in REFERENCE.findall(page) for ref in pair if ref]
    while to_fetch:
        ref = to_fetch.pop()
        path = ref.removeprefix(server.url)
        if path in fetched or not path.startswith("/"):
            continue
        with urllib.request.urlopen(server.url + path, timeout=10) as answer:
            assert answer.status == 200, path
            body = answer.read()
        fetched[path] = body.decode("utf-8", "replace") if not path.endswith(".ttf") else ""
        if path.endswith(".css"):
            text = re.sub(r"/\*.*?\*/", "", fetched[path], flags=re.DOTALL)  # comments are never fetched
            assert FOREIGN.findall(text) == [], path
            to_fetch += [ref for pair in REFERENCE.findall(text) for ref in pair if ref]
        elif path.endswith(".js"):
            assert FOREIGN.findall(fetched[path]) == [], path

    assert any(path.endswith("RobotoMono-VariableFont_wght.ttf") for path in fetched)  # the font is ours
    assert any(path.endswith("textual.js") for path in fetched)


def test_flags_are_checked_in_one_line(session_path: Path) -> None:
    with pytest.raises(ServeError, match=r"--max-viewers 0: allow at least 1 viewer"):
        serve(session_path, "127.0.0.1", 8000, max_viewers=0)
    with pytest.raises(ServeError, match=r"--origin 'wall.example.org': give it as http://host"):
        serve(session_path, "127.0.0.1", 8000, origins=["wall.example.org"])


def test_sizes_are_clamped() -> None:
    from c2c_tui.tui.follow.serve_server import MAX_HEIGHT, MAX_WIDTH, clamp_size

    assert clamp_size("2000", "2000") == (MAX_WIDTH, MAX_HEIGHT) == (500, 200)
    assert clamp_size(-5, 0) == (1, 1)
    assert clamp_size("wide", None) == (80, 24)
    assert clamp_size(1e400, 120.0) == (80, 120)
