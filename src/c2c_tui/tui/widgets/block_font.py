"""A scalable block font for the big clock: 5x7 pixel glyphs drawn with half blocks, a 5-row step, a 3-row
font, plain text.

Pure functions (no widgets): ``fit(text, width, height)`` picks the tallest rendering that fits a box, from
big pixel-scaled glyphs down to Textual's 3x3 digits and finally the plain text, so the clock never clips.
One terminal cell holds two pixels stacked (``▀ ▄ █``); a pixel is ``sx`` cells wide and ``sy`` half-cells tall.
The 5x7 glyphs give 4, 7, 11, 14 ... rows; between 4 and 7 a 3x5 font in whole blocks gives 5 rows (the
run screen's clock at 80x24), so the clock steps down one row at a time where rows are dear.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

GLYPHS: dict[str, tuple[str, ...]] = {
    "0": (" ### ", "#   #", "#   #", "#   #", "#   #", "#   #", " ### "),
    "1": ("  #  ", " ##  ", "# #  ", "  #  ", "  #  ", "  #  ", "#####"),
    "2": (" ### ", "#   #", "    #", "   # ", "  #  ", " #   ", "#####"),
    "3": (" ### ", "#   #", "    #", "  ## ", "    #", "#   #", " ### "),
    "4": ("   # ", "  ## ", " # # ", "#  # ", "#####", "   # ", "   # "),
    "5": ("#####", "#    ", "#### ", "    #", "    #", "#   #", " ### "),
    "6": ("  ## ", " #   ", "#    ", "#### ", "#   #", "#   #", " ### "),
    "7": ("#####", "    #", "   # ", "  #  ", " #   ", " #   ", " #   "),
    "8": (" ### ", "#   #", "#   #", " ### ", "#   #", "#   #", " ### "),
    "9": (" ### ", "#   #", "#   #", " ####", "    #", "   # ", " ##  "),
    ":": (" ", " ", "#", " ", "#", " ", " "),
    "+": ("     ", "  #  ", "  #  ", "#####", "  #  ", "  #  ", "     "),
    "-": ("     ", "     ", "     ", "#####", "     ", "     ", "     "),
    " ": ("  ", "  ", "  ", "  ", "  ", "  ", "  "),
}
GLYPH_ROWS = 7
# 3x5 glyphs, drawn only at 5 rows (one cell per pixel row): the step between the 4- and 7-row clocks
GLYPHS5: dict[str, tuple[str, ...]] = {
    "0": ("###", "# #", "# #", "# #", "###"),
    "1": (" # ", "## ", " # ", " # ", "###"),
    "2": ("###", "  #", "###", "#  ", "###"),
    "3": ("###", "  #", " ##", "  #", "###"),
    "4": ("# #", "# #", "###", "  #", "  #"),
    "5": ("###", "#  ", "###", "  #", "###"),
    "6": ("###", "#  ", "###", "# #", "###"),
    "7": ("###", "  #", "  #", "  #", "  #"),
    "8": ("###", "# #", "###", "# #", "###"),
    "9": ("###", "# #", "###", "  #", "###"),
    ":": (" ", "#", " ", "#", " "),
    "+": ("   ", " # ", "###", " # ", "   "),
    "-": ("   ", "   ", "###", "   ", "   "),
    " ": (" ", " ", " ", " ", " "),
}
FIVE_ROW_SCALES = ((2, 2), (1, 2))  # (sx, sy): square pixels, then narrow ones
HALF_BLOCKS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}
WIDEST_CLOCK = (
    "+88:88"  # the size is chosen for at least this, so the clock keeps its size going into overtime
)


@dataclass(frozen=True)
class Rendering:
    lines: tuple[str, ...]
    kind: str  # "blocks", "small" or "plain"
    scale: tuple[int, int] = (0, 0)
    five: bool = False  # drawn in the 3x5 font

    @property
    def width(self) -> int:
        return max((len(line) for line in self.lines), default=0)

    @property
    def height(self) -> int:
        return len(self.lines)


def _glyph(char: str, five: bool = False) -> tuple[str, ...]:
    glyphs = GLYPHS5 if five else GLYPHS
    return glyphs.get(char, glyphs[" "])


def block_size(text: str, sx: int, sy: int, *, five: bool = False) -> tuple[int, int]:
    """(columns, rows) of ``text`` drawn at pixel scale (sx, sy) (``five``: in the 3x5 font)."""
    pixels = sum(len(_glyph(c, five)[0]) for c in text) + max(len(text) - 1, 0)  # one pixel between glyphs
    return pixels * sx, ((5 if five else GLYPH_ROWS) * sy + 1) // 2


@lru_cache(maxsize=64)
def render_blocks(text: str, sx: int, sy: int, five: bool = False) -> tuple[str, ...]:
    """``text`` as lines of half-block characters, each pixel ``sx`` cells wide and ``sy`` half-cells tall."""
    rows: list[str] = []
    for r in range(5 if five else GLYPH_ROWS):
        row = " ".join(_glyph(c, five)[r] for c in text)
        scaled = "".join(pixel * sx for pixel in row)
        rows.extend([scaled] * sy)
    if len(rows) % 2:
        rows.append(" " * len(rows[0]) if rows else "")
    lines = []
    for top, bottom in zip(rows[0::2], rows[1::2], strict=True):
        lines.append("".join(HALF_BLOCKS[(a == "#", b == "#")] for a, b in zip(top, bottom, strict=True)))
    return tuple(lines)


@lru_cache(maxsize=1)
def _small_glyphs() -> dict[str, tuple[str, str, str]]:
    from textual.renderables.digits import DIGITS, DIGITS3X3_BOLD

    rows = list(DIGITS3X3_BOLD)
    glyphs: dict[str, tuple[str, str, str]] = {}
    for index, char in enumerate(DIGITS):
        if char in GLYPHS:
            glyph = rows[index * 3 : index * 3 + 3]
            glyphs[char] = (glyph[0].ljust(3), glyph[1].ljust(3), glyph[2].ljust(3))
    return glyphs


def render_small(text: str) -> tuple[str, ...]:
    """``text`` in the 3-row font of Textual's Digits widget (3 cells per character)."""
    glyphs = _small_glyphs()
    blank = ("   ", "   ", "   ")
    return tuple("".join(glyphs.get(c, blank)[r] for c in text) for r in range(3))


@lru_cache(maxsize=4)
def scales(max_scale: int = 16) -> tuple[tuple[int, int], ...]:
    """Pixel scales from largest to smallest: taller first, then wider; a pixel is at most twice as tall as wide."""
    found = [(sx, sy) for sx in range(1, max_scale + 1) for sy in range(sx, 2 * sx + 1)]
    return tuple(sorted(found, key=lambda s: ((GLYPH_ROWS * s[1] + 1) // 2, s[0]), reverse=True))


def fit(text: str, width: int, height: int, *, template: str = WIDEST_CLOCK) -> Rendering:
    """The tallest rendering of ``text`` that fits ``width`` x ``height`` cells; plain text at worst."""
    sizing = text if len(text) >= len(template) else template
    scale = _largest_scale(sizing, width, height)
    if scale is not None and block_size(sizing, *scale)[1] >= 7:
        return Rendering(render_blocks(text, *scale), "blocks", scale)
    five = next((s for s in FIVE_ROW_SCALES if _fits(sizing, s, width, height, five=True)), None)
    if five is not None:
        return Rendering(render_blocks(text, *five, five=True), "blocks", five, five=True)
    if scale is not None:
        return Rendering(render_blocks(text, *scale), "blocks", scale)
    if len(sizing) * 3 <= width and height >= 3:
        return Rendering(render_small(text), "small")
    return Rendering((text,), "plain")


@lru_cache(maxsize=32)
def _largest_scale(sizing: str, width: int, height: int) -> tuple[int, int] | None:
    """The largest pixel scale at which ``sizing`` fits (cached: the clock keeps its width every second)."""
    return next((scale for scale in scales() if _fits(sizing, scale, width, height)), None)


def _fits(sizing: str, scale: tuple[int, int], width: int, height: int, *, five: bool = False) -> bool:
    columns, rows = block_size(sizing, *scale, five=five)
    return columns <= width and rows <= height
