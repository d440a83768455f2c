"""Wagtail admin views of nominations: the list with related rows fetched at once, the inspect
view with every answer and file, and the eligibility and extension form that tells the
nominator and writes the audit log; the deletion requests of nominators, with the form that
completes or refuses one (privacy.py)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.log_actions import log

from . import privacy
from .answers import answer_sections
from .choices import NominationStatus
from .models import DeletionRequest, EvidenceFile, Nomination

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
    from .views import evidence_response

    if not request.user.has_perm("nominations.view_nomination") and not request.user.has_perm(
        "nominations.change_nomination"
    ):
        raise PermissionDenied
    return evidence_response(get_object_or_404(EvidenceFile, pk=pk))


# Deletion requests --------------------------------------------------------------------------------


class DeletionRequestIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user", "nomination")


class DeletionRequestInspectView(InspectView):
    template_name = "nominations/admin/deletion_request_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.is_open:
            context["plan"] = privacy.deletion_plan(self.object)
            context["edit_url"] = reverse("deletion_requests:edit", args=[self.object.pk])
        return context


class DeletionDecisionForm(WagtailAdminModelForm):
    """Complete or refuse a deletion request (privacy.complete_deletion / refuse_deletion)."""

    COMPLETE, REFUSE = "complete", "refuse"

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (COMPLETE, _("Complete the request: delete and anonymise as described above")),
            (REFUSE, _("Refuse the request, with the reason in the note")),
        ],
        widget=forms.RadioSelect,
    )
    remove_evidence = forms.BooleanField(
        label=_("Also delete the evidence files of the sent nominations"),
        required=False,
        help_text=_(
            "Tick it when the files hold the person's own personal data. Evidence is otherwise "
            "kept as the organisation's material until the cycle's retention period ends; "
            "judges no longer see deleted files."
        ),
    )

    class Meta:
        model = DeletionRequest
        fields = ["decision", "remove_evidence", "note"]

    def clean(self):
        cleaned = super().clean()
        decision = cleaned.get("decision")
        if decision == self.REFUSE and not (cleaned.get("note") or "").strip():
            self.add_error("note", _("Give the reason for refusing: the person reads it."))
        if decision == self.COMPLETE:
            try:
                privacy.check_can_complete(self.instance)
            except privacy.PrivacyRefused as refusal:
                self.add_error("decision", refusal.message)
        return cleaned


class DeletionRequestEditView(EditView):
    """ "Handle" a request: what completing it will do, then the decision. A request already
    handled cannot be handled again: it opens its inspect page instead."""

    template_name = "nominations/admin/deletion_request_process.html"
    page_title = _("Handle the request")
    submit_button_label = _("Save the decision")

    def get(self, request, *args, **kwargs):
        return self._inspect_if_handled() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self._inspect_if_handled() or super().post(request, *args, **kwargs)

    def _inspect_if_handled(self):
        """The inspect page of a request already handled. Looked up here, after Wagtail's
        dispatch has checked the permission: whoever may not handle requests must not learn
        which request ids exist."""
        self.object = self.get_object()
        if not self.object.is_open:
            return redirect("deletion_requests:inspect", self.object.pk)
        return None

    def get_object(self, queryset=None):
        return getattr(self, "object", None) or super().get_object(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["plan"] = privacy.deletion_plan(self.object)
        return context

    def form_valid(self, form):
        self.form = form
        data = form.cleaned_data
        try:
            if data["decision"] == DeletionDecisionForm.COMPLETE:
                privacy.complete_deletion(
                    self.object.pk,
                    by=self.request.user,
                    note=data["note"],
                    remove_evidence=data["remove_evidence"],
                )
                messages.success(
                    self.request,
                    _("The request is completed and the person is emailed."),
                )
            else:
                privacy.refuse_deletion(self.object.pk, by=self.request.user, note=data["note"])
                messages.success(self.request, _("The request is refused."))
        except privacy.PrivacyRefused as refusal:
            form.add_error(None, refusal.message)
            return self.form_invalid(form)
        return redirect("deletion_requests:inspect", self.object.pk)
