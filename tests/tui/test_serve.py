"""`c2c serve`: the follow view over HTTP (textual-serve, the web extra), loopback unless --public.

Servers run as real subprocesses on free ports; every wait is bounded and every server is stopped.
"""

from __future__ import annotations

import asyncio
import shlex
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from c2c_tui.cli import COMMANDS
from c2c_tui.core import store
from c2c_tui.core.model import Session
from c2c_tui.tui.follow.serve import ServeError, follow_command, is_loopback, serve

WIRED = "serve" in COMMANDS  # the CLI command, once wired; until then serve() itself
SERVE_CODE = (
    "import sys\nfrom c2c_tui.tui.follow.serve import ServeError, serve\n"
    "try:\n    sys.exit(serve(sys.argv[1], sys.argv[2], int(sys.argv[3]), public=sys.argv[4] == 'public'))\n"
    "except ServeError as error:\n    sys.exit(f'c2c: {error}')\n"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def session_path(tmp_path: Path) -> Path:
    path = tmp_path / "workshop.toml"
    store.save(path, Session(title="Keeping cool"))
    return path


def start_server(
    path: Path, port: int, *, host: str = "127.0.0.1", public: bool = False
) -> subprocess.Popen[str]:
    if WIRED:
        args = ["-m", "c2c_tui", "serve", str(path), "--host", host, "--port", str(port)]
        args += ["--public"] if public else []
    else:
        args = ["-c", SERVE_CODE, str(path), host, str(port), "public" if public else "loopback"]
    return subprocess.Popen(
        [sys.executable, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def stop(server: subprocess.Popen[str]) -> tuple[str, str]:
    server.terminate()
    try:
        return server.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        return server.communicate(timeout=5)


@pytest.fixture
def running() -> Iterator[list[subprocess.Popen[str]]]:
    """Servers started by a test; all stopped at the end, whatever happens."""
    servers: list[subprocess.Popen[str]] = []
    yield servers
    for server in servers:
        if server.poll() is None:
            stop(server)


def get_page(server: subprocess.Popen[str], url: str, seconds: float = 30.0) -> tuple[int, str, str]:
    """(status, content type, body) of the first answer, waiting (bounded) for the server to listen."""
    began = time.monotonic()
    while time.monotonic() - began < seconds:
        if server.poll() is not None:
            out, err = server.communicate()
            raise AssertionError(f"the server stopped (exit {server.returncode}): {err or out}")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                return answer.status, answer.headers.get("Content-Type", ""), answer.read().decode()
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise AssertionError(f"no answer from {url} within {seconds} s")


def test_serve_answers_on_loopback(session_path: Path, running: list[subprocess.Popen[str]]) -> None:
    port = free_port()
    server = start_server(session_path, port)
    running.append(server)

    status, kind, page = get_page(server, f"http://127.0.0.1:{port}/")

    assert status == 200
    assert kind.startswith("text/html")
    assert "<html" in page.lower()
    assert f"ws://127.0.0.1:{port}/ws" in page  # the browser's terminal connects back here
    assert "c2c follow workshop.toml" in page
    out, err = stop(server)
    assert f"read-only follow view of {session_path}" in out
    assert f"http://127.0.0.1:{port}" in out
    assert "WARNING" not in out + err


def test_public_serving_warns_and_pages_point_back_at_their_address(
    session_path: Path, running: list[subprocess.Popen[str]]
) -> None:
    port = free_port()
    server = start_server(session_path, port, host="0.0.0.0", public=True)
    running.append(server)

    status, _kind, page = get_page(server, f"http://127.0.0.1:{port}/")

    assert status == 200
    assert f"ws://127.0.0.1:{port}/ws" in page  # not ws://0.0.0.0, which no browser can reach
    _out, err = stop(server)
    assert "WARNING" in err
    assert "anyone who can reach this machine" in err


def test_a_non_loopback_address_needs_public(session_path: Path) -> None:
    with pytest.raises(ServeError, match="--public"):
        serve(session_path, "0.0.0.0", free_port())
    with pytest.raises(ServeError, match="--public"):
        serve(session_path, "example.org", free_port())  # a name is never assumed to be loopback


def test_loopback_addresses() -> None:
    assert all(is_loopback(host) for host in ("127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost"))
    assert not any(is_loopback(host) for host in ("0.0.0.0", "::", "192.168.1.4", "example.org", ""))


def test_a_port_in_use_is_one_clear_line(session_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ServeError, match=f"cannot listen on 127.0.0.1:{port}"):
            serve(session_path, "127.0.0.1", port)


def test_without_the_web_extra_the_message_says_how_to_install_it(session_path: Path) -> None:
    code = "import sys\nsys.modules['textual_serve'] = None\n" + SERVE_CODE  # as if not installed
    result = subprocess.run(
        [sys.executable, "-c", code, str(session_path), "127.0.0.1", "8000", "loopback"],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "install the web extra: pip install 'c2c-tui[web]'" in result.stderr
    assert "Traceback" not in result.stderr


def test_each_viewer_runs_the_read_only_follow_command(tmp_path: Path) -> None:
    path = tmp_path / "a folder" / "it's here.toml"
    command = follow_command(path)
    # quoted for the shell textual-serve runs it with: spaces and quotes in the path are safe
    assert shlex.split(command) == [sys.executable, "-m", "c2c_tui", "follow", str(path.absolute())]


@pytest.mark.skipif(
    not WIRED or "follow" not in COMMANDS, reason="needs `c2c follow` and `c2c serve` in the CLI"
)
def test_a_browser_sees_the_view_and_cannot_change_the_session(
    session_path: Path, running: list[subprocess.Popen[str]]
) -> None:
    aiohttp = pytest.importorskip("aiohttp")
    before = {p.name: p.read_bytes() for p in session_path.parent.iterdir()}
    port = free_port()
    server = start_server(session_path, port)
    running.append(server)
    get_page(server, f"http://127.0.0.1:{port}/")

    async def browse() -> str:
        seen = b""
        url = f"http://127.0.0.1:{port}/ws?width=100&height=30"
        async with aiohttp.ClientSession() as client, client.ws_connect(url) as ws:
            began = time.monotonic()
            while b"read-only" not in seen and time.monotonic() - began < 30:
                try:
                    message = await ws.receive(timeout=1)
                except TimeoutError:
                    continue
                if message.type == aiohttp.WSMsgType.BINARY:
                    seen += message.data
                elif message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                    break
            for keys in ("hello\r", "\x1b[15~", "\x1b[6~", "\x13", "a: do it\r"):  # text, F5, PgDn, ctrl+s
                await ws.send_json(["stdin", keys])
            await asyncio.sleep(1.0)  # let the viewer's process handle the keys
        return seen.decode("utf-8", "replace")

    screen = asyncio.run(browse())
    assert "read-only" in screen
    after = {p.name: p.read_bytes() for p in session_path.parent.iterdir()}
    assert after == before  # same bytes, no lock file
