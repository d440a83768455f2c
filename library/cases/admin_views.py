"""The editors' screens of the case studies (Wagtail admin): "Case study candidates", the
consenting entries that were shortlisted or placed, each with its one action "Make a draft case
study" (a POST; making.py), or a link to the case study made from it. Both ask the named rule
`library.make_case_study` (rules.py; docs/permissions.md)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from library.cases.making import CaseStudyRefused, make_case_study
from library.cases.models import CaseStudyPage
from library.cases.rules import candidates
from nominations.models import Nomination


class CaseStudyPermission:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("library.make_case_study"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class CandidatesView(CaseStudyPermission, WagtailAdminTemplateMixin, TemplateView):
    template_name = "library/cases/admin/candidates.html"
    page_title = gettext_lazy("Case study candidates")
    header_icon = "doc-full"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entries = (
            candidates()
            .select_related("cycle", "category")
            .prefetch_related(
                Prefetch(
                    "case_studies",
                    queryset=CaseStudyPage.objects.filter(alias_of__isnull=True)
                    .order_by("pk")
                    .only("pk", "title", "live"),
                )
            )
            .order_by("-cycle__nominations_close_at", "organisation_name")
        )
        context["entries"] = entries
        return context


class MakeCaseStudyView(CaseStudyPermission, View):
    http_method_names = ["post"]

    def post(self, request, nomination_id):
        nomination = get_object_or_404(
            Nomination.objects.select_related("cycle", "category", "nominator"), pk=nomination_id
        )
        try:
            made = make_case_study(nomination, request.user)
        except CaseStudyRefused as refusal:
            messages.error(request, refusal.message)
            return redirect("library_case_candidates")
        if made.created:
            messages.success(
                request,
                _(
                    "A draft case study is made from %(entry)s. Rewrite it in your own words, "
                    "check nothing personal is left (“[removed]” marks what was taken out), "
                    "then publish it."
                )
                % {"entry": nomination.organisation_name},
            )
        else:
            messages.info(request, _("This entry’s case study was made before: here it is."))
        return redirect(reverse("wagtailadmin_pages:edit", args=[made.page.pk]))


def urlpatterns():
    return [
        path(
            "library/case-study-candidates/",
            CandidatesView.as_view(),
            name="library_case_candidates",
        ),
        path(
            "library/case-study-candidates/<int:nomination_id>/make/",
            MakeCaseStudyView.as_view(),
            name="library_make_case_study",
        ),
    ]
