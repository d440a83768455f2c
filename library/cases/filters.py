"""The case study library's list: the published case studies of one library page, filtered by
country, sector, CX theme and programme year (GET parameters that combine: "Kenya, health") and
searched with Wagtail search (the database backend on SQLite, PostgreSQL's full text in
production: settings WAGTAILSEARCH_BACKENDS). A filter value that is not a choice is ignored,
never an error; a fixed number of queries whatever the number of cases."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from awards_site.caching.lookups import public
from awards_site.forms import without_control_characters
from awards_site.vocabularies.countries import AFRICAN_COUNTRIES, country_choices_sorted
from library.cases.models import CaseStudyPage
from library.cases.vocabularies import SECTORS, THEMES

PER_PAGE = 12
MAX_QUERY = 200


class CaseStudyFilters(forms.Form):
    q = forms.CharField(label=_("Words to find"), required=False, max_length=MAX_QUERY)
    country = forms.ChoiceField(label=_("Country"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    theme = forms.ChoiceField(label=_("CX theme"), required=False)
    year = forms.TypedChoiceField(label=_("Programme year"), required=False, coerce=int)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        african = {code for code, _label in AFRICAN_COUNTRIES}
        self.fields["country"].choices = [
            choice
            for choice in country_choices_sorted(_("All countries"))
            if choice[0] in african or choice[0] == ""
        ]
        self.fields["sector"].choices = [("", _("All sectors")), *SECTORS.choices]
        self.fields["theme"].choices = [("", _("All themes")), *THEMES.choices]
        self.fields["year"].choices = [("", _("All years")), *((y, y) for y in years)]

    def chosen(self):
        """The valid filters asked for; an invalid one is dropped, not an error."""
        chosen = {}
        for name in ("country", "sector", "theme", "year", "q"):
            field_ = self.fields[name]
            raw = self.data.get(name, "")
            if isinstance(raw, str):
                raw = without_control_characters(raw).strip()[:MAX_QUERY]
            try:
                value = field_.clean(raw)
            except forms.ValidationError:
                continue
            if value not in ("", None):
                chosen[name] = value
        return chosen


@dataclass
class Listing:
    form: CaseStudyFilters
    page: object  # the Paginator's page of CaseStudyPage
    chosen: dict = field(default_factory=dict)
    country_page: bool = False

    @property
    def count(self):
        return self.page.paginator.count

    @property
    def filtered(self):
        return bool(self.chosen)

    def query_for_page(self, number):
        """The GET parameters of this listing on page `number`."""
        params = dict(self.chosen)
        params["page"] = number
        return urlencode(params)

    @property
    def previous_query(self):
        return self.query_for_page(self.page.previous_page_number())

    @property
    def next_query(self):
        return self.query_for_page(self.page.next_page_number())

    def described(self):
        """The filters chosen, in words: "Kenya, Health"."""
        words = []
        if "country" in self.chosen:
            words.append(str(dict(AFRICAN_COUNTRIES).get(self.chosen["country"], "")))
        if "sector" in self.chosen:
            words.append(str(SECTORS.label(self.chosen["sector"])))
        if "theme" in self.chosen:
            words.append(str(THEMES.label(self.chosen["theme"])))
        if "year" in self.chosen:
            words.append(str(self.chosen["year"]))
        if "q" in self.chosen:
            words.append(f"“{self.chosen['q']}”")
        return ", ".join(words)


def published_cases(index):
    return public(CaseStudyPage.objects.live().child_of(index))


def listing(index, params, country_page=False, page_number=None):
    """The listing of `index` for these GET parameters."""
    cases = published_cases(index)
    years = sorted(set(cases.order_by().values_list("year", flat=True).distinct()), reverse=True)
    form = CaseStudyFilters(params, years=years)
    chosen = form.chosen()
    filters = {name: value for name, value in chosen.items() if name != "q"}
    cases = cases.filter(**filters)
    if "q" in chosen:
        found = [page.pk for page in cases.search(chosen["q"], operator="and")]
        cases = cases.filter(pk__in=found)
    cases = cases.order_by("-year", "title")
    number = page_number or params.get("page", 1)
    return Listing(
        form=form,
        page=Paginator(cases, PER_PAGE).get_page(number),
        chosen=chosen,
        country_page=country_page,
    )
