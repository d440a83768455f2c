"""The measured results part of the wizard's results step (nominations/wizard/measured.py):
attach one of the user's agencies' figures for a period, frozen now, or remove them, while the
nomination is a draft. A mixin of NominationWizard (views.py), which calls
`measured_results_post` for the step's "attach_measured" and "remove_measured" buttons."""

from datetime import date

from django.contrib import messages
from django.forms.utils import ErrorDict
from django.shortcuts import redirect
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from nominations.choices import NominationStatus
from nominations.models import Nomination
from nominations.wizard import drafts, measured
from nominations.wizard.forms import MeasuredResultsForm


class MeasuredResultsSteps:
    def _measured_choices(self):
        if not hasattr(self, "_measured_sources"):
            self._measured_sources = measured.choices_for(self.request.user)
        return self._measured_sources

    def _measured_form(self, data=None):
        return MeasuredResultsForm(
            data, source_choices=self._measured_choices(), cycle=self.nomination.cycle
        )

    def measured_results_post(self):
        """Attach (or replace) the measured results of one of the user's agencies, frozen now,
        or remove them: only the choice and the period are read from the POST, never figures.
        The step's answers typed meanwhile are saved first (or kept as typed)."""
        posted = self.request.POST
        if not self.nomination.is_draft:
            messages.error(
                self.request,
                _(
                    "Measured results can be attached or removed only before the "
                    "nomination is sent."
                ),
            )
            return redirect(self.get_step_url("results"))
        drafts_only = Nomination.objects.filter(
            pk=self.nomination.pk, status=NominationStatus.DRAFT
        )
        if "remove_measured" in posted:
            self._keep_input("results")
            if drafts_only.exclude(measured_results=None).update(measured_results=None):
                drafts.touch(self.nomination)
                messages.success(self.request, _("The measured results are removed."))
            return redirect(self.get_step_url("results") + "#measured")
        form = self._measured_form(posted)
        snapshot = None
        if form.is_valid():
            try:
                snapshot = measured.take_snapshot(
                    self.request.user, form.cleaned_data["source"], form.chosen_period()
                )
            except measured.NotYours:
                form.add_error("source", form.fields["source"].error_messages["invalid_choice"])
        if snapshot is None:
            # The step's answers as typed, without their own checks (only "Attach" was asked).
            self.measured_form = form
            step_form = self.get_form("results", data=posted, files=self.request.FILES)
            step_form._errors, step_form.cleaned_data = ErrorDict(), {}
            return self.render(step_form)
        self._keep_input("results")
        drafts_only.update(measured_results=snapshot)
        drafts.touch(self.nomination)
        messages.success(
            self.request,
            _(
                "The measured results of %(source)s from %(first)s to %(last)s are attached. "
                "They are frozen: later answers do not change them."
            )
            % {
                "source": snapshot["source_name"],
                "first": date_format(date.fromisoformat(snapshot["first"])),
                "last": date_format(date.fromisoformat(snapshot["last"])),
            },
        )
        return redirect(self.get_step_url("results") + "#measured")

    def measured_results_context(self):
        return {
            "measured_form": getattr(self, "measured_form", None)
            or (self._measured_form() if self.nomination.is_draft else None),
            "measured_choices": bool(self._measured_choices()),
            "measured": measured.shown(self.nomination.measured_results),
        }
