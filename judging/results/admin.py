"""Wagtail admin of a round's results: the table, entry detail, notes, decisions, publishing and
the Excel export (registers its own hooks).

Every view needs judging.manage_results (judging/rules.py: whoever may change rounds): results
decide outcomes.
The views are thin; the rules live in computation.py and detail.py (the numbers), decisions.py
(outcomes and publishing), export.py (the workbook) and judging/scoring/rules.py (reopening a
scoresheet).

    admin/judging/results/                                  judging_results_index
    admin/judging/results/<round_id>/                       judging_results
    admin/judging/results/<round_id>/shortlist/             judging_results_shortlist (POST)
    admin/judging/results/<round_id>/decide/                judging_results_decide (POST)
    admin/judging/results/<round_id>/publish/               judging_results_publish
    admin/judging/results/<round_id>/entry/<nomination_id>/ judging_results_entry
    admin/judging/results/<round_id>/export.xlsx            judging_results_export
"""

from collections import Counter

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, path, reverse
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from awards_site import exports
from judging.models import ModerationNote, Outcome, Round, Scoresheet, ScoresheetStatus
from judging.results import decisions
from judging.results.computation import (
    by_category,
    entries,
    round_results,
)
from judging.results.detail import entry_detail, moderation_notes
from nominations.models import Category, Nomination

PERMISSION = "judging.manage_results"


def optional_url(name, *args):
    """The URL, or None while the view behind it does not exist."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


class ResultsPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class RoundMixin(ResultsPermissionMixin):
    """A view of one round's results (round_id in the URL)."""

    @cached_property
    def round(self):
        return get_object_or_404(Round.objects.select_related("cycle"), pk=self.kwargs["round_id"])

    def results_url(self, category=None):
        url = reverse("judging_results", args=[self.round.pk])
        return f"{url}?category={category}" if category else url


class ResultsPage(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "table"

    def crumbs(self):
        return []

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("judging_results_index"), "label": _("Results")},
            *self.crumbs(),
            {"url": "", "label": self.get_page_title()},
        ]


class RoundPage(RoundMixin, ResultsPage):
    def get_page_subtitle(self):
        return str(self.round)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["round"] = self.round
        context["links"] = [
            (label, url)
            for label, url in [
                (_("Results"), reverse("judging_results", args=[self.round.pk])),
                (_("Round settings"), optional_url("judging_rounds:edit", self.round.pk)),
                (_("Progress"), optional_url("judging_rounds:progress", self.round.pk)),
                (_("Excel export"), reverse("judging_results_export", args=[self.round.pk])),
                (_("Certificates"), optional_url("judging_certificates_issue", self.round.pk)),
            ]
            if url
        ]
        return context


# The list of rounds ----------------------------------------------------------------------------


class ResultsIndexView(ResultsPermissionMixin, ResultsPage):
    template_name = "judging/admin/results_index.html"
    page_title = gettext_lazy("Results")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rounds"] = (
            Round.objects.select_related("cycle")
            .annotate(
                assigned=Count("assignments"),
                submitted=Count(
                    "assignments",
                    filter=Q(assignments__scoresheet__status=ScoresheetStatus.SUBMITTED),
                ),
            )
            .order_by("-cycle__nominations_open_at", "-opens_at", "-pk")
        )
        return context


# A round's results -----------------------------------------------------------------------------


class ShortlistForm(forms.Form):
    n = forms.IntegerField(
        label=gettext_lazy("Entries per category"),
        min_value=1,
        max_value=1000,
        initial=5,
        error_messages={
            "required": gettext_lazy("Enter how many entries to shortlist in each category."),
            "invalid": gettext_lazy("Enter a whole number, for example 5."),
            "min_value": gettext_lazy("Enter 1 or more."),
            "max_value": gettext_lazy("Enter 1000 or fewer."),
        },
    )
    category = forms.ModelChoiceField(
        label=gettext_lazy("Category"),
        queryset=Category.objects.none(),
        required=False,
        empty_label=gettext_lazy("Every category"),
    )

    def __init__(self, *args, round, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(cycle=round.cycle_id)


class RoundResultsView(RoundPage):
    template_name = "judging/admin/results.html"
    page_title = gettext_lazy("Results")
    per_page = 100

    @cached_property
    def categories(self):
        return list(Category.objects.filter(cycle=self.round.cycle_id))

    @cached_property
    def category_id(self):
        try:
            chosen = int(self.request.GET.get("category", ""))
        except ValueError:
            return None
        return chosen if any(category.pk == chosen for category in self.categories) else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        results = round_results(self.round, self.category_id)
        page = Paginator(results, self.per_page).get_page(self.request.GET.get("page"))
        outcomes = Counter(result.outcome for result in results if result.outcome)
        shortlist_form = ShortlistForm(round=self.round, initial={"category": self.category_id})
        context.update(
            categories=self.categories,
            category_id=self.category_id,
            page=page,
            groups=by_category(page.object_list),
            entry_count=len(results),
            ranked_count=sum(1 for result in results if result.rank is not None),
            flagged_count=sum(1 for result in results if result.disagreement),
            decided=[(Outcome(value).label, outcomes[value]) for value in Outcome.values],
            outcome_choices=Outcome.choices,
            shortlist_form=shortlist_form,
            published=self.round.results_published,
            is_closed=self.round.is_closed(),
            threshold=self.round.disagreement_threshold,
        )
        return context


class RoundActionView(RoundMixin, View):
    http_method_names = ["post"]

    def back(self):
        return redirect(self.results_url(self.request.POST.get("category")))


class ShortlistView(RoundActionView):
    def post(self, request, *args, **kwargs):
        form = ShortlistForm(request.POST, round=self.round)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, _("Shortlist not made: %(error)s") % {"error": error})
            return self.back()
        category = form.cleaned_data["category"]
        try:
            count = decisions.shortlist_top(
                self.round,
                form.cleaned_data["n"],
                request.user,
                category_id=category.pk if category else None,
            )
        except decisions.DecisionError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s entry shortlisted. Entries that already had a decision keep it.",
                    "%(count)s entries shortlisted. Entries that already had a decision keep it.",
                    count,
                )
                % {"count": count},
            )
        return self.back()


class DecideView(RoundActionView):
    def post(self, request, *args, **kwargs):
        nomination = get_object_or_404(Nomination, pk=request.POST.get("nomination"))
        outcome = request.POST.get("outcome", "")
        try:
            if outcome:
                decisions.decide(self.round, nomination, outcome, request.user)
                messages.success(
                    request,
                    _("%(entry)s: %(outcome)s.")
                    % {"entry": nomination.reference, "outcome": Outcome(outcome).label},
                )
            elif decisions.undecide(self.round, nomination, request.user):
                messages.success(
                    request, _("%(entry)s: decision cleared.") % {"entry": nomination.reference}
                )
        except decisions.DecisionError as error:
            messages.error(request, error.message)
        return self.back()


class PublishView(RoundPage):
    template_name = "judging/admin/results_publish.html"
    page_title = gettext_lazy("Publish the results")

    def crumbs(self):
        return [{"url": self.results_url(), "label": self.round}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = dict(
            self.round.decisions.values_list("outcome").annotate(count=Count("pk")).order_by()
        )
        context.update(
            decided=[(Outcome(value).label, counts.get(value, 0)) for value in Outcome.values],
            decided_count=sum(counts.values()),
            entry_count=entries(self.round).count(),
            published=self.round.results_published,
            is_closed=self.round.is_closed(),
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            published = decisions.publish(self.round, request.user)
        except decisions.DecisionError as error:
            messages.error(request, error.message)
            return redirect("judging_results_publish", self.round.pk)
        if published:
            messages.success(
                request,
                _(
                    "Results published: the decided nominations have their new status and every "
                    "nominator is being told by email."
                ),
            )
        else:
            messages.warning(
                request, _("These results were already published; nobody was emailed again.")
            )
        return redirect(self.results_url())


# One entry -------------------------------------------------------------------------------------


class NoteForm(forms.ModelForm):
    class Meta:
        model = ModerationNote
        fields = ["text"]
        error_messages = {
            "text": {"required": gettext_lazy("Write the note before adding it.")},
        }


class ReopenForm(forms.Form):
    scoresheet = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=gettext_lazy("Why reopen it"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "required": gettext_lazy(
                "Say why the scoresheet is reopened: the reason is kept in the history."
            )
        },
    )


class EntryView(RoundPage):
    template_name = "judging/admin/results_entry.html"

    @cached_property
    def nomination(self):
        nomination = get_object_or_404(
            Nomination.objects.select_related("category"), pk=self.kwargs["nomination_id"]
        )
        if nomination.cycle_id != self.round.cycle_id:
            raise Http404
        return nomination

    def get_page_title(self):
        return self.nomination.reference or str(self.nomination)

    def get_page_subtitle(self):
        return ""

    def crumbs(self):
        return [{"url": self.results_url(), "label": self.round}]

    def get_context_data(self, note_form=None, reopen_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        nomination = self.nomination
        result = next(
            (
                result
                for result in round_results(self.round, nomination.category_id)
                if result.nomination_id == nomination.pk
            ),
            None,
        )
        context.update(
            nomination=nomination,
            result=result,
            judges=entry_detail(self.round, nomination),
            notes=moderation_notes(self.round, nomination),
            note_form=note_form or NoteForm(),
            reopen_errors=reopen_form.errors.get("reason", []) if reopen_form else [],
            reopen_sheet=reopen_form.data.get("scoresheet", "") if reopen_form else "",
            can_reopen=not self.round.is_closed(),
            inspect_url=optional_url("nomination:inspect", nomination.pk),
        )
        return context

    def post(self, request, *args, **kwargs):
        if "reason" in request.POST:
            return self.reopen(request)
        form = NoteForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(note_form=form))
        ModerationNote.objects.create(
            round=self.round,
            nomination=self.nomination,
            author=request.user,
            text=form.cleaned_data["text"],
        )
        messages.success(request, _("Note added."))
        return redirect(request.path)

    def reopen(self, request):
        from judging.scoring.rules import ScoringError, reopen

        form = ReopenForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(reopen_form=form))
        sheet = get_object_or_404(
            Scoresheet.objects.select_related("assignment__round", "assignment__nomination"),
            pk=form.cleaned_data["scoresheet"],
            assignment__round=self.round,
            assignment__nomination=self.nomination,
        )
        try:
            reopen(sheet, request.user, form.cleaned_data["reason"])
        except ScoringError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Scoresheet reopened: the judge can change and submit it again."),
            )
        return redirect(request.path)


# The Excel export ------------------------------------------------------------------------------


class ExportView(RoundMixin, View):
    def get(self, request, *args, **kwargs):
        # Imported at the first export: it loads openpyxl, which web workers serving pages
        # never need (tests/site/test_light_workers.py).
        from judging.results.export import results_workbook

        name = slugify(f"results {self.round.cycle.code} {self.round.name_en}") or "results"
        return exports.xlsx_response(f"{name}.xlsx", results_workbook(self.round))


@hooks.register("register_admin_urls")
def register_results_urls():
    prefix = "judging/results/"
    return [
        path(prefix, ResultsIndexView.as_view(), name="judging_results_index"),
        path(f"{prefix}<int:round_id>/", RoundResultsView.as_view(), name="judging_results"),
        path(
            f"{prefix}<int:round_id>/shortlist/",
            ShortlistView.as_view(),
            name="judging_results_shortlist",
        ),
        path(
            f"{prefix}<int:round_id>/decide/", DecideView.as_view(), name="judging_results_decide"
        ),
        path(
            f"{prefix}<int:round_id>/publish/",
            PublishView.as_view(),
            name="judging_results_publish",
        ),
        path(
            f"{prefix}<int:round_id>/entry/<int:nomination_id>/",
            EntryView.as_view(),
            name="judging_results_entry",
        ),
        path(
            f"{prefix}<int:round_id>/export.xlsx",
            ExportView.as_view(),
            name="judging_results_export",
        ),
    ]
