"""What the public library lists (library/resources/views.py): the published resources in the
visitor's language (a resource not translated yet shows in the default language), narrowed by
kind, language, country and what the visitor typed. The filters are a form, so a bad value
gives a message instead of an error; the typed text goes through the site's one reader of
search text (awards_site/search/query.py), so no text can make the search fail."""

from dataclasses import dataclass, field

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from awards_site.search.query import MAX_LENGTH, parse
from awards_site.vocabularies.countries import country_choices_sorted
from library.resources.fields import stored_form
from library.resources.models import Resource
from library.resources.vocabularies import KINDS, LANGUAGES

PER_PAGE = 20


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Search the library"), required=False, max_length=MAX_LENGTH)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Any kind")), *KINDS.choices]
        self.fields["language"].choices = [("", _("Any language")), *LANGUAGES.choices]
        self.fields["country"].choices = country_choices_sorted(_("Any country"))[:-1]
        for name in ("kind", "language", "country"):
            self.fields[name].error_messages["invalid_choice"] = _(
                "This choice is not in the list. Choose one from the list, or “Any”."
            )


def active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


def in_language_of(locale):
    """The published resources as a visitor of `locale` sees them: the locale's own, and the
    default locale's that have no published translation in it."""
    published = Resource.objects.filter(live=True)
    default = Locale.get_default()
    if locale.pk == default.pk:
        return published.filter(locale=default)
    translated = published.filter(locale=locale).values("translation_key")
    return published.filter(
        Q(locale=locale) | (Q(locale=default) & ~Q(translation_key__in=translated))
    )


def matching(parsed, resources):
    """Those of `resources` that have the words of `parsed` (a ParsedQuery: never fails)."""
    found = get_search_backend().search(
        parsed.query, Resource.objects.filter(live=True), order_by_relevance=False
    )
    return resources.filter(pk__in=[resource.pk for resource in found])


@dataclass
class Listing:
    form: FilterForm
    page: object = None
    count: int = 0
    searched: bool = False  # the visitor typed words that could be searched for
    unsearchable: bool = False  # they typed something, but no word
    filtered: bool = False
    chosen: dict = field(default_factory=dict)


def listing(params, page_number=None, locale=None):
    form = FilterForm(params)
    outcome = Listing(form=form)
    resources = in_language_of(locale or active_locale())
    form.is_valid()  # a field with a bad value is left out of cleaned_data, and says why
    chosen = {name: value for name, value in form.cleaned_data.items() if value}
    outcome.chosen = chosen
    outcome.filtered = bool(chosen) or bool(form.errors)
    if chosen.get("kind"):
        resources = resources.filter(kind=chosen["kind"])
    if chosen.get("language"):
        resources = resources.filter(language=chosen["language"])
    if chosen.get("country"):
        resources = resources.filter(
            Q(all_africa=True) | Q(countries__contains=stored_form([chosen["country"]]))
        )
    if chosen.get("q"):
        parsed = parse(chosen["q"])
        if parsed:
            outcome.searched = True
            resources = matching(parsed, resources)
        else:
            outcome.unsearchable = True
    resources = resources.select_related("document", "locale").order_by("title", "pk")
    outcome.page = Paginator(resources, PER_PAGE).get_page(page_number)
    outcome.count = outcome.page.paginator.count
    return outcome
