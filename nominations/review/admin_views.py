"""Wagtail admin views of nominations: the list with related rows fetched at once, and the
review screen (every answer, the evidence, versions, history, and the eligibility actions of
eligibility.py); the deletion requests of nominators, with the form that completes or refuses
one (privacy/deletion.py)."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic import EditView, IndexView, InspectView

from awards_site import exports
from nominations.answers import answer_sections
from nominations.models import DeletionRequest, EvidenceFile, Nomination
from nominations.privacy.deletion import (
    check_can_complete,
    complete_deletion,
    deletion_plan,
    refuse_deletion,
)
from nominations.privacy.records import PrivacyRefused
from nominations.review import eligibility, history
from nominations.sending import versions
from nominations.wizard import measured


class NominationIndexView(exports.SpreadsheetExport, IndexView):
    """The list links each nomination to its review screen (there is no separate edit form),
    and downloads what it shows through the site's writer (labels, local dates, safe cells)."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("cycle", "category", "nominator")

    def get_edit_url(self, instance):
        return None


DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class ReviewActionForm(forms.Form):
    """The inputs of one review action; the rules (what is required when) are eligibility.py's."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", self.action)
        super().__init__(*args, **kwargs)


class EligibleForm(ReviewActionForm):
    action = eligibility.ELIGIBLE
    title = _("Mark eligible")
    note = forms.CharField(
        label=_("Note to the nominator (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class IneligibleForm(ReviewActionForm):
    action = eligibility.INELIGIBLE
    title = _("Mark not eligible")
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required. The nominator reads it in the email and on their page."),
    )


class ReopenForm(ReviewActionForm):
    action = eligibility.REOPEN
    title = _("Reopen for changes")
    message = forms.CharField(
        label=_("What should the nominator change?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required. Sent to the nominator by email and shown on their page."),
    )
    until = forms.DateTimeField(
        label=_("New deadline (if needed)"),
        required=False,
        widget=DATETIME_WIDGET,
        help_text=_("Needed when the nomination's deadline has passed. Time in %(zone)s.")
        % {"zone": settings.TIME_ZONE},
    )


class ExtendForm(ReviewActionForm):
    action = eligibility.EXTEND
    title = _("Extend the deadline")
    until = forms.DateTimeField(
        label=_("New deadline"),
        required=False,
        widget=DATETIME_WIDGET,
        help_text=_("Date and time in %(zone)s.") % {"zone": settings.TIME_ZONE},
    )


ACTION_FORMS = {
    form.action: form for form in (EligibleForm, IneligibleForm, ReopenForm, ExtendForm)
}


def run_action(form, nomination, user):
    """Call the domain service of a valid action form; a refusal becomes the form's error."""
    data = form.cleaned_data
    try:
        if form.action == eligibility.ELIGIBLE:
            eligibility.mark_eligible(nomination.pk, user, data["note"])
        elif form.action == eligibility.INELIGIBLE:
            eligibility.mark_ineligible(nomination.pk, user, data["reason"])
        elif form.action == eligibility.REOPEN:
            eligibility.reopen(nomination.pk, user, data["message"], data["until"])
        else:
            eligibility.extend(nomination.pk, user, data["until"])
    except eligibility.DecisionRefused as refusal:
        form.add_error(refusal.field if refusal.field in form.fields else None, refusal.message)
        return False
    return True


DONE = {
    eligibility.ELIGIBLE: _("The nomination is eligible. The nominator is told by email."),
    eligibility.INELIGIBLE: _("The nomination is not eligible. The nominator is told by email."),
    eligibility.REOPEN: _("The nomination is sent back to the nominator, who is told by email."),
    eligibility.EXTEND: _("The deadline is extended. The nominator is told by email."),
}


class NominationReviewView(InspectView):
    """The one screen of a nomination: every answer (of the version sent last), the evidence,
    the versions and what changed, the history, the decision and its actions. Reading needs a
    permission on nominations; every action (a POST) needs nominations.change_nomination,
    checked before anything else. The rules are eligibility.py's."""

    template_name = "nominations/admin/review.html"
    page_title = _("Review")

    def get_object(self, queryset=None):
        return get_object_or_404(
            Nomination.objects.select_related("cycle", "category", "nominator"), pk=self.pk
        )

    def get_fields(self):
        return []

    def get_edit_url(self):
        return None

    def can_decide(self):
        return self.request.user.has_perm("nominations.change_nomination")

    def post(self, request, *args, **kwargs):
        if not self.can_decide():
            return permission_denied(request)
        form_class = ACTION_FORMS.get(request.POST.get("action", ""))
        if form_class is None:
            messages.error(request, _("Choose one of the actions on this page."))
            return redirect(request.path)
        form = form_class(request.POST)
        if form.is_valid() and run_action(form, self.object, request.user):
            messages.success(request, DONE[form.action])
            return redirect(request.path)
        self.object = self.get_object()
        return self.render_to_response(self.get_context_data(bound_form=form), status=400)

    def get_context_data(self, bound_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        nomination = self.object
        rows = versions.history(nomination)
        latest = rows[-1].version if rows else None
        shown = latest
        asked = self.request.GET.get("version", "")
        for row in rows:
            if str(row.version.number) == asked:
                shown = row.version
        if shown is not None:
            answers_of = versions.as_nomination(shown, nomination)
            evidence = versions.evidence_of(shown)
        else:  # a draft: what is saved so far
            answers_of = nomination
            evidence = list(nomination.evidence.all())
        forms_by_action = {}
        if self.can_decide():
            allowed = eligibility.allowed_actions(nomination)
            for action, form_class in ACTION_FORMS.items():
                if action in allowed:
                    forms_by_action[action] = (
                        bound_form if bound_form and bound_form.action == action else form_class()
                    )
        context.update(
            {
                "nomination": nomination,
                "answer_sections": answer_sections(answers_of, None),
                "measured": measured.shown(answers_of.measured_results),
                "evidence": evidence,
                "version_rows": list(reversed(rows)),
                "latest_version": latest,
                "shown_version": shown,
                "unsent": versions.unsent_differences(nomination, latest) if latest else None,
                "events": list(reversed(history.events(nomination))),
                "action_forms": list(forms_by_action.values()),
                "bound_form": bound_form,
                "can_decide": self.can_decide(),
                "changes_until": nomination.changes_until,
                "accepts_changes": nomination.accepts_changes(),
            }
        )
        return context


class NominationEditView(EditView):
    """The review screen is where a nomination is read and decided: the edit address (old links,
    bookmarks) leads there, after Wagtail's own permission check."""

    def get(self, request, *args, **kwargs):
        return redirect("nomination:inspect", self.kwargs["pk"])

    def post(self, request, *args, **kwargs):
        return redirect("nomination:inspect", self.kwargs["pk"])


def evidence_download(request, pk):
    """Administrators (anyone allowed to view nominations in the admin) download evidence."""
    from nominations.wizard.evidence import evidence_response

    if not request.user.has_perm("nominations.see_nominations"):
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
            context["plan"] = deletion_plan(self.object)
            context["edit_url"] = reverse("deletion_requests:edit", args=[self.object.pk])
        return context


class DeletionDecisionForm(WagtailAdminModelForm):
    """Complete or refuse a deletion request (complete_deletion / refuse_deletion)."""

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
                check_can_complete(self.instance)
            except PrivacyRefused as refusal:
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
        context["plan"] = deletion_plan(self.object)
        return context

    def form_valid(self, form):
        self.form = form
        data = form.cleaned_data
        try:
            if data["decision"] == DeletionDecisionForm.COMPLETE:
                complete_deletion(
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
                refuse_deletion(self.object.pk, by=self.request.user, note=data["note"])
                messages.success(self.request, _("The request is refused."))
        except PrivacyRefused as refusal:
            form.add_error(None, refusal.message)
            return self.form_invalid(form)
        return redirect("deletion_requests:inspect", self.object.pk)
