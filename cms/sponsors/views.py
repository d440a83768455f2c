"""The sponsor area under /sponsors/ (and /fr/sponsors/): a sponsor user's list of reports and
the report files. Signed-in users without a sponsor membership get a 404, and so does any
report their partner may not see (cms/reports/access.py), so the area never says whether a
cycle or category exists."""

from functools import wraps

from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from awards_site.i18n import language_name
from awards_site.rules import area_required
from cms.reports.access import report_language, sponsor_scope, sponsored_cycles
from cms.reports.kinds import REPORT_KINDS
from cms.reports.responses import report_response

# Anonymous users go to sign in; signed-in users who are no sponsor's user get 404 (cms/rules.py).
sponsor_area = area_required("cms.use_sponsor_area")


def sponsor_required(view):
    """The area's rule, and the view finds the partner on `request.sponsor` (the membership is
    cached on the user by the rule: no second query)."""

    @sponsor_area
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        request.sponsor = request.user.sponsor_membership.partner
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
            "report_kinds": REPORT_KINDS,
            "report_language": language_name(language),
        },
    )


@require_GET
@sponsor_required
def report(request, kind, cycle_code, category_id=None):
    scope = sponsor_scope(request.sponsor, cycle_code, category_id)
    return report_response(REPORT_KINDS[kind], scope, report_language(request))
