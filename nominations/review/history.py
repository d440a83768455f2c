"""A nomination's history as the review screen shows it: created, sent, each change with the
fields changed, each version, status changes, requests for changes and extensions, with who and
when. Read from Wagtail's log entries of the nomination (the one audit log of the project),
oldest first, after a first row for its creation."""

from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from nominations.choices import NominationStatus
from nominations.models import Nomination
from nominations.wizard.deadlines import moment


@dataclass
class Event:
    when: object
    who: str
    what: str
    details: list = field(default_factory=list)


def field_label(name):
    try:
        return str(capfirst(Nomination._meta.get_field(name).verbose_name))
    except FieldDoesNotExist:
        return {"accept": _("Declaration"), "file": _("Evidence")}.get(name, name)


def _status(value):
    try:
        return str(NominationStatus(value).label)
    except ValueError:
        return value or "–"


def _parse(value):
    from django.utils.dateparse import parse_datetime

    parsed = parse_datetime(value) if isinstance(value, str) else None
    return moment(parsed) if parsed else value


def _details(action, data):
    details = []
    if data.get("version"):
        details.append(_("Version %(number)s") % {"number": data["version"]})
    if action in ("nominations.change", "nominations.changes_sent") and data.get("fields"):
        details.append(
            _("Answers changed: %(fields)s")
            % {"fields": ", ".join(field_label(name) for name in data["fields"])}
        )
    if data.get("files_added"):
        details.append(_("Evidence added: %(files)s") % {"files": ", ".join(data["files_added"])})
    if "from" in data and "to" in data:
        details.append(
            _("Status: %(before)s → %(after)s")
            % {"before": _status(data["from"]), "after": _status(data["to"])}
        )
    if action == "judging.decision":
        details.append(
            _("%(round)s: %(outcome)s")
            % {"round": data.get("round_name", ""), "outcome": _status(data.get("outcome", ""))}
        )
    for key, label in (("reason", _("Reason")), ("message", _("Message"))):
        if data.get(key):
            details.append(_("%(label)s: %(value)s") % {"label": label, "value": data[key]})
    if data.get("until"):
        details.append(_("New deadline: %(moment)s") % {"moment": _parse(data["until"])})
    return details


def events(nomination):
    """The nomination's history, oldest first."""
    rows = [
        Event(
            nomination.created_at,
            nomination.nominator.get_full_name() or nomination.nominator.email,
            _("Started by the nominator"),
        )
    ]
    entries = (
        ModelLogEntry.objects.for_instance(nomination)
        .select_related("user", "content_type")
        .order_by("timestamp", "pk")
    )
    for entry in entries:
        rows.append(
            Event(
                entry.timestamp,
                str(entry.user_display_name),
                str(entry.message),
                _details(entry.action, entry.data or {}),
            )
        )
    return rows
