"""The markdown summary (``markdown``), its tables (``parts``) and the HTML page (``html``).

Loaded lazily: the store imports it on the first save, not before the first frame.
"""

from .markdown import render_html, render_markdown

__all__ = ["render_html", "render_markdown"]
