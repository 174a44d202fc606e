"""Print the HTML summary to PDF in headless Chromium at A4 and Letter, and say what the pages hold.

For each paper size: the page count, the page each section (``##`` heading) starts on, the widest text on
any page against the right margin (from ``pdftotext -bbox``: a table running past the margin shows here),
and any ISO date split over two lines. With ``--images DIR`` each page is also rendered to
``DIR/a4-page-N.png`` / ``DIR/letter-page-N.png`` (``pdftoppm``, grey, ``--dpi``, 60 by default) to look at.

The summary is rendered by whatever ``c2c_tui`` is importable, so the old code prints too:

    python bench/print_pages.py [SESSION] [--images docs/print] [--dpi 60]
    PYTHONPATH=/tmp/old/src python bench/print_pages.py      # the code before a change

Needs ``chromium`` and ``poppler-utils`` (``apt-get install chromium poppler-utils``; ``optipng`` too, to
make the images small). The paper size is
forced by an extra ``@page { size: ... }`` rule, as a reader's print dialog would choose it.
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from c2c_tui.core.model import Session
from c2c_tui.core.store import load
from c2c_tui.core.summary import render_html, render_markdown

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "sessions" / "cooling-valmora.toml"
SIZES = {"a4": ("A4", 210.0), "letter": ("letter", 215.9)}  # CSS size, page width in mm
PT_PER_MM = 72 / 25.4
TOP_MM, BOTTOM_MM = 17.0, 15.0  # styles.PRINT's top and bottom margins
SLACK_MM = 0.5  # a glyph's box may reach this far past the last pixel of ink
MARGIN_MM = 15.0  # the stylesheet's left and right page margins (styles.PRINT)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
_PAGE = re.compile(r"<page width=\"([\d.]+)\" height=\"([\d.]+)\">(.*?)</page>", re.DOTALL)


def need(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        sys.exit(f"print_pages: {tool} is not installed (apt-get install chromium poppler-utils)")
    return found


def print_pdf(page_html: str, size: str, out: Path) -> None:
    sized = page_html.replace("</head>", f"<style>@page {{ size: {size}; }}</style>\n</head>", 1)
    source = out.with_suffix(".html")
    source.write_text(sized, encoding="utf-8")
    subprocess.run(
        [
            need("chromium"),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            source.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )


Word = tuple[float, float, float, float, str]  # xMin, xMax, yMin, height, text


def pages_of(pdf: Path) -> list[tuple[float, float, list[Word]]]:
    """Each page as (width, height in pt, its words)."""
    out = subprocess.run(
        [need("pdftotext"), "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = []
    for width, height, body in _PAGE.findall(out):
        words = [
            (float(a), float(c), float(b), float(d) - float(b), html.unescape(t))
            for a, b, c, d, t in _WORD.findall(body)
        ]
        pages.append((float(width), float(height), words))
    return pages


def headings_of(words: list[Word], body: float) -> list[str]:
    """The lines of a page set larger than the body text (the section headings and the title)."""
    rows: dict[int, list[tuple[float, str]]] = {}
    for x0, _x1, y, height, text in words:
        if height > body * 1.2:
            rows.setdefault(round(y), []).append((x0, text))
    return [" ".join(t for _, t in sorted(row)) for _, row in sorted(rows.items())]


def section_titles(markdown: str) -> list[str]:
    return [line[3:].strip() for line in markdown.splitlines() if line.startswith("## ")]


def ink_past_margin(pdf: Path, dpi: int = 50) -> list[tuple[int, float]]:
    """(page, mm) for each page with ink (a table border, a glyph) between the right margin and the edge,
    inside the page area: rendered to grey PGM, read here (no image library needed)."""
    out = []
    with tempfile.TemporaryDirectory(prefix="c2c-ink-") as tmp:
        subprocess.run([need("pdftoppm"), "-r", str(dpi), "-gray", str(pdf), f"{tmp}/p"], check=True)
        for pgm in sorted(Path(tmp).glob("p-*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[1])):
            data = pgm.read_bytes()
            _magic, w, h, _max, pixels = data.split(maxsplit=4)
            width, height = int(w), int(h)
            edge = round((width / dpi * 25.4 - MARGIN_MM + SLACK_MM) / 25.4 * dpi)
            rows = range(round(TOP_MM / 25.4 * dpi), height - round(BOTTOM_MM / 25.4 * dpi))
            inked = [x for y in rows for x in range(edge, width) if pixels[y * width + x] < 160]
            if inked:
                out.append((int(pgm.stem.rsplit("-", 1)[1]), (max(inked) - edge) / dpi * 25.4 + SLACK_MM))
    return out


def report(name: str, pdf: Path, titles: list[str]) -> None:
    pages = pages_of(pdf)
    print(f"{name}: {len(pages)} pages")
    heights = sorted(w[3] for _, _, words in pages for w in words)
    body = heights[len(heights) // 2] if heights else 0.0
    starts: dict[str, int] = {}
    widest, widest_word = 0.0, ""
    split_dates = []
    for number, (width, height, words) in enumerate(pages, start=1):
        big = headings_of(words, body)
        for title in titles:
            if title not in starts and any(line.startswith(title) for line in big):
                starts[title] = number
        margin_pt = width - MARGIN_MM * PT_PER_MM
        top, bottom = TOP_MM * PT_PER_MM, height - BOTTOM_MM * PT_PER_MM
        for w in words:  # the page area only: the running head and page number sit in the margins
            if top <= w[2] <= bottom and w[1] - margin_pt > widest:
                widest, widest_word = w[1] - margin_pt, f"p{number} {w[4]!r}"
        split_dates += [f"p{number}: {w[4]}" for w in words if re.fullmatch(r"\d{4}-(\d{2}-)?", w[4])]
    for title in titles:
        print(f"  p{starts.get(title, '?')}  {title}")
    if widest / PT_PER_MM > SLACK_MM:
        beyond = f"{widest / PT_PER_MM:.1f} mm past the right margin ({widest_word})"
    else:
        beyond = "inside the right margin"
    print(f"  widest text: {beyond}")
    print(f"  body text: {body:.1f} pt high (Chromium shrinks every page when one is too wide)")
    ink = ink_past_margin(pdf)
    if ink:
        print("  ink past the right margin: " + ", ".join(f"p{n} up to {mm:.1f} mm" for n, mm in ink))
    else:
        print("  ink past the right margin: none")
    print(f"  dates split over lines: {', '.join(split_dates) if split_dates else 'none'}")


def stress(session: Session) -> None:
    """Cells no browser can wrap at a space: a long URL, a name without spaces, a long team name."""
    url = "https://valmora.example/heat/" + "cooling_centre_footfall_2026_" * 4 + "report.pdf"
    session.options[0].title += " " + url
    session.actions[0].text += " " + url
    session.actions[1].owner = "maria.okafor@community-resilience.valmora.example"
    session.teams[0].name = "ValmoraCityCouncilCommunityResilienceAndEmergencyPlanning"


def squeeze(pngs: list[Path]) -> None:
    """Make the page images small enough to commit (``optipng``, when installed: grey, about 40 KB a page)."""
    optipng = shutil.which("optipng")
    if optipng and pngs:
        subprocess.run([optipng, "-quiet", "-o2", *map(str, pngs)], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("session", nargs="?", type=Path, default=EXAMPLE)
    parser.add_argument("--images", type=Path, help="write each page as a PNG into this folder")
    parser.add_argument("--dpi", type=int, default=60)
    parser.add_argument("--stress", action="store_true", help="long unbroken words in the tables' cells")
    args = parser.parse_args()
    session = load(args.session)
    if args.stress:
        stress(session)
    page_html = render_html(session)
    titles = section_titles(render_markdown(session))
    with tempfile.TemporaryDirectory(prefix="c2c-print-") as tmp:
        for name, (size, _width) in SIZES.items():
            pdf = Path(tmp) / f"{name}.pdf"
            print_pdf(page_html, size, pdf)
            report(name, pdf, titles)
            if args.images:
                args.images.mkdir(parents=True, exist_ok=True)
                for old in args.images.glob(f"{name}-page-*.png"):
                    old.unlink()
                prefix = args.images / f"{name}-page"
                subprocess.run(
                    [need("pdftoppm"), "-r", str(args.dpi), "-gray", "-png", str(pdf), str(prefix)],
                    check=True,
                )
                for png in sorted(args.images.glob(f"{name}-page-*.png")):  # pdftoppm pads: -01, -1
                    number = int(png.stem.rsplit("-", 1)[1])
                    png.rename(args.images / f"{name}-page-{number}.png")
                squeeze(sorted(args.images.glob(f"{name}-page-*.png")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
