"""The roll-ups counted answers move, kept in step in one transaction: each point's day
(`DailyRollup`), each point's month (`MonthlyRollup`) and each agency's month
(`AgencyMonthlyRollup`, what its points' months add up to). Every published figure is read from
them (feedback/results.py); docs/feedback.md says how.

A transaction moves them level by level: the days, then the points' months, then the agencies'
months, each level in the order of its keys. Two transactions (two answers, a burst held while
an answer arrives, a review released) thus never lock the same rows in opposite orders, and
the rows change by F() expressions, so no count is read before it is written.
"""

from collections import defaultdict

from django.db import transaction
from django.db.models import F
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from feedback.models import (
    AgencyMonthlyRollup,
    DailyRollup,
    MonthlyRollup,
    RollupSums,
    ServicePoint,
)

SUMS = RollupSums.SUMS


def move(changes, agency_of=None):
    """Add `changes` ({(point id, day): {sum name: signed amount}}) to the roll-ups.
    `agency_of` ({point id: agency id}) saves reading the points' agencies when known."""
    changes = {key: amounts for key, amounts in changes.items() if amounts}
    if not changes:
        return
    agency_of = agency_of or _agencies_of({point_id for point_id, _ in changes})
    point_months, agency_months = defaultdict(dict), defaultdict(dict)
    for (point_id, day), amounts in changes.items():
        month = day.replace(day=1)
        _add(point_months[(point_id, month)], amounts)
        _add(agency_months[(agency_of[point_id], month)], amounts)
    for (point_id, day), amounts in sorted(changes.items()):
        _move_row(DailyRollup, {"point_id": point_id, "day": day}, amounts)
    for (point_id, month), amounts in sorted(point_months.items()):
        _move_row(MonthlyRollup, {"point_id": point_id, "month": month}, amounts)
    for (agency_id, month), amounts in sorted(agency_months.items()):
        _move_row(AgencyMonthlyRollup, {"agency_id": agency_id, "month": month}, amounts)


def _agencies_of(point_ids):
    return dict(ServicePoint.objects.filter(pk__in=point_ids).values_list("pk", "agency_id"))


def _add(total, amounts):
    for name, amount in amounts.items():
        total[name] = total.get(name, 0) + amount


def _move_row(model, key, amounts):
    moved = {name: F(name) + amount for name, amount in amounts.items() if amount}
    if not moved:
        return
    model.objects.bulk_create([model(**key)], ignore_conflicts=True)
    model.objects.filter(**key).update(**moved)


@transaction.atomic
def move_point_to_agency(point_id, old_agency_id, new_agency_id):
    """A point given to another agency takes its months' sums with it (the two agencies' rows
    in key order, as `move` locks them)."""
    for agency_id, sign in sorted([(old_agency_id, -1), (new_agency_id, +1)]):
        _move_agency_months(point_id, agency_id, sign)


@receiver(pre_delete, sender=ServicePoint, dispatch_uid="feedback-point-leaves-its-agency")
def _point_deleted(sender, instance, **kwargs):
    """The point's own roll-ups go with it (CASCADE); its agency's months lose its sums."""
    _move_agency_months(instance.pk, instance.agency_id, -1)


def _move_agency_months(point_id, agency_id, sign):
    """Add (sign +1) or take away (-1) the point's monthly sums to the agency's months."""
    months = MonthlyRollup.objects.filter(point_id=point_id).order_by("month")
    for row in months.values("month", *SUMS):
        month = row.pop("month")
        amounts = {name: sign * amount for name, amount in row.items()}
        _move_row(AgencyMonthlyRollup, {"agency_id": agency_id, "month": month}, amounts)


def monthly_rollups_of(daily_rollups):
    """The points' monthly roll-ups that these daily ones add up to (the demo's and the
    benchmark's bulk loads; answers taken one by one move them in `move`)."""
    months = {}
    for daily in daily_rollups:
        key = (daily.point_id, daily.day.replace(day=1))
        _add_sums(months.setdefault(key, MonthlyRollup(point_id=key[0], month=key[1])), daily)
    return list(months.values())


def agency_rollups_of(monthly_rollups, agency_of):
    """The agencies' monthly roll-ups that these points' months add up to; `agency_of`:
    {point id: agency id}."""
    months = {}
    for monthly in monthly_rollups:
        agency_id, month = agency_of[monthly.point_id], monthly.month
        total = AgencyMonthlyRollup(agency_id=agency_id, month=month)
        _add_sums(months.setdefault((agency_id, month), total), monthly)
    return list(months.values())


def _add_sums(total, rollup):
    for name in SUMS:
        setattr(total, name, getattr(total, name) + getattr(rollup, name))
