"""The editors' "Send to subscribers" screen of a campaign email page: who it goes to, a test to
oneself, the send, and the sends so far. For whoever may publish the page; the rules are in
cms/campaigns/sending.py.

    admin/campaigns/<page_id>/send/     cms_campaign_send
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from awards_site.i18n import language_name
from cms.campaigns import segments, sending
from cms.campaigns.models import CampaignEmailPage


class SendCampaignView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "cms/campaigns/admin_send.html"
    page_title = _("Send to subscribers")
    header_icon = "mail"

    @cached_property
    def page(self):
        return get_object_or_404(
            CampaignEmailPage.objects.select_related("locale"), pk=self.kwargs["page_id"]
        )

    def dispatch(self, request, *args, **kwargs):
        if not self.page.permissions_for_user(request.user).can_publish():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.page.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "label": self.page.title,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sent, waiting = sending.progress(self.page)
        context.update(
            page=self.page,
            language=language_name(self.page.locale.language_code),
            in_segment=segments.segment(self.page).count(),
            sent=sent,
            waiting=waiting,
            problems=sending.blocking_problems(self.page),
            warnings=sending.warnings(self.page),
            sends=self.page.sends.select_related("started_by")[:20],
        )
        return context

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "test":
            return self.send_test(request)
        return self.send(request)

    def send_test(self, request):
        if not request.user.email:
            messages.error(request, gettext("Add an email address to your account to get a test."))
        elif not self.page.live:
            messages.error(
                request, gettext("Publish the page first: the test shows the published version.")
            )
        else:
            sending.send_test(self.page, request.user)
            messages.success(
                request,
                gettext("A test is on its way to %(email)s.") % {"email": request.user.email},
            )
        return redirect("cms_campaign_send", page_id=self.page.pk)

    def send(self, request):
        problems = sending.blocking_problems(self.page)
        if problems:
            for problem in problems:
                messages.error(request, problem)
            return redirect("cms_campaign_send", page_id=self.page.pk)
        with transaction.atomic():
            send = sending.start(self.page, request.user)
        if send.planned:
            messages.success(
                request,
                ngettext(
                    "Sending to %(count)d subscriber. It leaves in batches: refresh to follow it.",
                    "Sending to %(count)d subscribers. They leave in batches: refresh to follow.",
                    send.planned,
                )
                % {"count": send.planned},
            )
        else:
            messages.warning(
                request,
                gettext(
                    "Nobody is waiting for this email: everyone in its audience has received "
                    "it already, or nobody matches the audience yet. Nothing was sent."
                ),
            )
        return redirect("cms_campaign_send", page_id=self.page.pk)


def urlpatterns():
    return [
        path(
            "campaigns/<int:page_id>/send/",
            SendCampaignView.as_view(),
            name="cms_campaign_send",
        ),
    ]
