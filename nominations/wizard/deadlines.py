"""Until when a nomination can be changed, in the words the pages and emails use: one sentence,
made here, so the detail page, "My nominations", the wizard and the emails say the same."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _


def moment(value):
    """A moment as people read it, in the site's time zone and the language's one format
    (awards_site/formats): "30 June 2027, 23:59 WAT", "30 juin 2027 à 23 h 59 WAT"."""
    return date_format(
        timezone.localtime(value, timezone.get_default_timezone()), "DATETIME_FORMAT"
    )


def changes_sentence(nomination):
    """What the nominator may still do and until when, or "" when nothing can change."""
    if not nomination.accepts_changes():
        return ""
    until = moment(nomination.changes_until)
    if nomination.is_draft:
        return _("You can complete and send this nomination until %(moment)s.") % {"moment": until}
    if nomination.changes_until_judging:
        return _("You can change this nomination until judging starts, on %(moment)s.") % {
            "moment": until
        }
    return _("You can change this nomination until %(moment)s.") % {"moment": until}


def after_sending_sentence(nomination):
    """For a draft about to be sent: until when it can be changed once sent."""
    cycle = nomination.cycle
    if cycle.changes_until_judging:
        until = max(filter(None, [cycle.judging_starts_at, nomination.deadline_extended_until]))
        if until == cycle.judging_starts_at:
            return _(
                "You can still change or withdraw it after sending, until judging starts, on "
                "%(moment)s."
            ) % {"moment": moment(until)}
    else:
        until = max(filter(None, [cycle.nominations_close_at, nomination.deadline_extended_until]))
    return _("You can still change or withdraw it after sending, until %(moment)s.") % {
        "moment": moment(until)
    }
