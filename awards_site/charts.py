"""Small SVG charts drawn by hand, the site's one way to draw a chart: horizontal bars, stacked
bars and a pie for the sponsors' PDF summary (cms/reports/summary_pdf.py), columns over time for
the admin's reach report (awards_site/reach/report.py).

Each function returns the markup of one inline <svg> (a SafeString, every text escaped) with
role="img", a <title> and a <desc> that gives every figure in words, so the chart reads
without seeing it. Sizes are in CSS pixels; WeasyPrint draws inline SVG with the document's
fonts. No JavaScript, no external file.
"""

import math

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from awards_site.pdf.fonts import SANS_STACK

# Dark enough for white text and for bars on white (contrast >= 4.5:1 against white).
PALETTE = ["#0B5D3B", "#A8461F", "#3E4C7C", "#7A5A00", "#7D2F5E", "#1F6782", "#4F6B12", "#555555"]
# The PDF's sans-serif families, every script's font included (awards_site/pdf/fonts.py).
_STACK = SANS_STACK.replace('"', "'")
FONT = f'font-family="{_STACK}"'
LABEL_CHARS = 34


def _short(label, limit=LABEL_CHARS):
    label = str(label)
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _number(value):
    return number_format(value, force_grouping=True)


def _svg(chart_id, title, description, width, height, body):
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
        f"{body}</svg>"
    )


def _describe(rows):
    pairs = [
        _("%(label)s: %(value)s") % {"label": label, "value": _number(value)}
        for label, value in rows
    ]
    return pgettext("between the items of a list", "; ").join(pairs) or _("None yet.")


def top_rows(rows, limit, other_label):
    """The first `limit - 1` rows and one "other" row that adds up the rest, when there are
    more than `limit`."""
    rows = list(rows)
    if len(rows) <= limit:
        return rows
    rest = sum(value for _label, value in rows[limit - 1 :])
    return [*rows[: limit - 1], (other_label, rest)]


def bar_chart(
    chart_id, title, rows, width=500, label_width=200, bar_height=14, gap=6, muted_label=None
):
    """Horizontal bars, one per (label, value) row, the value at the end of each bar; the row
    labelled `muted_label` (an "other" row) in grey."""
    rows = list(rows)
    top = 4
    height = top + len(rows) * (bar_height + gap) + 4
    area = width - label_width - 50
    largest = max((value for _label, value in rows), default=0) or 1
    parts = []
    for index, (label, value) in enumerate(rows):
        y = top + index * (bar_height + gap)
        length = area * value / largest
        middle = y + bar_height / 2 + 4
        colour = PALETTE[-1] if muted_label is not None and label == muted_label else PALETTE[0]
        parts.append(
            f'<text x="{label_width - 8}" y="{middle:.1f}" text-anchor="end" font-size="10" '
            f'{FONT} fill="#1b1b1b">{escape(_short(label))}</text>'
            f'<rect x="{label_width}" y="{y}" width="{max(length, 1):.1f}" '
            f'height="{bar_height}" fill="{colour}"/>'
            f'<text x="{label_width + length + 5:.1f}" y="{middle:.1f}" font-size="10" '
            f'{FONT} fill="#1b1b1b">{escape(_number(value))}</text>'
        )
    parts.append(
        f'<line x1="{label_width}" y1="0" x2="{label_width}" y2="{height}" '
        f'stroke="#767676" stroke-width="1"/>'
    )
    return _svg(chart_id, title, _describe(rows), width, height, "".join(parts))


def stacked_bar_chart(chart_id, title, rows, series, width=500, label_width=200):
    """Horizontal stacked bars: rows are (label, [value per series]), series (name, colour).
    A legend above the bars names the series."""
    rows = list(rows)
    bar_height, gap, legend = 16, 8, 22
    height = legend + len(rows) * (bar_height + gap) + 4
    area = width - label_width - 50
    largest = max((sum(values) for _label, values in rows), default=0) or 1
    parts = []
    x = label_width
    for name, colour in series:
        parts.append(
            f'<rect x="{x}" y="4" width="10" height="10" fill="{colour}"/>'
            f'<text x="{x + 14}" y="13" font-size="10" {FONT} fill="#1b1b1b">{escape(name)}</text>'
        )
        x += 24 + 6 * len(str(name))
    for index, (label, values) in enumerate(rows):
        y = legend + index * (bar_height + gap)
        middle = y + bar_height / 2 + 4
        parts.append(
            f'<text x="{label_width - 8}" y="{middle:.1f}" text-anchor="end" font-size="10" '
            f'{FONT} fill="#1b1b1b">{escape(_short(label))}</text>'
        )
        start = label_width
        for value, (_name, colour) in zip(values, series, strict=True):
            length = area * value / largest
            if length > 0:
                parts.append(
                    f'<rect x="{start:.1f}" y="{y}" width="{length:.1f}" height="{bar_height}" '
                    f'fill="{colour}"/>'
                )
            start += length
        parts.append(
            f'<text x="{start + 5:.1f}" y="{middle:.1f}" font-size="10" {FONT} '
            f'fill="#1b1b1b">{escape(_number(sum(values)))}</text>'
        )
    description = "; ".join(
        f"{label}: "
        + ", ".join(
            f"{name} {_number(value)}" for value, (name, _c) in zip(values, series, strict=True)
        )
        for label, values in rows
    )
    return _svg(chart_id, title, description, width, height, "".join(parts))


def pie_chart(chart_id, title, rows, width=500, radius=70):
    """A pie of (label, value) rows with a legend (label, value and share) to its right."""
    rows = [(label, value) for label, value in rows if value > 0]
    total = sum(value for _label, value in rows)
    legend_height = 18 * len(rows)
    height = max(2 * radius + 10, legend_height + 10)
    cx, cy = radius + 5, height / 2
    parts = []
    angle = -math.pi / 2  # from twelve o'clock, clockwise
    for index, (_label, value) in enumerate(rows):
        colour = PALETTE[index % len(PALETTE)]
        if value == total:
            parts.append(f'<circle cx="{cx}" cy="{cy:.1f}" r="{radius}" fill="{colour}"/>')
            continue
        sweep = 2 * math.pi * value / total
        end = angle + sweep
        x1, y1 = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        x2, y2 = cx + radius * math.cos(end), cy + radius * math.sin(end)
        large = 1 if sweep > math.pi else 0
        parts.append(
            f'<path d="M{cx},{cy:.1f} L{x1:.2f},{y1:.2f} A{radius},{radius} 0 {large} 1 '
            f'{x2:.2f},{y2:.2f} Z" fill="{colour}" stroke="#fff" stroke-width="1"/>'
        )
        angle = end
    legend_x = 2 * radius + 30
    legend_top = cy - legend_height / 2
    for index, (label, value) in enumerate(rows):
        colour = PALETTE[index % len(PALETTE)]
        y = legend_top + index * 18
        share = round(100 * value / total) if total else 0
        text = _("%(label)s: %(value)s (%(share)s%%)") % {
            "label": _short(label, 40),
            "value": _number(value),
            "share": share,
        }
        parts.append(
            f'<rect x="{legend_x}" y="{y + 2:.1f}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{legend_x + 16}" y="{y + 11:.1f}" font-size="10" {FONT} '
            f'fill="#1b1b1b">{escape(text)}</text>'
        )
    return _svg(chart_id, title, _describe(rows), width, height, "".join(parts))


def column_chart(chart_id, title, rows, width=560, height=140, label_every=None):
    """Vertical columns over time, one per (label, value) row in order (the days of a period),
    the largest value written above the chart's top; a few labels along the bottom (the first,
    the last, and every `label_every`-th between)."""
    rows = list(rows)
    top, bottom, left = 18, 18, 4
    largest = max((value for _label, value in rows), default=0)
    area = height - top - bottom
    step = (width - 2 * left) / max(len(rows), 1)
    bar = max(step * 0.8, 1)
    every = label_every or max(1, math.ceil(len(rows) / 6))
    most = _("Most in a day: %(value)s") % {"value": _number(largest)}
    parts = [f'<text x="{left}" y="12" font-size="10" {FONT} fill="#1b1b1b">{escape(most)}</text>']
    for index, (label, value) in enumerate(rows):
        x = left + index * step + (step - bar) / 2
        length = area * value / largest if largest else 0
        if value:
            parts.append(
                f'<rect x="{x:.1f}" y="{top + area - length:.1f}" width="{bar:.1f}" '
                f'height="{max(length, 1):.1f}" fill="{PALETTE[0]}"/>'
            )
        if index in (0, len(rows) - 1) or index % every == 0:
            anchor = (
                "end" if index == len(rows) - 1 and index else "start" if not index else "middle"
            )
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{height - 4}" text-anchor="{anchor}" '
                f'font-size="10" {FONT} fill="#1b1b1b">{escape(_short(label, 12))}</text>'
            )
    parts.append(
        f'<line x1="0" y1="{top + area}" x2="{width}" y2="{top + area}" '
        f'stroke="#767676" stroke-width="1"/>'
    )
    return _svg(chart_id, title, _describe(rows), width, height, "".join(parts))
