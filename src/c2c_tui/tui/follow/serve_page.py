"""The pages ``c2c serve`` sends: the viewer page (a Jinja template for textual-serve) and the "full" page.

Both are self-contained apart from textual-serve's own static files on this server: no font, script or
image from another host, so a viewer works with no network. The terminal's font is Roboto Mono from
textual-serve's ``static/fonts`` (the family textual.js asks for), then the system's monospace fonts.
"""

from __future__ import annotations

import html

_STYLE = """
      @font-face {
        font-family: "Roboto Mono";
        src: url("{{ config.static.url }}fonts/RobotoMono-VariableFont_wght.ttf") format("truetype");
        font-weight: 100 700;
        font-style: normal;
      }
      @font-face {
        font-family: "Roboto Mono";
        src: url("{{ config.static.url }}fonts/RobotoMono-Italic-VariableFont_wght.ttf") format("truetype");
        font-weight: 100 700;
        font-style: italic;
      }
      body { background: #0c181f; margin: 0; }
      .dialog-container {
        position: absolute; width: 100vw; height: 100vh; z-index: 10;
        display: flex; align-items: center; justify-content: center;
      }
      .shade { position: absolute; width: 100%; height: 100%; background: #0c181f; }
      .intro {
        width: 640px; min-height: 200px; margin: 32px; padding: 16px; z-index: 20;
        display: flex; flex-direction: column; align-items: center; justify-content: center;
        font: 16px "Roboto Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace;
        text-align: center; color: rgba(255, 255, 255, 0.95); background-color: #12232d;
      }
      body.-first-byte .intro-dialog, body.-first-byte .intro-dialog .shade { display: none; }
      body .textual-terminal { opacity: 0; transition: opacity 0.3s ease-out; }
      body.-first-byte .textual-terminal { opacity: 1; }
      body button {
        padding: 16px 32px; margin: 16px; border: none; display: block;
        background-color: #5e0ba7; color: rgba(255, 255, 255, 0.95); font: inherit;
      }
      button:hover { background: #ac5af4; cursor: pointer; }
      .closed-dialog { display: none; }
      body.-closed .closed-dialog { display: flex; }
      #start { display: none; }
      #start.-delay { display: flex; }
"""

INDEX_PAGE = (
    """<!DOCTYPE html>
<html>
  <head>
    <meta charset="utf-8" />
    <title>{{ application.name }}</title>
    <link rel="stylesheet" href="{{ config.static.url }}css/xterm.css" />
    <script src="{{ config.static.url }}js/textual.js"></script>
    <style>"""
    + _STYLE
    + """    </style>
    <script>
      function refresh() {
        const params = new URLSearchParams(window.location.search);
        params.delete("delay");
        window.location.href = window.location.pathname + "?" + params.toString();
      }
    </script>
  </head>
  <body>
    <div class="dialog-container intro-dialog">
      <div class="shade"></div>
      <div class="intro">
        <div>{{ application.name }}</div>
        <button type="button" onClick="refresh()" id="start">Start</button>
      </div>
    </div>
    <div class="dialog-container closed-dialog">
      <div class="shade"></div>
      <div class="intro">
        <div class="message">The view has closed: the session server stopped, or it already has
          as many viewers as it allows.</div>
        <button type="button" onClick="refresh()">Reconnect</button>
      </div>
    </div>
    <div
      id="terminal"
      class="textual-terminal"
      data-session-websocket-url="{{ app_websocket_url }}"
      data-font-size="{{ font_size }}"
    ></div>
  </body>
</html>
"""
)


def full_page(line: str) -> str:
    """The page a browser gets when the server already has all the viewers it allows."""
    text = html.escape(line)
    return f"""<!DOCTYPE html>
<html>
  <head>
    <meta charset="utf-8" />
    <title>c2c serve: no room for another viewer</title>
    <style>
      body {{ background: #0c181f; color: rgba(255, 255, 255, 0.95); margin: 10vh 10vw;
        font: 20px Menlo, Consolas, "DejaVu Sans Mono", monospace; }}
    </style>
  </head>
  <body>
    <h1>No room for another viewer</h1>
    <p>{text}.</p>
    <p><a href="" style="color: #ac5af4">Try again</a></p>
  </body>
</html>
"""
