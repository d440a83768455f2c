"""Who reaches what in the judge portal: signed-in users with an active judge profile, and
through it only their own assignments. Everything else is a 404, so the portal does not even
tell whether an entry exists."""

from functools import wraps

from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404

from awards_site.accounts import pending_input
from judging.models import Assignment, Conflict, JudgeProfile


def judge_required(view):
    """Anonymous users go to sign in (what a POST carried is kept for after the log-in: a
    scoresheet sent after the session ended is not lost, awards_site/accounts/pending_input.py);
    signed-in users without an active judge profile get 404. The view finds the profile on
    `request.judge`."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return pending_input.sign_in_keeping_input(request)
        try:
            # Cached on the user, so the page's account menu asks no second time.
            profile = request.user.judge_profile
        except JudgeProfile.DoesNotExist:
            raise Http404 from None
        if not profile.is_active:
            raise Http404
        request.judge = profile
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
