"""The sponsor area under /sponsors/ (and /fr/sponsors/): a sponsor user's list of reports and
the report files. Signed-in users without a sponsor membership get a 404, and so does any
report their partner may not see (cms/reports/access.py), so the area never says whether a
cycle or category exists."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from awards_site.i18n import language_name
from cms.models import SponsorMember
from cms.reports.access import report_language, sponsor_scope, sponsored_cycles
from cms.reports.responses import pdf_response, workbook_response


def sponsor_required(view):
    """Anonymous users go to sign in; signed-in users who are no sponsor's user get 404. The
    view finds the partner on `request.sponsor`."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            # Cached on the user, so the page's account menu asks no second time.
            membership = request.user.sponsor_membership
        except SponsorMember.DoesNotExist:
            raise Http404 from None
        request.sponsor = membership.partner
        return view(request, *args, **kwargs)

    return wrapped


@require_GET
@sponsor_required
def index(request):
    language = report_language(request)
    return TemplateResponse(
        request,
        "cms/sponsors/index.html",
        {
            "partner": request.sponsor,
            "sponsored": sponsored_cycles(request.sponsor),
            "report_language": language_name(language),
        },
    )


@require_GET
@sponsor_required
def workbook(request, cycle_code, category_id=None):
    scope = sponsor_scope(request.sponsor, cycle_code, category_id)
    return workbook_response(scope, report_language(request))


@require_GET
@sponsor_required
def summary(request, cycle_code, category_id=None):
    scope = sponsor_scope(request.sponsor, cycle_code, category_id)
    return pdf_response(scope, report_language(request))
