"""Rules a rubric must keep, as plain functions over its parts, so the admin form and the tests
ask the same questions."""

from django.utils.translation import gettext as _

WEIGHT_TOTAL = 100


def weights_problem(weights):
    """A message when the criteria's weights do not add up to 100, else None."""
    weights = [weight for weight in weights if weight is not None]
    if not weights:
        return _("Add at least one criterion.")
    total = sum(weights)
    if total != WEIGHT_TOTAL:
        return _(
            "The criteria's weights add up to %(total)s. Change them so they add up to 100."
        ) % {"total": total}
    return None


def levels_problem(scale_min, scale_max, values):
    """A message when the descriptors do not cover each level of the scale once, else None."""
    if scale_min is None or scale_max is None:
        return None
    if scale_max <= scale_min:
        return _("The highest score must be above the lowest score.")
    expected = set(range(scale_min, scale_max + 1))
    given = [value for value in values if value is not None]
    missing = sorted(expected - set(given))
    outside = sorted(set(given) - expected)
    repeated = sorted({value for value in given if given.count(value) > 1})
    if outside:
        return _("Scores %(values)s are outside the scale. Use scores from %(min)s to %(max)s.") % {
            "values": ", ".join(map(str, outside)),
            "min": scale_min,
            "max": scale_max,
        }
    if repeated:
        return _("Scores %(values)s are described twice. Keep one descriptor each.") % {
            "values": ", ".join(map(str, repeated))
        }
    if missing:
        return _("Describe what each score means: %(values)s have no descriptor yet.") % {
            "values": ", ".join(map(str, missing))
        }
    return None
