"""The nomination wizard, "My nominations" and the nominator's downloads. Views stay thin: the
rules live in submission.py, progress.py, evidence.py and the step forms."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from formtools.wizard.views import NamedUrlWizardView
from wagtail import hooks
from wagtail.log_actions import log

from . import submission
from .answers import answer_sections
from .choices import NominationStatus
from .declaration import DECLARATION_POINTS
from .evidence import KINDS
from .forms import STEPS
from .models import AwardCycle, CycleState, EvidenceFile, Nomination
from .progress import sections

PENDING_INPUT = "nominations:pending-step-input"


def own_nomination(request, uuid):
    """The request user's nomination, or 404: nobody reaches another person's nomination."""
    return get_object_or_404(
        Nomination.objects.select_related("cycle", "category"), uuid=uuid, nominator=request.user
    )


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
        nomination = drafts.filter(category=None, organisation_name="").first() or (
            Nomination.objects.create(cycle=cycle, nominator=request.user, language=get_language())
        )
        return redirect("nominations:step", uuid=nomination.uuid, step=STEPS[0][0])
    return render(
        request, "nominations/start.html", {"cycle": cycle, "state": state, "drafts": drafts}
    )


class NominationWizard(NamedUrlWizardView):
    storage_name = "nominations.wizard_storage.NominationStorage"
    # formtools insists on a file storage when a step has a file field. Evidence never goes
    # through it (the evidence step saves each upload itself), so this folder stays empty.
    file_storage = FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT / "wizard-unused")
    form_list = STEPS
    template_name = "nominations/wizard/step.html"

    def dispatch(self, request, *args, uuid=None, **kwargs):
        if not request.user.is_authenticated:
            if request.method == "POST":
                # The session ended while this page was open: keep what was typed for after log-in.
                request.session[PENDING_INPUT] = {
                    "path": request.path,
                    "data": _plain_post(request),
                }
            return redirect_to_login(request.path)
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
            return kwargs
        return {}

    def get_form(self, step=None, data=None, files=None):
        # An empty dict means "nothing pending for this step": show the saved answers instead.
        return super().get_form(step, data or None, files or None)

    def get(self, request, *args, **kwargs):
        if kwargs.get("step") == self.done_step_name:
            # Submitting is a POST from the check page, never a GET of the "done" address.
            return redirect(self.get_step_url("check"))
        pending = request.session.get(PENDING_INPUT)
        if (
            pending
            and pending["path"] == request.path
            and kwargs.get("step") in self.get_form_list()
        ):
            self.storage.set_step_data(kwargs["step"], pending["data"])
            del request.session[PENDING_INPUT]
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
        step = self.steps.current
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
        if hasattr(form, "save"):
            form.save()
            if self.nomination.status == NominationStatus.SUBMITTED and form.changed_data:
                # Changes after sending are recorded, field by field, in the audit log.
                log(
                    self.nomination,
                    "nominations.change",
                    user=self.request.user,
                    data={"step": self.steps.current, "fields": form.changed_data},
                )
        return {}  # saved in the nomination itself: nothing left pending for this step

    def process_step_files(self, form):
        return {}

    def render_next_step(self, form, **kwargs):
        if self._returning_to_check():
            self.storage.current_step = "check"
            return redirect(self.get_step_url("check"))
        return super().render_next_step(form, **kwargs)

    def _upload_evidence(self):
        form = self.get_form(data=self.request.POST, files=self.request.FILES)
        if form.is_valid():
            saved = form.save()
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
            messages.success(
                self.request, _("“%(name)s” is removed.") % {"name": evidence.original_name}
            )
        return redirect(self.get_step_url("evidence"))

    # Done ----------------------------------------------------------------------------------------
    def render_done(self, form, **kwargs):
        """Check the answers stored in the database (the wizard's storage may hold nothing)."""
        return self.done([], **kwargs)

    def done(self, form_list, **kwargs):
        if self.nomination.status == NominationStatus.SUBMITTED:
            messages.success(self.request, _("Your changes are saved."))
            return redirect("nominations:detail", uuid=self.nomination.uuid)
        try:
            result = submission.submit(
                self.nomination.pk,
                self.request.user,
                email_verified=_email_verified(self.request.user),
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
        context.update(
            {
                "nomination": self.nomination,
                "step_title": form.title,
                "step_number": self.steps.step1,
                "step_count": self.steps.count,
                "prev_step": self.steps.prev,
                "returning_to_check": self._returning_to_check(),
                "step_template": f"nominations/wizard/steps/{step}.html",
            }
        )
        if step in ("evidence", "check"):
            context["evidence"] = self.nomination.evidence.all()
            context["max_files"] = EvidenceFile.MAX_FILES
        if step == "declaration":
            context["declaration_points"] = DECLARATION_POINTS
        if step == "check":
            context["answer_sections"] = answer_sections(self.nomination, self._change_url)
            context["email_verified"] = _email_verified(self.request.user)
        return context


def _plain_post(request):
    """The posted answers in the shape formtools stores (lists per key), without the token."""
    return {key: values for key, values in request.POST.lists() if key != "csrfmiddlewaretoken"}


def _email_verified(user):
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, verified=True).exists()


@login_required
def my_nominations(request):
    nominations = (
        Nomination.objects.for_nominator(request.user)
        .select_related("cycle", "category")
        .order_by("-created_at")
    )
    return render(request, "nominations/my_nominations.html", {"nominations": nominations})


@login_required
def detail(request, uuid):
    nomination = own_nomination(request, uuid)
    context = {
        "nomination": nomination,
        "can_change": nomination.accepts_changes(),
        "evidence": nomination.evidence.all(),
    }
    if nomination.is_draft:
        context["sections"] = sections(nomination)
        context["next_step"] = next(
            (s.step for s in context["sections"] if not s.complete), "check"
        )
    else:
        context["answer_sections"] = answer_sections(nomination, None)
    # Links other apps add (e.g. the judges' feedback): each hook returns [(label, url)].
    context["extra_links"] = [
        link
        for hook in hooks.get_hooks("nomination_detail_links")
        for link in hook(request, nomination)
    ]
    return render(request, "nominations/detail.html", context)


@login_required
def submitted(request, uuid):
    nomination = own_nomination(request, uuid)
    if nomination.status == NominationStatus.DRAFT:
        return redirect("nominations:detail", uuid=uuid)
    return render(request, "nominations/submitted.html", {"nomination": nomination})


@login_required
def withdraw(request, uuid):
    nomination = own_nomination(request, uuid)
    if request.method == "POST":
        try:
            submission.withdraw(nomination, request.user)
        except submission.SubmissionRefused as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, _("The nomination is withdrawn."))
        return redirect("nominations:my_nominations")
    if not nomination.accepts_changes():
        raise Http404
    return render(request, "nominations/withdraw.html", {"nomination": nomination})


@login_required
def evidence_download(request, uuid, evidence_id):
    nomination = own_nomination(request, uuid)
    evidence = get_object_or_404(EvidenceFile, pk=evidence_id, nomination=nomination)
    return evidence_response(evidence)


def evidence_response(evidence):
    """The file as a download, never rendered by the browser, whoever is allowed to ask."""
    response = FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence.original_name,
        content_type=KINDS[evidence.kind][1],
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def pdf_copy(request, uuid):
    from .pdf import nomination_pdf

    nomination = own_nomination(request, uuid)
    response = HttpResponse(nomination_pdf(nomination, request), content_type="application/pdf")
    name = nomination.reference or "draft"
    response["Content-Disposition"] = f'attachment; filename="nomination-{name}.pdf"'
    return response


@require_POST
@login_required
def resend_verification(request):
    from allauth.account.internal.flows.email_verification import (
        send_verification_email_to_address,
    )
    from allauth.account.models import EmailAddress

    address = EmailAddress.objects.filter(user=request.user, primary=True).first()
    if address and not address.verified:
        # A code to type on the next page, in this browser (allauth's verification by code).
        send_verification_email_to_address(request, address)
        return HttpResponseRedirect(reverse("account_email_verification_sent"))
    # Back to the page the button was on (a path of this site); anything else (another site,
    # "javascript:", a view name) goes to "My nominations".
    target = request.POST.get("next", "")
    if not target.startswith("/") or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("nominations:my_nominations")
    return HttpResponseRedirect(target)


nomination_wizard = NominationWizard.as_view(url_name="nominations:step", done_step_name="done")
