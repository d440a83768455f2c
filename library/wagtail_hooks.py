"""The library's part of the Wagtail admin: the case study candidates (cases/admin_views.py) in
the admin menu for those the rule `library.make_case_study` lets make case studies, and the
refusal to publish a case study whose entry's consent is withdrawn (cases/consent.py); the
guides and tools' snippets and their downloads report (resources/)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from library.cases import admin_views as case_admin
from library.cases.consent import publishing_refused
from library.resources import demo as resources_demo
from library.resources import report as downloads_report
from library.resources.admin import ResourceViewSet

register_snippet(ResourceViewSet)


class CaseStudyCandidatesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("library.make_case_study")


@hooks.register("register_admin_menu_item")
def register_case_study_candidates_menu_item():
    return CaseStudyCandidatesMenuItem(
        _("Case study candidates"),
        reverse("library_case_candidates"),
        name="case-study-candidates",
        icon_name="doc-full",
        order=250,
    )


@hooks.register("register_admin_urls")
def register_case_study_urls():
    return case_admin.urlpatterns()


@hooks.register("before_publish_page")
def refuse_case_study_without_consent(request, page):
    message = publishing_refused(page.specific)
    if message:
        messages.error(request, message)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_without_consent(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    for page in objects:
        message = publishing_refused(page.specific)
        if message:
            messages.error(request, f"{page.title}: {message}")
            return redirect(request.META.get("HTTP_REFERER") or reverse("wagtailadmin_home"))
    return None


# Guides and tools: the downloads report (library/resources/report.py) ----------------------


class DownloadsReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("library.see_download_report")


@hooks.register("register_reports_menu_item")
def register_downloads_report_menu_item():
    return DownloadsReportMenuItem(
        _("Resource downloads"),
        reverse("library_downloads_report"),
        name="resource-downloads",
        icon_name="download",
        order=110,
    )


@hooks.register("register_admin_urls")
def register_downloads_report_urls():
    return downloads_report.urlpatterns()


# The demo's guides and tools (library/resources/demo.py), after the awards' part.
hooks.register("load_demo_part", resources_demo.load, order=50)
