"""Who may watch ``c2c serve``: loopback addresses and browser origins, as plain rules (the server and the
command both ask)."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

LOCALHOST_NAMES = ("localhost",)
DEFAULT_PORTS = {"http": 80, "https": 443}
HOST_HEADER = re.compile(r"[A-Za-z0-9.\-]+(:\d{1,5})?|\[[0-9A-Fa-f:.]+\](:\d{1,5})?")


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1); a name is never trusted to be one."""
    if host.lower() in LOCALHOST_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def origin_key(text: str) -> str | None:
    """``scheme://host[:port]`` as a browser sends it in ``Origin`` (lower case, no default port), or None."""
    try:
        parts = urlsplit(text.strip())
        port = parts.port
    except ValueError:
        return None
    host = parts.hostname
    if parts.scheme.lower() not in DEFAULT_PORTS or not host or parts.path not in ("", "/"):
        return None
    if parts.query or parts.fragment or parts.username is not None:
        return None
    scheme = parts.scheme.lower()
    shown = f"[{host}]" if ":" in host else host
    return f"{scheme}://{shown}" if port in (None, DEFAULT_PORTS[scheme]) else f"{scheme}://{shown}:{port}"
