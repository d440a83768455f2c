"""A monthly trend as a small bar chart drawn on the server (inline SVG, no script, no chart
library): one bar per month, its height the month's % satisfied; a month below the minimum
number of answers gets no bar, only a short mark on the baseline. The table beside it carries
the same figures for every reader; the chart is decoration for sighted readers
(aria-hidden)."""

from dataclasses import dataclass

from django.utils.formats import date_format

WIDTH = 360
HEIGHT = 120
TOP = 8  # room above a 100% bar
BOTTOM = 20  # room for the month letters
BAR_GAP = 6


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str  # the month's initial, below the bar
    label_x: float
    enough: bool


def chart(months):
    """The bars of `months` (feedback.results.Month, oldest first) in a WIDTH x HEIGHT box."""
    if not months:
        return {"width": WIDTH, "height": HEIGHT, "bars": [], "baseline": HEIGHT - BOTTOM}
    step = WIDTH / len(months)
    bar_width = step - BAR_GAP
    baseline = HEIGHT - BOTTOM
    room = baseline - TOP
    bars = []
    for index, month in enumerate(months):
        x = index * step + BAR_GAP / 2
        # Not enough answers: a mark on the baseline.
        height = round(room * month.measures.satisfied.value / 100, 1) if month.enough else 2
        bars.append(
            Bar(
                x=round(x, 1),
                y=round(baseline - height, 1),
                width=round(bar_width, 1),
                height=height,
                label=date_format(month.month, "M")[:1],
                label_x=round(x + bar_width / 2, 1),
                enough=month.enough,
            )
        )
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "bars": bars,
        "baseline": baseline,
        "label_y": HEIGHT - 6,
    }
