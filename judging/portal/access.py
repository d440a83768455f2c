"""Who reaches what in the judge portal: people with judging.use_portal (an active judge
profile, judging/rules.py), and through it only their own assignments. Everything else is a
404, so the portal does not even tell whether an entry exists."""

from functools import wraps

from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404

from awards_site.accounts import pending_input
from awards_site.rules import area_required
from judging.models import Assignment, Conflict

# Anonymous users go to sign in, and what a POST carried is kept for after the log-in (a
# scoresheet sent after the session ended is not lost, awards_site/accounts/pending_input.py);
# signed-in users who are not active judges get 404.
portal_area = area_required("judging.use_portal", sign_in=pending_input.sign_in_keeping_input)


def judge_required(view):
    """The portal's rule, and the view finds the judge's profile on `request.judge` (cached on
    the user by the rule: no second query)."""

    @portal_area
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        request.judge = request.user.judge_profile
        return view(request, *args, **kwargs)

    return wrapped


def own_assignments(judge):
    """The judge's assignments, without any entry they have declared a conflict with."""
    conflicted = Conflict.objects.filter(
        judge=OuterRef("judge_id"), nomination=OuterRef("nomination_id")
    )
    return Assignment.objects.filter(judge=judge).exclude(Exists(conflicted))


def own_assignment(request, assignment_id):
    """One of the request judge's assignments, or 404."""
    return get_object_or_404(
        own_assignments(request.judge).select_related(
            "round",
            "round__cycle",
            "nomination",
            "nomination__category",
            "nomination__cycle",
            "nomination_version",
        ),
        pk=assignment_id,
    )
