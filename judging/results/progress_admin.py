"""The Wagtail admin screens of judging progress: a round's progress with its reminders, and
the overdue assignments of every open round."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.viewsets.base import ViewSet

from judging.admin_base import JudgingView, RoundView, menu_item_shown_to
from judging.models import Round
from judging.panel.reminders import pending_judges, send_reminders
from judging.results import progress


class ProgressView(RoundView):
    template_name = "judging/admin/progress.html"
    page_title = gettext_lazy("Progress")
    header_icon = "tasks"
    entries_per_page = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            totals=progress.round_totals(self.round),
            judges=progress.judge_rows(self.round),
            entries=Paginator(progress.entry_rows(self.round), self.entries_per_page).get_page(
                self.request.GET.get("page")
            ),
            k=self.round.judges_per_entry,
            is_open=self.round.is_open(),
            pending_count=pending_judges(self.round).count(),
            can_remind=self.request.user.has_perm("judging.change_assignment"),
            overdue_url=reverse("judging_overdue:index") + f"?round={self.round.pk}",
        )
        return context


class RemindView(RoundView):
    http_method_names = ["post"]
    permission_required = "judging.change_assignment"

    def post(self, request, *args, **kwargs):
        if not self.round.is_open():
            messages.error(
                request, _("Reminders are only sent while a round is open: nobody can score now.")
            )
        else:
            result = send_reminders(self.round, user=request.user)
            if result.sent:
                messages.success(
                    request,
                    ngettext(
                        "Reminder sent to %(count)s judge.",
                        "Reminders sent to %(count)s judges.",
                        len(result.sent),
                    )
                    % {"count": len(result.sent)},
                )
            if result.skipped:
                messages.info(
                    request,
                    ngettext(
                        "%(count)s judge was already reminded today and was not emailed again.",
                        "%(count)s judges were already reminded today and were not emailed again.",
                        len(result.skipped),
                    )
                    % {"count": len(result.skipped)},
                )
            if not result.sent and not result.skipped:
                messages.info(request, _("No judge has pending work in this round."))
        return redirect("judging_rounds:progress", self.round.pk)


class OverdueView(JudgingView):
    template_name = "judging/admin/overdue.html"
    page_title = gettext_lazy("Overdue scoresheets")
    header_icon = "time"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        open_rounds = list(
            Round.objects.filter(closes_at__gt=timezone.now()).select_related("cycle")
        )
        selected = next(
            (r for r in open_rounds if str(r.pk) == self.request.GET.get("round")), None
        )
        context.update(
            rounds=open_rounds,
            selected=selected,
            assignments=Paginator(progress.overdue(round=selected), 100).get_page(
                self.request.GET.get("page")
            ),
            today=progress.today(),
        )
        return context


class OverdueViewSet(ViewSet):
    name = "judging_overdue"
    url_prefix = "judging/overdue"
    icon = "time"
    menu_label = gettext_lazy("Overdue")

    @cached_property
    def menu_item_class(self):
        return menu_item_shown_to("judging.follow_progress")

    def get_urlpatterns(self):
        return [path("", OverdueView.as_view(), name="index")]
