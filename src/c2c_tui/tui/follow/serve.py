"""``c2c serve PATH``: the follow view in web browsers, through textual-serve (the optional ``web`` extra).

Every browser that opens the page gets its own ``c2c follow PATH`` process: the read-only display, which
never writes the file nor takes its lock, so nothing a viewer types reaches the session. The server
listens on loopback unless ``public=True`` (``--public``), and then says that anyone who can reach this
machine on that port can watch. It accepts a viewer only from its own origin (or one given with
``--origin``) and at most ``max_viewers`` at once; the guards themselves are in ``serve_server``.
"""

from __future__ import annotations

import os
import shlex
import socket
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from c2c_tui.tui.follow.origins import is_loopback, origin_key

WEB_EXTRA = "pip install 'c2c-tui[web]'"
DEFAULT_MAX_VIEWERS = 5


class ServeError(Exception):
    """A reason ``c2c serve`` cannot start, as one line."""


class WebExtraMissing(ServeError):
    def __init__(self) -> None:
        super().__init__(f"c2c serve needs textual-serve: install the web extra: {WEB_EXTRA}")


def url_for(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}"


def origin_keys(origins: Iterable[str]) -> frozenset[str]:
    """The ``--origin`` values, checked: ServeError for one that is not ``http(s)://host[:port]``."""
    keys = set()
    for origin in origins:
        key = origin_key(origin)
        if key is None:
            raise ServeError(f"--origin {origin!r}: give it as http://host[:port] or https://host[:port]")
        keys.add(key)
    return frozenset(keys)


def follow_argv(path: str | os.PathLike[str]) -> list[str]:
    """What each browser's session runs: this Python, ``-m c2c_tui follow PATH``."""
    return [sys.executable, "-m", "c2c_tui", "follow", os.path.abspath(path)]


def follow_command(path: str | os.PathLike[str]) -> str:
    """``follow_argv`` as one shell command (what the textual-serve title and logs show)."""
    parts = follow_argv(path)
    if os.name == "nt":  # pragma: no cover - cmd.exe quoting
        return subprocess.list2cmdline(parts)
    return " ".join(shlex.quote(part) for part in parts)


def serve(
    path: str | os.PathLike[str],
    host: str | None = None,
    port: int = 8000,
    public: bool = False,
    *,
    origins: Iterable[str] = (),
    max_viewers: int = DEFAULT_MAX_VIEWERS,
) -> int:
    """Serve the follow view of ``path`` until Ctrl+C (or SIGTERM). ServeError when it cannot start.

    ``host`` defaults to 127.0.0.1, or to every address (0.0.0.0) with ``public=True``. A host that is not
    loopback needs ``public=True``. A browser's websocket is accepted from this server's own origin and
    from ``origins`` only, and from at most ``max_viewers`` viewers at once.
    """
    if host is None:
        host = "0.0.0.0" if public else "127.0.0.1"
    server_class = _server_class()
    if not public and not is_loopback(host):
        raise ServeError(
            f"{host} is not a loopback address: anyone on that network could watch the session; "
            "add --public if that is what you want"
        )
    if not 1 <= port <= 65535:
        raise ServeError(f"port {port}: choose a port from 1 to 65535")
    if max_viewers < 1:
        raise ServeError(f"--max-viewers {max_viewers}: allow at least 1 viewer")
    allowed = origin_keys(origins)
    _check_can_listen(host, port)
    shown = Path(path)
    if not shown.exists():
        print(f"note: {shown} does not exist yet; viewers will see the display wait for it", file=sys.stderr)
    if public:
        print(
            f"WARNING: serving on {host}:{port}: anyone who can reach this machine on port {port} can watch "
            "this session (read-only).",
            file=sys.stderr,
        )
    server = server_class(
        follow_argv(path),
        host=host,
        port=port,
        title=f"c2c follow {shown.name}",
        public_url=None if public else url_for(host, port),
        path_shown=str(shown),
        addresses=_addresses(host, port) if public else [url_for(host, port)],
        origins=allowed,
        max_viewers=max_viewers,
        public=public,
    )
    try:
        server.serve()
    except OSError as error:
        raise ServeError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    return 0


def _server_class() -> Any:
    """The textual-serve Server with c2c's guards (``serve_server``); WebExtraMissing without the extra."""
    try:
        from c2c_tui.tui.follow.serve_server import FollowServer
    except ImportError:
        raise WebExtraMissing() from None
    return FollowServer


def _check_can_listen(host: str, port: int) -> None:
    """Bind and release the address first, so a port in use is one clear line before anything starts."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as error:
        raise ServeError(f"cannot listen on {host}: {error.strerror or error}") from None
    family, kind, proto, _name, address = infos[0]
    try:
        with socket.socket(family, kind, proto) as probe:
            if os.name != "nt":
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as aiohttp does
            probe.bind(address)
    except OSError as error:
        raise ServeError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None


def _addresses(host: str, port: int) -> list[str]:
    """Addresses to tell people, for a public bind (0.0.0.0 itself is not one a browser can open)."""
    if host not in ("0.0.0.0", "::", ""):
        return [url_for(host, port)]
    found = [url_for(socket.gethostname(), port)]
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the outgoing interface
            found.append(url_for(probe.getsockname()[0], port))
    except OSError:
        pass
    return found


__all__ = [
    "DEFAULT_MAX_VIEWERS",
    "ServeError",
    "WebExtraMissing",
    "follow_argv",
    "follow_command",
    "is_loopback",
    "origin_key",
    "serve",
]
