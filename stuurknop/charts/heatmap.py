"""A heat map of scores 0–3: rows (knobs, values) against columns (the parties, the residents).

Drawn by our own code as plain SVG that is safe under a strict Content-Security-Policy
(presentation attributes only, no ``style``, no script, ids prefixed), like the model map.
Every cell shows its score as a number *and* as a shade, so the meaning never rests on colour
alone (WCAG 1.4.1); a cell without a score is white with a dash. The :class:`Chart`'s table has
exactly the figures of the cells.

:func:`divergence_heatmap` draws the engine's :class:`~stuurknop.engine.divergence.Divergence`:
the items with the largest spread on top, one column per party that gave a view (the residents'
aggregated input last), and the spread in a last column.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from stuurknop.charts.chart import Chart, Table
from stuurknop.charts.svg import ID_PREFIX
from stuurknop.charts.xml_text import xml_attribute, xml_escape
from stuurknop.engine.divergence import Divergence
from stuurknop.presentation.reasons import text as reason_text

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
INK = "#1b1b1b"
MUTED = "#595959"  # 7:1 on white
GRID = "#6b6b6b"  # 5.3:1 on white: cell borders are visible (WCAG 1.4.11 asks 3:1)
# (fill, text) per score 0–3, light to dark. The text on every fill has a contrast above 7:1.
SHADES = (
    ("#f3f6f9", INK),
    ("#c6dbef", INK),
    ("#6baed6", INK),
    ("#08519c", "#ffffff"),
)
MAX_SCORE = 3

# Geometry, in viewBox units; the SVG scales to its container.
PAD = 10
ROW_H = 32
COL_W = 112
EXTRA_W = 96
HEADER_LINE = 15
CHAR_W = 7.2  # a generous average width of a 13-unit character, for the label column


def score_text(score: float | None) -> str:
    """``3.0`` → ``3``, ``2.65`` → ``2,7`` (one decimal, halves up, Dutch comma); None → ``–``."""
    if score is None:
        return "–"
    rounded = Decimal(repr(float(score))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    text = f"{rounded:f}".replace(".", ",")
    return text[:-2] if text.endswith(",0") else text


def shade(score: float) -> int:
    """The shade (0–3) of a score: the nearest whole score, halves up, within 0–3."""
    whole = int(Decimal(repr(float(score))).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
    return min(MAX_SCORE, max(0, whole))


def heatmap(
    rows: Sequence[str],
    columns: Sequence[str],
    cells: Sequence[Sequence[float | None]],
    *,
    title: str,
    description: str,
    caption: str,
    id_prefix: str,
    row_heading: str = "Onderwerp",
    extra: tuple[str, Sequence[str]] | None = None,
) -> Chart:
    """A heat map of ``cells`` (one sequence per row, one score 0–3 or None per column).

    ``extra`` is an optional last column of text, drawn unshaded (e.g. the spread per row).
    """
    if not ID_PREFIX.match(id_prefix):
        raise ValueError(f"id_prefix {id_prefix!r} must start with a letter (a-z, 0-9, -, _)")
    if len(cells) != len(rows) or any(len(row) != len(columns) for row in cells):
        raise ValueError("cells must have one row per row label and one score per column")
    if extra is not None and len(extra[1]) != len(rows):
        raise ValueError("the extra column needs one text per row")
    table_rows = tuple(
        (
            label,
            *(score_text(score) for score in row),
            *((extra[1][i],) if extra else ()),
        )
        for i, (label, row) in enumerate(zip(rows, cells, strict=True))
    )
    return Chart(
        title=title,
        description=description,
        svg=_svg(rows, columns, cells, title, description, id_prefix, extra),
        table=Table(
            caption=caption,
            columns=(row_heading, *columns, *((extra[0],) if extra else ())),
            rows=table_rows,
        ),
    )


def divergence_heatmap(result: Divergence, *, id_prefix: str = "verschillen") -> Chart:
    """The scores behind ``result``: largest differences on top, a column per view."""
    items = result.largest
    order = {name: i for i, name in enumerate(result.parties)}
    seen: dict[str, str] = {}  # party id (or the residents' mark) → name, as first met
    for item in items:
        for view in item.views:
            seen.setdefault(view.party, view.name)
    parties = sorted(seen, key=lambda party: (order.get(seen[party], len(order)), seen[party]))
    cells = []
    for item in items:
        scores = {view.party: view.score for view in item.views}
        cells.append([scores.get(party) for party in parties])
    title = "Warmtekaart van de perspectieven: scores per partij, het grootste verschil bovenaan"
    if items:
        widest = items[0]
        finding = (
            f"Het grootste verschil is bij {widest.name}: {reason_text(widest.reason)}. "
            if widest.spread > 0
            else "Alle partijen geven overal dezelfde score. "
        )
    else:
        finding = "Er zijn nog geen onderwerpen waarover twee of meer partijen iets zeggen. "
    description = (
        f"Scores van 0 tot {MAX_SCORE} van {len(parties)} perspectieven op {len(items)} "
        "stuurknoppen en waarden; hoe donkerder het vak, hoe hoger de score, en het getal staat "
        f"in elk vak. {finding}De tabel geeft dezelfde cijfers."
    )
    return heatmap(
        [item.name for item in items],
        [seen[party] for party in parties],
        cells,
        title=title,
        description=description,
        caption=(
            "Scores per partij (0 tot 3; – : geen score gegeven) en de spreiding "
            "(hoogste min laagste), het grootste verschil eerst"
        ),
        id_prefix=id_prefix,
        extra=("Spreiding", [score_text(item.spread) for item in items]),
    )


# --- drawing ---------------------------------------------------------------------------------


def _n(number: float) -> str:
    text = f"{number:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _attrs(**attributes: str | float) -> str:
    parts = []
    for name, value in attributes.items():
        text = _n(value) if isinstance(value, float | int) else value
        parts.append(f"{name.rstrip('_').replace('_', '-')}={xml_attribute(text)}")
    return " ".join(parts)


def _text(
    x: float, y: float, text: str, *, fill: str = INK, anchor: str = "start", bold: bool = False
) -> str:
    weight = ' font-weight="bold"' if bold else ""
    look = _attrs(x=x, y=y, font_size=13, fill=fill, text_anchor=anchor)
    return f"<text {look}{weight}>{xml_escape(text)}</text>"


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _svg(
    rows: Sequence[str],
    columns: Sequence[str],
    cells: Sequence[Sequence[float | None]],
    title: str,
    description: str,
    prefix: str,
    extra: tuple[str, Sequence[str]] | None,
) -> str:
    label_w = PAD + CHAR_W * max((len(r) for r in rows), default=10) + PAD
    headers = [_wrap(c, 14)[:3] for c in (*columns, *((extra[0],) if extra else ()))]
    header_h = HEADER_LINE * max((len(h) for h in headers), default=1) + PAD
    grid_x = label_w
    grid_w = COL_W * len(columns)
    width = grid_x + grid_w + (EXTRA_W if extra else 0) + PAD
    legend_y = header_h + ROW_H * len(rows) + 28
    height = legend_y + 22
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" {_attrs(viewBox=f"0 0 {_n(width)} {height}")} '
        f'role="img" aria-labelledby="{prefix}-title {prefix}-desc" '
        f'preserveAspectRatio="xMinYMin meet" font-family={xml_attribute(FONT)}>',
        f'<title id="{prefix}-title">{xml_escape(title)}</title>',
        f'<desc id="{prefix}-desc">{xml_escape(description)}</desc>',
    ]
    for i, lines in enumerate(headers):
        centre = (
            grid_x + COL_W * i + COL_W / 2 if i < len(columns) else grid_x + grid_w + EXTRA_W / 2
        )
        top = header_h - PAD - HEADER_LINE * (len(lines) - 1) - 3
        for j, line in enumerate(lines):
            parts.append(_text(centre, top + HEADER_LINE * j, line, anchor="middle", bold=True))
    for r, (label, row) in enumerate(zip(rows, cells, strict=True)):
        y = header_h + ROW_H * r
        middle = y + ROW_H / 2 + 4.5
        parts.append(_text(PAD, middle, label))
        for c, score in enumerate(row):
            parts.append(_cell(grid_x + COL_W * c, y, score, f"{label}, {columns[c]}"))
        if extra:
            parts.append(_text(grid_x + grid_w + EXTRA_W / 2, middle, extra[1][r], anchor="middle"))
    parts.extend(_legend(PAD, legend_y))
    parts.append("</svg>")
    return "\n".join(parts)


def _cell(x: float, y: float, score: float | None, name: str) -> str:
    text = score_text(score)
    if score is None:
        fill, ink = "#ffffff", MUTED
    else:
        fill, ink = SHADES[shade(score)]
    rect = _attrs(x=x, y=y, width=COL_W, height=ROW_H, fill=fill, stroke=GRID, stroke_width=1.0)
    tip = f"{name}: {'geen score' if score is None else text}"
    label = _text(x + COL_W / 2, y + ROW_H / 2 + 4.5, text, fill=ink, anchor="middle", bold=True)
    return f"<g><title>{xml_escape(tip)}</title><rect {rect}/>{label}</g>"


def _legend(x: float, y: float) -> list[str]:
    parts = [_text(x, y + 4.5, "Score:")]
    left = x + 52
    for score, (fill, ink) in enumerate(SHADES):
        box = _attrs(x=left, y=y - 10, width=30.0, height=20.0, fill=fill, stroke=GRID)
        parts.append(f"<rect {box}/>")
        parts.append(_text(left + 15, y + 4.5, str(score), fill=ink, anchor="middle", bold=True))
        left += 36
    parts.append(_text(left + 8, y + 4.5, "hoe donkerder, hoe hoger; – : geen score gegeven"))
    return parts
