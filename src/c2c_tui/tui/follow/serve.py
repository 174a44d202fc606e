"""``c2c serve PATH``: the follow view in web browsers, through textual-serve (the optional ``web`` extra).

Every browser that opens the page gets its own ``c2c follow PATH`` process: the read-only display, which
never writes the file nor takes its lock, so nothing a viewer types reaches the session. The server
listens on loopback unless ``public=True`` (``--public``), and then says that anyone who can reach this
machine on that port can watch.
"""

from __future__ import annotations

import ipaddress
import os
import re
import shlex
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

WEB_EXTRA = "pip install 'c2c-tui[web]'"
LOCALHOST_NAMES = ("localhost",)
_HOST_HEADER = re.compile(r"[A-Za-z0-9.\-]+(:\d{1,5})?|\[[0-9A-Fa-f:.]+\](:\d{1,5})?")


class ServeError(Exception):
    """A reason ``c2c serve`` cannot start, as one line."""


class WebExtraMissing(ServeError):
    def __init__(self) -> None:
        super().__init__(f"c2c serve needs textual-serve: install the web extra: {WEB_EXTRA}")


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1); a name is never trusted to be one."""
    if host.lower() in LOCALHOST_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def url_for(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}"


def follow_command(path: str | os.PathLike[str]) -> str:
    """The shell command each browser's session runs: this Python, ``-m c2c_tui follow PATH``."""
    parts = [sys.executable, "-m", "c2c_tui", "follow", os.path.abspath(path)]
    if os.name == "nt":  # pragma: no cover - cmd.exe quoting
        return subprocess.list2cmdline(parts)
    return " ".join(shlex.quote(part) for part in parts)


def serve(
    path: str | os.PathLike[str], host: str | None = None, port: int = 8000, public: bool = False
) -> int:
    """Serve the follow view of ``path`` until Ctrl+C (or SIGTERM). ServeError when it cannot start.

    ``host`` defaults to 127.0.0.1, or to every address (0.0.0.0) with ``public=True``. A host that is not
    loopback needs ``public=True``.
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
        follow_command(path),
        host=host,
        port=port,
        title=f"c2c follow {shown.name}",
        public_url=None if public else url_for(host, port),
        path_shown=str(shown),
        addresses=_addresses(host, port) if public else [url_for(host, port)],
    )
    try:
        server.serve()
    except OSError as error:
        raise ServeError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    return 0


def _server_class() -> Any:
    """The textual-serve Server with c2c's start-up lines and URLs that follow the browser's address."""
    try:
        from textual_serve.server import Server
    except ImportError:
        raise WebExtraMissing() from None

    class FollowServer(Server):  # type: ignore[misc, valid-type]
        def __init__(
            self,
            command: str,
            *,
            path_shown: str,
            addresses: list[str],
            public_url: str | None = None,
            **kwargs: Any,
        ) -> None:
            super().__init__(command, public_url=public_url, **kwargs)
            self.path_shown = path_shown
            self.addresses = addresses
            self.follow_host = public_url is None  # public: each page points back at the address it came from
            self.default_url = self.public_url

        async def on_startup(self, app: Any) -> None:
            where = " or ".join(self.addresses)
            self.console.print(
                f"Serving the read-only follow view of {self.path_shown} at {where}\nPress Ctrl+C to stop.",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )

        async def handle_index(self, request: Any) -> Any:
            if self.follow_host:
                # the page's URLs point back at the address this browser used (no await before they are read)
                good = _HOST_HEADER.fullmatch(request.host or "")
                self.public_url = f"{request.scheme}://{request.host}" if good else self.default_url
            return await super().handle_index(request)

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


__all__ = ["ServeError", "WebExtraMissing", "follow_command", "is_loopback", "serve"]
