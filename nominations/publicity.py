"""What public pages show of nominations: the placed entries (winners, merit awards, finalists)
on the winners pages. A nomination entering or leaving a placing moves the public content's
generation on (awards_site/caching/generation.py), whatever saved it (publishing a round, an
administrator's correction); a nominator's draft saves do not, so the shared pages stay shared
while nominations pour in."""

from awards_site.caching.generation import public_content_changed
from nominations.statuses import PLACINGS


def remember_status(sender, instance, **kwargs):
    instance._status_when_loaded = instance.__dict__.get("status")


def placing_changed(sender, instance, **kwargs):
    before = getattr(instance, "_status_when_loaded", None)
    if instance.status in PLACINGS or before in PLACINGS:
        public_content_changed()
    instance._status_when_loaded = instance.status


def connect():
    from django.db.models.signals import post_delete, post_init, post_save

    from nominations.models import Nomination

    post_init.connect(remember_status, sender=Nomination, dispatch_uid="nomination-status-seen")
    post_save.connect(placing_changed, sender=Nomination, dispatch_uid="nomination-placing")
    post_delete.connect(placing_changed, sender=Nomination, dispatch_uid="nomination-placing-")
