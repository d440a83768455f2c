"""The winners page: a cycle's published outcomes (winners, merit, finalists) with the stories
editors add to them."""

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from cms.page_base import LEAD_PANELS, BasePage
from nominations.statuses import PLACINGS, STATUSES, NominationStatus


class WinnersPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        cycle = cleaned_data.get("cycle")
        stories = self.formsets.get("stories")
        if cycle and stories is not None and stories.is_valid():
            for form in stories.forms:
                nomination = form.cleaned_data.get("nomination")
                deleted = form.cleaned_data.get("DELETE")
                if nomination and not deleted and nomination.cycle_id != cycle.pk:
                    form.add_error(
                        "nomination",
                        _(
                            "This entry belongs to another cycle. Choose an entry of "
                            "%(cycle)s, or change the page's cycle."
                        )
                        % {"cycle": cycle},
                    )
        return cleaned_data


class WinnersPage(BasePage):
    """A cycle's winners, merit awards and finalists by category, read from the nominations'
    statuses once results are published, with the stories editors write about them."""

    cycle = models.ForeignKey(
        "nominations.AwardCycle",
        verbose_name=_("award cycle"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The awards ceremony, announced with the winners page (schema.org Event, cms/sharing/).
    ceremony_starts_at = models.DateTimeField(_("ceremony starts"), null=True, blank=True)
    ceremony_ends_at = models.DateTimeField(_("ceremony ends"), null=True, blank=True)
    ceremony_venue = models.CharField(
        _("ceremony venue"),
        max_length=200,
        blank=True,
        help_text=_("The hall and its address. Leave empty for a ceremony held online only."),
    )
    ceremony_online_url = models.URLField(
        _("ceremony broadcast link"),
        blank=True,
        help_text=_("Where people watch the ceremony online, if it is streamed."),
    )

    content_panels = [
        *LEAD_PANELS,
        FieldPanel("cycle"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("ceremony_starts_at"), FieldPanel("ceremony_ends_at")]),
                FieldPanel("ceremony_venue"),
                FieldPanel("ceremony_online_url"),
            ],
            heading=_("Awards ceremony"),
        ),
        InlinePanel(
            "stories",
            heading=_("Stories"),
            label=_("Story"),
            help_text=_("A short story about a winner, merit award or finalist of the cycle."),
        ),
        FieldPanel("body"),
    ]
    base_form_class = WinnersPageForm
    parent_page_types = ["cms.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("winners page")

    def results_published(self):
        return self.cycle.rounds.filter(results_published_at__isnull=False).exists()

    def placings(self):
        """[(category, [(heading, status, [(nomination, story)])])]: each category with placed
        entries, in order; in it the winners, merit awards and finalists, each entry with the
        editors' story (or ""). Three queries, however many entries and stories."""
        from nominations.models import Nomination

        stories = {story.nomination_id: story.story for story in self.stories.all()}
        rank = {status: position for position, status in enumerate(PLACINGS)}
        nominations = sorted(
            Nomination.objects.filter(
                cycle=self.cycle_id, status__in=PLACINGS, category__isnull=False
            ).select_related("category"),
            key=lambda n: (
                n.category.sort_order,
                n.category_id,
                rank[n.status],
                n.organisation_name.casefold(),
            ),
        )
        by_category = {}
        for nomination in nominations:
            groups = by_category.setdefault(nomination.category_id, (nomination.category, {}))[1]
            groups.setdefault(nomination.status, []).append(
                (nomination, stories.get(nomination.pk, ""))
            )

        def heading(status, entries):
            term = STATUSES[status]
            return term.plural if len(entries) > 1 else term.label

        return [
            (
                category,
                [(heading(status, entries), status, entries) for status, entries in groups.items()],
            )
            for category, groups in by_category.values()
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the template's kept fragment is missing (awards_site/caching/).
        context["placings"] = SimpleLazyObject(
            lambda: self.placings() if self.results_published() else []
        )
        return context


class WinnerStory(Orderable):
    page = ParentalKey(WinnersPage, on_delete=models.CASCADE, related_name="stories")
    nomination = models.ForeignKey(
        "nominations.Nomination",
        verbose_name=_("entry"),
        on_delete=models.CASCADE,
        related_name="+",
        # Entries that reached the shortlist; the page's cycle is checked on saving.
        limit_choices_to={
            "status__in": [NominationStatus.SHORTLISTED, *PLACINGS],
        },
    )
    story = RichTextField(_("story"), features=["bold", "italic", "link"])

    panels = [FieldPanel("nomination"), FieldPanel("story")]

    class Meta(Orderable.Meta):
        verbose_name = _("winner's story")
        verbose_name_plural = _("winners' stories")

    def __str__(self):
        return str(self.nomination)
