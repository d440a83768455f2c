"""The nomination wizard: start, each step, save and come back, check and send. Views stay thin:
the rules live in sending/submission.py, wizard/progress.py, wizard/evidence.py and the step
forms."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.files.storage import FileSystemStorage
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from formtools.wizard.views import NamedUrlWizardView, WizardView

from awards_site.accounts import pending_input
from awards_site.caching.pages import shareable
from awards_site.reach.conversions import CONVERSIONS, campaign_of, record_conversion
from nominations.access import own_nomination
from nominations.answers import answer_sections
from nominations.choices import NominationStatus
from nominations.models import AwardCycle, CycleState, EvidenceFile, Nomination
from nominations.sending import organisations, submission, versions
from nominations.wizard import drafts, measured
from nominations.wizard.declaration import DECLARATION_POINTS
from nominations.wizard.evidence import LimitReached
from nominations.wizard.forms import STEPS
from nominations.wizard.measured_steps import MeasuredResultsSteps

# Steps whose answers a stale copy may have to merge (the evidence step saves files, one at a
# time, and the check step only sends).
MERGEABLE_STEPS = ("category", "organisation", "contact", "initiative", "results", "declaration")


@shareable  # to visitors who are not signed in: the same page for all of them
def start(request):
    """/nominate/: what the awards ask for, the user's drafts to resume, and a way to start."""
    cycle = AwardCycle.objects.current()
    state = cycle.state() if cycle else None
    drafts = []
    if request.user.is_authenticated and cycle:
        drafts = Nomination.objects.for_nominator(request.user).filter(
            cycle=cycle, status=NominationStatus.DRAFT
        )
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if state != CycleState.OPEN:
            messages.error(
                request, _("Nominations are not open, so a new nomination cannot be started.")
            )
            return redirect("nominations:start")
        # A second click on "Start" reuses the blank draft the first one made.
        nomination = drafts.filter(category=None, organisation_name="").first()
        if nomination is None:
            nomination = _new_draft(request, cycle)
        return redirect("nominations:step", uuid=nomination.uuid, step=STEPS[0][0])
    return render(
        request, "nominations/start.html", {"cycle": cycle, "state": state, "drafts": drafts}
    )


def _new_draft(request, cycle):
    """A new draft, with the tagged link that brought it, counted as a start (the send is
    counted for the same campaign: sending/submission.py)."""
    campaign, source = campaign_of(request)
    nomination = Nomination.objects.create(
        cycle=cycle,
        nominator=request.user,
        language=get_language(),
        campaign=campaign,
        campaign_source=source,
    )
    record_conversion(request, CONVERSIONS.NOMINATION_STARTED, campaign, source)
    return nomination


class NominationWizard(MeasuredResultsSteps, NamedUrlWizardView):
    storage_name = "nominations.wizard.storage.NominationStorage"
    # formtools insists on a file storage when a step has a file field. Evidence never goes
    # through it (the evidence step saves each upload itself), so this folder stays empty.
    file_storage = FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT / "wizard-unused")
    form_list = STEPS
    template_name = "nominations/wizard/step.html"

    def dispatch(self, request, *args, uuid=None, **kwargs):
        if not request.user.is_authenticated:
            # The session ended while this page was open: what was typed is kept for after the
            # log-in (awards_site/accounts/pending_input.py).
            return pending_input.sign_in_keeping_input(request)
        self.nomination = own_nomination(request, uuid)
        if not self.nomination.accepts_changes():
            messages.error(request, _("This nomination can no longer be changed."))
            return redirect("nominations:detail", uuid=self.nomination.uuid)
        request.wizard_nomination = self.nomination
        return super().dispatch(request, *args, **kwargs)

    def get_prefix(self, request, *args, **kwargs):
        return f"nomination-{self.nomination.uuid}"

    def get_step_url(self, step):
        url = reverse("nominations:step", kwargs={"uuid": self.nomination.uuid, "step": step})
        if self._returning_to_check() and step != "check":
            url += "?return=check"
        return url

    def _change_url(self, step):
        """A "Change" link of check-your-answers: after the change, back to the answers."""
        return (
            reverse("nominations:step", kwargs={"uuid": self.nomination.uuid, "step": step})
            + "?return=check"
        )

    def _returning_to_check(self):
        return (
            self.request.GET.get("return") == "check" or self.request.POST.get("return") == "check"
        )

    # Forms --------------------------------------------------------------------------------------
    def get_form_instance(self, step):
        return self.nomination

    def get_form_kwargs(self, step=None):
        step = step or self.steps.current
        if step in ("evidence", "check"):
            kwargs = {"instance": self.nomination}
            if step == "evidence":
                kwargs["uploading"] = "upload" in self.request.POST
                kwargs["evidence"] = self._evidence()
            return kwargs
        return {}

    def get_form(self, step=None, data=None, files=None):
        # An empty dict means "nothing pending for this step": show the saved answers instead.
        return super().get_form(step, data or None, files or None)

    def get(self, request, *args, **kwargs):
        if kwargs.get("step") == self.done_step_name:
            # Submitting is a POST from the check page, never a GET of the "done" address.
            return redirect(self.get_step_url("check"))
        pending = (
            pending_input.take(request) if kwargs.get("step") in self.get_form_list() else None
        )
        if pending is not None:
            self.storage.set_step_data(kwargs["step"], pending)
            messages.warning(
                request,
                _(
                    "You were signed out, so your answers on this page were "
                    "not saved yet. Check them and continue."
                ),
            )
        return super().get(request, *args, **kwargs)

    def post(self, *args, **kwargs):
        # The address says which step is sent: answers are in the database, so any step may be
        # posted in any order (formtools alone would trust only its own storage).
        if kwargs.get("step") in self.get_form_list():
            self.storage.current_step = kwargs["step"]
        step = self.posted_step = self.steps.current
        if "merge" in self.request.POST and step in MERGEABLE_STEPS:
            self.request.POST = self._merged_post(step)
        try:
            return self._post(self.steps.current, *args, **kwargs)
        except drafts.StaleAnswers as stale:
            # Another tab or device saved this step since this page was loaded: nothing is
            # written; both versions are shown side by side to merge.
            return self._render_conflict(step, stale.current)
        except LimitReached as refused:
            # Another upload took the nomination's last room meanwhile (evidence.attach).
            return self._refuse_evidence(refused)
        except organisations.AlreadyNominated as taken:
            # Another nomination of the organisation was sent in the category meanwhile.
            return self._refuse_step(step, taken.message)

    def _refuse_step(self, step, message):
        form = self.get_form(step, data=self.request.POST, files=self.request.FILES)
        if form.is_valid():  # else its own check already says so
            form.add_error(None, message)
        return self.render(form)

    def _refuse_evidence(self, refused):
        form = self.get_form("evidence", data=self.request.POST, files=self.request.FILES)
        if form.is_valid():  # else its own check already says the nomination is full
            form.refuse(refused)
        return self.render(form)

    def _post(self, current, *args, **kwargs):
        step = current
        if step == "results" and {"attach_measured", "remove_measured"} & set(self.request.POST):
            return self.measured_results_post()
        if step == "evidence" and "remove" in self.request.POST:
            return self._remove_evidence(self.request.POST["remove"])
        if step == "evidence" and "upload" in self.request.POST:
            return self._upload_evidence()
        if "save_later" in self.request.POST:
            self._keep_input(step)
            messages.success(
                self.request,
                _(
                    "Your nomination is saved. "
                    "Come back to it from “My nominations” before the deadline."
                ),
            )
            return redirect("nominations:detail", uuid=self.nomination.uuid)
        return super().post(*args, **kwargs)

    def _keep_input(self, step):
        """Save a step's answers if they are valid, otherwise keep them as typed (not lost).
        On the evidence step a file chosen but not uploaded yet is uploaded now."""
        if step == "check":
            return
        form = self.get_form(step, data=self.request.POST, files=self.request.FILES)
        if form.is_valid():
            self.storage.set_step_data(step, self.process_step(form))
        elif step != "evidence" and form.has_changed():
            self.storage.set_step_data(step, self.get_form_step_data(form))

    def render_goto_step(self, goto_step, **kwargs):
        self._keep_input(self.steps.current)
        return super().render_goto_step(goto_step, **kwargs)

    def process_step(self, form):
        step = self.steps.current
        if step == "evidence":
            form.save()  # a file chosen and sent with "Continue" (LimitReached caught in post)
        elif hasattr(form, "save"):
            # Refused (StaleAnswers, caught in post) when another copy saved this step since
            # this page was loaded. The wizard's place after this request is written with the
            # answers, in one statement when no other copy has saved meanwhile.
            state = self.storage.state_after(step, self._step_after(step))
            if drafts.save_step(
                self.nomination,
                form,
                step,
                drafts.parse_revision(self.request.POST.get("revision")),
                self.request.POST.get("base", ""),
                self.request.user,
                wizard_state=state,
            ):
                self.storage.saved_as(state)
        return {}  # saved in the nomination itself: nothing left pending for this step

    def _step_after(self, step):
        """The step this POST leads to (as render_next_step and render_goto_step decide)."""
        posted = self.request.POST
        if "save_later" in posted:
            return step
        if posted.get("wizard_goto_step") in self.get_form_list():
            return posted["wizard_goto_step"]
        if self._returning_to_check():
            return "check"
        return self.steps.next or step

    # Two copies of one nomination ------------------------------------------------------------
    def _render_conflict(self, step, current):
        form_class = self.form_list[step]
        rows = drafts.conflicts(current, form_class, self.request.POST, self.get_form_prefix(step))
        then = {
            key: self.request.POST[key]
            for key in ("save_later", "wizard_goto_step", "return")
            if key in self.request.POST
        }
        context = {
            "nomination": current,
            "step": step,
            "step_title": form_class.title,
            "rows": rows,
            "then": then,
            "revision": current.revision,
            "base": drafts.step_digest(current, form_class),
            "management_name": f"{self.prefix}-current_step",
        }
        return render(self.request, "nominations/wizard/conflict.html", context, status=409)

    def _merged_post(self, step):
        """The POST of a merge: what is saved now, with this tab's answers where chosen, sent
        on as the step's own POST (with the revision the merge page was made from)."""
        posted = self.request.POST
        form_class = self.form_list[step]
        prefix = self.get_form_prefix(step)
        mine = {
            key.removeprefix("mine-"): value
            for key, value in posted.items()
            if key.startswith("mine-")
        }
        fields = posted.getlist("field")
        if posted.get("merge") == drafts.USE_MINE:
            choices = dict.fromkeys(fields, drafts.USE_MINE)
        else:
            choices = {name: posted.get(f"choice-{name}", drafts.KEEP_SAVED) for name in fields}
        current = Nomination.objects.select_related("cycle").get(pk=self.nomination.pk)
        data = drafts.merged_data(current, form_class, prefix, choices, mine)
        merged = QueryDict(mutable=True)
        for key, value in data.items():
            merged[key] = "" if value is None else str(value)
        for key in ("csrfmiddlewaretoken", "revision", "base", f"{self.prefix}-current_step"):
            if key in posted:
                merged[key] = posted[key]
        for key in ("save_later", "wizard_goto_step", "return"):
            if f"then-{key}" in posted:
                merged[key] = posted[f"then-{key}"]
        return merged

    def process_step_files(self, form):
        return {}

    def render_next_step(self, form, **kwargs):
        if self._returning_to_check():
            self.storage.current_step = "check"
            return redirect(self.get_step_url("check"))
        if self.steps.current == "declaration":
            # "Check your answers" is read at its own address: showing it in answer to this
            # POST would cost its own queries on top of the declaration's record (11, over the
            # budget of 8 a step; tests/nominations/wizard/test_queries.py).
            return super().render_next_step(form, **kwargs)
        # The next step in answer to this POST, as formtools' own WizardView does: one request
        # less a step. Nothing needs protecting: the answers are saved, and sending them again
        # (a reload) saves the same answers. The page's form posts to the step's own address,
        # and static/js/site.js puts that address in the address bar.
        return WizardView.render_next_step(self, form, **kwargs)

    def _upload_evidence(self):
        form = self.get_form(data=self.request.POST, files=self.request.FILES)
        if form.is_valid():
            saved = form.save()  # LimitReached is caught in post
            messages.success(
                self.request, _("“%(name)s” is attached.") % {"name": saved.original_name}
            )
            return redirect(self.get_step_url("evidence"))
        return self.render(form)

    def _remove_evidence(self, evidence_id):
        if not self.nomination.is_draft:
            messages.error(
                self.request,
                _("Files of a nomination already sent cannot be removed; you can add others."),
            )
            return redirect(self.get_step_url("evidence"))
        try:
            evidence = self.nomination.evidence.filter(pk=int(evidence_id)).first()
        except ValueError:  # not a number ("²" passes isdigit() but not int()): nothing to remove
            evidence = None
        if evidence is not None:
            evidence.file.delete(save=False)
            evidence.delete()
            drafts.touch(self.nomination)
            messages.success(
                self.request, _("“%(name)s” is removed.") % {"name": evidence.original_name}
            )
        return redirect(self.get_step_url("evidence"))

    # Done ----------------------------------------------------------------------------------------
    def render_done(self, form, **kwargs):
        """Check the answers stored in the database (the wizard's storage may hold nothing)."""
        return self.done([], **kwargs)

    def done(self, form_list, **kwargs):
        revision = drafts.parse_revision(self.request.POST.get("revision"))
        if self.nomination.is_sent:
            # "Send changes": the saved changes become the next version.
            try:
                result = submission.send_changes(
                    self.nomination.pk, self.request.user, expected_revision=revision
                )
            except submission.SubmissionRefused as refusal:
                messages.error(self.request, refusal.message)
                return redirect(self.get_step_url(refusal.step or "check"))
            self.storage.reset()
            messages.success(
                self.request,
                _("Your changes are sent: they are version %(number)s of your nomination.")
                % {"number": result.version.number},
            )
            return redirect("nominations:detail", uuid=self.nomination.uuid)
        try:
            result = submission.submit(
                self.nomination.pk,
                self.request.user,
                email_verified=_email_verified(self.request.user),
                expected_revision=revision,
            )
        except submission.SubmissionRefused as refusal:
            messages.error(self.request, refusal.message)
            return redirect(self.get_step_url(refusal.step or "check"))
        self.storage.reset()
        return redirect("nominations:submitted", uuid=result.nomination.uuid)

    # Context -------------------------------------------------------------------------------------
    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        step = self.steps.current
        # The posted step shown again (with its errors), not the next step shown in answer.
        posted = self.request.method == "POST" and step == getattr(self, "posted_step", None)
        context.update(
            {
                # The revision (and this step's answers) the page was loaded with, kept as
                # posted when the page shows errors: a stale copy stays recognisable (drafts.py).
                "loaded_revision": self.request.POST.get("revision", self.nomination.revision)
                if posted
                else self.nomination.revision,
                "loaded_base": self.request.POST.get("base", "")
                if posted and "base" in self.request.POST
                else drafts.step_digest(self.nomination, self.form_list[step]),
                "nomination": self.nomination,
                "step_title": form.title,
                "step_number": self.steps.step1,
                "step_count": self.steps.count,
                "prev_step": self.steps.prev,
                "returning_to_check": self._returning_to_check(),
                "step_template": f"nominations/wizard/steps/{step}.html",
                "step_url": self.get_step_url(step),
            }
        )
        if step in ("evidence", "check"):
            context["evidence"] = self._evidence()
            context["max_files"] = EvidenceFile.MAX_FILES
        if step == "results":
            context.update(self.measured_results_context())
        if step == "check":
            context["measured"] = measured.shown(self.nomination.measured_results)
        if step == "declaration":
            context["declaration_points"] = DECLARATION_POINTS
        if step == "check":
            context["answer_sections"] = answer_sections(self.nomination, self._change_url)
            context["email_verified"] = _email_verified(self.request.user)
        if self.nomination.is_sent:
            latest = versions.latest(self.nomination)
            context["latest_version"] = latest
            context["unsent"] = versions.unsent_differences(self.nomination, latest)
        return context

    def _evidence(self):
        """The nomination's files, read once a request (the evidence step's form and page)."""
        if not hasattr(self, "_evidence_files"):
            self._evidence_files = list(self.nomination.evidence.all())
        return self._evidence_files


def _email_verified(user):
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, verified=True).exists()


nomination_wizard = NominationWizard.as_view(url_name="nominations:step", done_step_name="done")
