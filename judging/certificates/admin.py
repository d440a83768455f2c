"""Wagtail admin of certificates (registers its own hooks; the Judging menu links to it and to
the signatories, see judging/admin_menu.py).

Every view needs the "change round" permission, like the results screens (certificates follow
a round's published results). Signatories are a snippet with their own model permissions. The
rules live in issuing.py, planning.py and batch.py; the views are glue.

    admin/judging/certificates/                              judging_certificates
    admin/judging/certificates/issue/<round_id>/             judging_certificates_issue
    admin/judging/certificates/batches/<batch_id>/           judging_certificates_batch
    admin/judging/certificates/batches/<batch_id>/zip/       judging_certificates_batch_zip
    admin/judging/certificates/<certificate_id>/pdf/         judging_certificates_pdf
    admin/judging/certificates/<certificate_id>/revoke/      judging_certificates_revoke
    admin/judging/certificates/<certificate_id>/reissue/     judging_certificates_reissue
"""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse, reverse_lazy
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from judging.certificates import issuing as certificates
from judging.certificates.batch import batch_zip_filename
from judging.certificates.views import asked_language, pdf_response
from judging.models import Certificate, CertificateBatch, CertificateKind, Round, Signatory
from judging.results.admin import ResultsPage, ResultsPermissionMixin
from nominations.models import AwardCycle

PER_PAGE = 50


class CertificatePage(ResultsPermissionMixin, ResultsPage):
    """An admin page of certificates, behind the results' permission."""

    header_icon = "doc-full"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("judging_certificates"), "label": _("Certificates")},
            *self.crumbs(),
            {"url": "", "label": self.get_page_title()},
        ]


# The list ---------------------------------------------------------------------------------------


class ListFilters(forms.Form):
    cycle = forms.ModelChoiceField(
        label=gettext_lazy("Cycle"),
        queryset=AwardCycle.objects.all(),
        required=False,
        empty_label=gettext_lazy("Every cycle"),
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"),
        choices=[("", gettext_lazy("Every kind")), *CertificateKind.choices],
        required=False,
    )
    state = forms.ChoiceField(
        label=gettext_lazy("State"),
        choices=[
            ("", gettext_lazy("Valid and revoked")),
            ("valid", gettext_lazy("Valid")),
            ("revoked", gettext_lazy("Revoked")),
        ],
        required=False,
    )
    q = forms.CharField(label=gettext_lazy("Code or name"), required=False, max_length=200)


class CertificateListView(CertificatePage):
    template_name = "judging/admin/certificates.html"
    page_title = gettext_lazy("Certificates")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def certificates(self, filters):
        queryset = Certificate.objects.select_related("cycle", "replaces").order_by(
            "-issued_at", "-pk"
        )
        if not filters.is_valid():
            return queryset
        data = filters.cleaned_data
        if data["cycle"]:
            queryset = queryset.filter(cycle=data["cycle"])
        if data["kind"]:
            queryset = queryset.filter(kind=data["kind"])
        if data["state"] == "valid":
            queryset = queryset.filter(revoked_at__isnull=True)
        elif data["state"] == "revoked":
            queryset = queryset.filter(revoked_at__isnull=False)
        query = data["q"].strip()
        if query:
            code = certificates.normalise_code(query)
            queryset = queryset.filter(
                Q(recipient_name__icontains=query)
                | Q(nomination__reference__iexact=query)
                | (Q(code=code) if code else Q(pk__in=[]))
            )
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = ListFilters(self.request.GET or None)
        page = Paginator(self.certificates(filters), PER_PAGE).get_page(
            self.request.GET.get("page")
        )
        context.update(
            filters=filters,
            page=page,
            rounds=Round.objects.filter(results_published_at__isnull=False)
            .select_related("cycle")
            .order_by("-results_published_at"),
            batches=CertificateBatch.objects.select_related("round", "round__cycle")[:5],
        )
        return context


# Issuing ----------------------------------------------------------------------------------------


class IssueView(CertificatePage):
    template_name = "judging/admin/certificates_issue.html"
    page_title = gettext_lazy("Issue certificates")

    @cached_property
    def round(self):
        return get_object_or_404(Round.objects.select_related("cycle"), pk=self.kwargs["round_id"])

    def get_page_subtitle(self):
        return str(self.round)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = certificates.preview(self.round) if self.round.results_published else []
        context.update(
            round=self.round,
            rows=rows,
            new=sum(row.new for row in rows),
            kept=sum(row.kept for row in rows),
            revoked=sum(row.revoked for row in rows),
            batches=self.round.certificate_batches.all()[:10],
            signatories=Signatory.objects.filter(cycle=self.round.cycle_id).count(),
            printed=Signatory.PRINTED,
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            result = certificates.issue(self.round, request.user)
        except certificates.CertificateError as error:
            messages.error(request, error.message)
            return redirect("judging_certificates_issue", self.round.pk)
        messages.success(
            request,
            ngettext(
                "%(count)s new certificate issued; %(kept)s already issued kept.",
                "%(count)s new certificates issued; %(kept)s already issued kept.",
                result.created,
            )
            % {"count": result.created, "kept": result.kept},
        )
        return redirect("judging_certificates_batch", result.batch.pk)


class BatchView(CertificatePage):
    template_name = "judging/admin/certificates_batch.html"
    page_title = gettext_lazy("Certificate batch")

    @cached_property
    def batch(self):
        return get_object_or_404(
            CertificateBatch.objects.select_related("round", "round__cycle", "created_by"),
            pk=self.kwargs["batch_id"],
        )

    def get_page_subtitle(self):
        return str(self.batch.round)

    def crumbs(self):
        round = self.batch.round
        return [{"url": reverse("judging_certificates_issue", args=[round.pk]), "label": round}]

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "json":
            batch = self.batch
            return JsonResponse(
                {
                    "status": batch.status,
                    "status_label": batch.status_label(),
                    "done": batch.done,
                    "total": batch.total,
                    "finished": batch.finished,
                    "stalled": batch.stalled,
                }
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["batch"] = self.batch
        return context

    def post(self, request, *args, **kwargs):
        try:
            certificates.retry_batch(self.batch, request.user)
        except certificates.CertificateError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The batch is queued again."))
        return redirect("judging_certificates_batch", self.batch.pk)


class BatchZipView(ResultsPermissionMixin, View):
    def get(self, request, *args, **kwargs):
        batch = get_object_or_404(
            CertificateBatch.objects.select_related("round", "round__cycle"),
            pk=kwargs["batch_id"],
        )
        if not batch.zip:
            raise Http404
        response = FileResponse(
            batch.zip.open("rb"),
            as_attachment=True,
            filename=batch_zip_filename(batch),
            content_type="application/zip",
        )
        response["Cache-Control"] = "private"
        return response


# One certificate --------------------------------------------------------------------------------


class CertificatePdfView(ResultsPermissionMixin, View):
    def get(self, request, *args, **kwargs):
        certificate = get_object_or_404(
            Certificate.objects.select_related("cycle"), pk=kwargs["certificate_id"]
        )
        return pdf_response(certificate, asked_language(request, certificate.language))


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=gettext_lazy("Kept in the history; not shown on the public verification page."),
        error_messages={
            "required": gettext_lazy(
                "Say why the certificate is revoked: the reason is kept in the history."
            )
        },
    )


class CertificateActionView(CertificatePage):
    """Revoke or re-issue one certificate: a page with the reason to give, then the act."""

    template_name = "judging/admin/certificate_action.html"

    @cached_property
    def certificate(self):
        return get_object_or_404(
            Certificate.objects.select_related("cycle", "replaces"),
            pk=self.kwargs["certificate_id"],
        )

    def get_page_subtitle(self):
        return self.certificate.display_code

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            certificate=self.certificate,
            form=form or ReasonForm(),
            action=self.action,
            replacement=Certificate.objects.filter(replaces=self.certificate).first(),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = ReasonForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            message = self.act(form.cleaned_data["reason"])
        except certificates.CertificateError as error:
            messages.error(request, error.message)
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, message)
        # The list of the recipient's certificates: the revoked one and any replacement.
        return redirect(
            reverse("judging_certificates")
            + "?"
            + urlencode({"q": self.certificate.recipient_name})
        )


class RevokeView(CertificateActionView):
    page_title = gettext_lazy("Revoke a certificate")
    action = "revoke"

    def act(self, reason):
        certificates.revoke(self.certificate, self.request.user, reason)
        return _("Certificate %(code)s revoked: its verification page now says so.") % {
            "code": self.certificate.display_code
        }


class ReissueView(CertificateActionView):
    page_title = gettext_lazy("Re-issue a certificate")
    action = "reissue"

    def act(self, reason):
        new = certificates.reissue(self.certificate, self.request.user, reason)
        return _("Certificate %(old)s revoked and re-issued as %(new)s.") % {
            "old": self.certificate.display_code,
            "new": new.display_code,
        }


@hooks.register("register_admin_urls")
def register_certificate_urls():
    prefix = "judging/certificates/"
    return [
        path(prefix, CertificateListView.as_view(), name="judging_certificates"),
        path(
            f"{prefix}issue/<int:round_id>/",
            IssueView.as_view(),
            name="judging_certificates_issue",
        ),
        path(
            f"{prefix}batches/<int:batch_id>/",
            BatchView.as_view(),
            name="judging_certificates_batch",
        ),
        path(
            f"{prefix}batches/<int:batch_id>/zip/",
            BatchZipView.as_view(),
            name="judging_certificates_batch_zip",
        ),
        path(
            f"{prefix}<int:certificate_id>/pdf/",
            CertificatePdfView.as_view(),
            name="judging_certificates_pdf",
        ),
        path(
            f"{prefix}<int:certificate_id>/revoke/",
            RevokeView.as_view(),
            name="judging_certificates_revoke",
        ),
        path(
            f"{prefix}<int:certificate_id>/reissue/",
            ReissueView.as_view(),
            name="judging_certificates_reissue",
        ),
    ]


# The Judging menu's items (judging/admin_menu.py JudgingGroup) -----------------------------


class CertificatesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("judging.manage_results")


class CertificatesLink(ViewSet):
    name = "judging_certificates_link"
    icon = "doc-full"
    menu_label = gettext_lazy("Certificates")
    menu_url = reverse_lazy("judging_certificates")
    menu_item_class = CertificatesMenuItem


class SignatoryViewSet(SnippetViewSet):
    """The people who sign a cycle's certificates (a snippet, in the Judging menu)."""

    model = Signatory
    icon = "user"
    menu_label = gettext_lazy("Signatories")
    menu_item_is_registered = True  # shown in the Judging menu, not under Snippets
    list_display = ["name", "title_en", "cycle", "sort_order"]
    list_filter = ["cycle"]
    search_fields = ["name", "title_en", "title_fr", "title_pt", "title_ar"]
    ordering = ["cycle", "sort_order", "pk"]
    panels = [
        FieldPanel("cycle"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("title_en"), FieldPanel("title_fr")]),
        FieldRowPanel([FieldPanel("title_pt"), FieldPanel("title_ar")]),
        FieldPanel("signature"),
        FieldPanel("sort_order"),
    ]

    def get_queryset(self, request):
        # Each row shows its cycle.
        return Signatory.objects.select_related("cycle")
