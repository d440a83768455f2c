"""Who reaches what in the judge portal: people with judging.use_portal (an active judge
profile, judging/rules.py), and through it only their own assignments. Everything else is a
404, so the portal does not even tell whether an entry exists."""

from functools import wraps

from django.db.models import Exists, OuterRef, Subquery
from django.http import Http404

from awards_site.accounts import pending_input
from awards_site.rules import area_required
from judging.models import Assignment, Conflict
from judging.scoring import rules as scoring
from nominations.models import NominationVersion

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


def _without_conflicts(assignments):
    conflicted = Conflict.objects.filter(
        judge=OuterRef("judge_id"), nomination=OuterRef("nomination_id")
    )
    return assignments.exclude(Exists(conflicted))


def own_assignments(judge):
    """The judge's assignments, without any entry they have declared a conflict with."""
    return _without_conflicts(Assignment.objects.filter(judge=judge))


def _own_assignment(user, assignment_id):
    """The assignment when it is one of the person's, as a judge (None otherwise), read in one
    query with all the portal's pages show of it: the judge's profile, the round and its
    rubric (and the category's own rubric's id), the entry, the version the judge was given
    and the number of the latest one, and the judge's scoresheet."""
    latest = (
        NominationVersion.objects.filter(nomination=OuterRef("nomination_id"))
        .order_by("-number")
        .values("number")[:1]
    )
    assignments = (
        _without_conflicts(Assignment.objects.filter(pk=assignment_id, judge__user=user))
        .select_related(
            "judge",
            "round",
            "round__cycle",
            "round__rubric",
            "nomination",
            "nomination__category",
            "nomination__cycle",
            "nomination_version",
            "scoresheet",
        )
        .annotate(latest_version_number=Subquery(latest))
    )
    return scoring.with_rubric_ids(assignments).first()


def assignment_required(view):
    """A portal view of one of the judge's assignments, `view(request, assignment, ...)`: the
    portal's rule, then the assignment or 404 (only their own, without a conflict, so the
    portal does not even tell whether an entry exists). The assignment is read first, with the
    judge's profile, which is kept on the user where the rule looks: the rule costs no query of
    its own."""

    @portal_area
    def checked(request, assignment, *args, **kwargs):
        if assignment is None:
            raise Http404
        request.judge = assignment.judge
        return view(request, assignment, *args, **kwargs)

    @wraps(view)
    def wrapped(request, assignment_id, *args, **kwargs):
        assignment = None
        if request.user.is_authenticated:
            assignment = _own_assignment(request.user, assignment_id)
            if assignment is not None:
                # Setting the one-to-one's user caches the profile on the user (Django keeps
                # both sides of a one-to-one): the judge's own, as the query asked for it.
                assignment.judge.user = request.user
        return checked(request, assignment, *args, **kwargs)

    return wrapped
