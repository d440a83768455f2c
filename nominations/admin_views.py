"""Wagtail admin views of nominations: the list with related rows fetched at once, the inspect
view with every answer and file, and the eligibility and extension form that tells the
nominator and writes the audit log."""

from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.log_actions import log

from .answers import answer_sections
from .choices import NominationStatus
from .models import EvidenceFile, Nomination

DECISIONS = (NominationStatus.SUBMITTED, NominationStatus.ELIGIBLE, NominationStatus.INELIGIBLE)


class NominationIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("cycle", "category", "nominator")


class NominationInspectView(InspectView):
    template_name = "nominations/admin/inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["answer_sections"] = answer_sections(self.object, None)
        context["evidence"] = self.object.evidence.all()
        return context


class DecisionForm(WagtailAdminModelForm):
    """What an administrator decides: eligibility (with a reason) and a deadline extension."""

    class Meta:
        model = Nomination
        fields = ["status", "status_reason", "deadline_extended_until"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = (
            [(value, label) for value, label in NominationStatus.choices if value in DECISIONS]
            if self.instance.status in DECISIONS
            else [(self.instance.status, self.instance.get_status_display())]
        )
        self.fields["status"].help_text = _("The nominator is told by email when you decide.")

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if status == NominationStatus.INELIGIBLE and not cleaned.get("status_reason"):
            self.add_error(
                "status_reason",
                _("Give the reason, so the nominator knows why the nomination is not eligible."),
            )
        return cleaned


class NominationEditView(EditView):
    def save_instance(self):
        before = Nomination.objects.get(pk=self.object.pk)
        with transaction.atomic():
            instance = super().save_instance()
            if instance.status != before.status:
                log(
                    instance,
                    "nominations.decision",
                    user=self.request.user,
                    data={
                        "from": before.status,
                        "to": instance.status,
                        "reason": instance.status_reason,
                    },
                )
                if instance.status in (NominationStatus.ELIGIBLE, NominationStatus.INELIGIBLE):
                    transaction.on_commit(lambda: _tell_nominator(instance.pk))
            if instance.deadline_extended_until != before.deadline_extended_until:
                log(
                    instance,
                    "nominations.extension",
                    user=self.request.user,
                    data={
                        "until": instance.deadline_extended_until.isoformat()
                        if instance.deadline_extended_until
                        else None
                    },
                )
        return instance


def _tell_nominator(nomination_pk):
    from .tasks import send_eligibility_decision

    send_eligibility_decision.enqueue(nomination_pk)


def evidence_download(request, pk):
    """Administrators (anyone allowed to view nominations in the admin) download evidence."""
    from django.core.exceptions import PermissionDenied

    from .views import evidence_response

    if not request.user.has_perm("nominations.view_nomination") and not request.user.has_perm(
        "nominations.change_nomination"
    ):
        raise PermissionDenied
    return evidence_response(get_object_or_404(EvidenceFile, pk=pk))
