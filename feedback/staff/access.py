"""Who reaches the staff portal: agency staff (feedback.open_agency_portal), and through it only
their own agencies (feedback.view_agency); administrators of the platform reach every agency;
editors (feedback.moderate_any_comment) reach every agency's comments and nothing else.
Anyone else signed in gets a 404, and so does another agency's address, so the portal does not
even tell whether an agency exists; an anonymous visitor goes to sign in."""

from functools import wraps

from django.http import Http404

from awards_site.rules import area_required
from feedback.models import Agency

portal_area = area_required("feedback.open_agency_portal")


def sees_every_agency(user):
    """Administrators and editors (who moderate comments only) reach every agency."""
    return user.has_perm("feedback.change_agency") or user.has_perm("feedback.moderate_any_comment")


def moderates_only(user):
    """An editor: every agency's comments, nothing else of them."""
    return not user.has_perm("feedback.change_agency") and user.has_perm(
        "feedback.moderate_any_comment"
    )


def agencies_of(user):
    """The agencies whose portal the person may open."""
    if sees_every_agency(user):
        return Agency.objects.all()
    return Agency.objects.filter(memberships__user=user)


def manages_figures(user, agency):
    """Whether the person sees the agency's dashboard, points and held answers, or (an editor)
    only its comments."""
    return user.has_perm("feedback.view_agency", agency)


def _agency_view(allowed):
    def decorator(view):
        """A view of one agency, `view(request, agency, ...)`: the portal's rule, then the
        agency (by its slug) if `allowed(user, agency)`, else 404."""

        @portal_area
        @wraps(view)
        def wrapped(request, slug, *args, **kwargs):
            agency = Agency.objects.filter(slug=slug).first()
            if agency is None or not allowed(request.user, agency):
                raise Http404
            return view(request, agency, *args, **kwargs)

        return wrapped

    return decorator


agency_required = _agency_view(manages_figures)


def _moderates_comments(user, agency):
    return user.has_perm("feedback.moderate_agency_comments", agency)


# The comments' pages: the agency's staff, administrators and editors.
comments_required = _agency_view(_moderates_comments)
