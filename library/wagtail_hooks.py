from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from library.resources import demo as resources_demo
from library.resources import report as downloads_report
from library.resources.admin import ResourceViewSet

register_snippet(ResourceViewSet)


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
