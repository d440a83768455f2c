"""Who reaches the staff portal: agency staff (feedback.open_agency_portal), and through it only
their own agencies (feedback.view_agency); administrators of the platform reach every agency.
Anyone else signed in gets a 404, and so does another agency's address, so the portal does not
even tell whether an agency exists; an anonymous visitor goes to sign in."""

from functools import wraps

from django.http import Http404

from awards_site.rules import area_required
from feedback.models import Agency

portal_area = area_required("feedback.open_agency_portal")


def agencies_of(user):
    """The agencies whose portal the person may open."""
    if user.has_perm("feedback.change_agency"):
        return Agency.objects.all()
    return Agency.objects.filter(memberships__user=user)


def agency_required(view):
    """A view of one agency, `view(request, agency, ...)`: the portal's rule, then the agency
    (by its slug) if the person may see it, else 404."""

    @portal_area
    @wraps(view)
    def wrapped(request, slug, *args, **kwargs):
        agency = Agency.objects.filter(slug=slug).first()
        if agency is None or not request.user.has_perm("feedback.view_agency", agency):
            raise Http404
        return view(request, agency, *args, **kwargs)

    return wrapped
