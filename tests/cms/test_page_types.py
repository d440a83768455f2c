"""Each page type can be created where the tree allows it (and nowhere else), through the
Wagtail admin, and every page of the demo site renders in English, French, Portuguese and
Arabic (right to left)."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import (
    CXDayPage,
    EnquiryFormPage,
    HomePage,
    NewsArticlePage,
    NewsIndexPage,
    OpenLetterPage,
    PartnersPage,
    PledgePage,
    ProgramActionIndexPage,
    ProgramActionPage,
    StandardPage,
)
from library.cases.models import CaseStudyIndexPage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_children(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                ProgramActionIndexPage,
                OpenLetterPage,
                CXDayPage,
                PledgePage,
                PartnersPage,
                NewsIndexPage,
                EnquiryFormPage,
                CaseStudyIndexPage,
            },
        )

    def test_program_actions_live_only_under_their_index(self):
        self.assertAllowedParentPageTypes(ProgramActionPage, {ProgramActionIndexPage})
        self.assertAllowedSubpageTypes(ProgramActionIndexPage, {ProgramActionPage})

    def test_articles_live_only_under_a_news_index(self):
        self.assertAllowedParentPageTypes(NewsArticlePage, {NewsIndexPage})
        self.assertCanNotCreateAt(HomePage, NewsArticlePage)

    def test_enquiry_form_under_partners_or_home(self):
        self.assertAllowedParentPageTypes(EnquiryFormPage, {PartnersPage, HomePage})

    def test_leaf_pages_have_no_children(self):
        for model in (OpenLetterPage, CXDayPage, PledgePage, NewsArticlePage, ProgramActionPage):
            self.assertAllowedSubpageTypes(model, set())


class CreatePagesInAdminTests(WagtailPageTestCase):
    """An editor creates each page type through the admin form and it is published."""

    def setUp(self):
        self.login()
        self.home = HomePage.objects.get(locale__language_code="en")

    def base(self, title, **extra):
        return {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "intro": "A lead.",
            "body": streamfield([("paragraph", rich_text("<p>Some text.</p>"))]),
            "menu_title": "",
            **extra,
        }

    def test_standard_page(self):
        self.assertCanCreate(
            self.home, StandardPage, nested_form_data(self.base("A standard page"))
        )

    def test_program_action_page(self):
        index = ProgramActionIndexPage.objects.get(locale__language_code="en")
        data = self.base("Another action", summary="What the action does.")
        self.assertCanCreate(index, ProgramActionPage, nested_form_data(data))

    def test_program_action_index_page(self):
        self.assertCanCreate(
            self.home, ProgramActionIndexPage, nested_form_data(self.base("Actions two"))
        )

    def test_open_letter_page(self):
        data = self.base(
            "A second letter",
            publication_date="2026-01-19",
            letter=rich_text("<p>Dear leaders,</p>"),
            signature_intro="Sign it.",
        )
        self.assertCanCreate(self.home, OpenLetterPage, nested_form_data(data))

    def test_cx_day_page(self):
        data = self.base(
            "CX Day two",
            event_date="2027-06-23",
            start_time="09:00",
            end_time="17:00",
            time_zone="Africa/Nairobi",
            activities=inline_formset(
                [
                    {
                        "country": "KE",
                        "city": "Nairobi",
                        "title": "Workshop",
                        "description": "",
                        "organiser": "",
                    }
                ]
            ),
        )
        self.assertCanCreate(self.home, CXDayPage, nested_form_data(data))

    def test_pledge_page(self):
        data = self.base("Pledge two", pledge_text=rich_text("<p>We commit.</p>"))
        self.assertCanCreate(self.home, PledgePage, nested_form_data(data))

    def test_partners_page(self):
        self.assertCanCreate(self.home, PartnersPage, nested_form_data(self.base("Partners two")))

    def test_news_pages(self):
        self.assertCanCreate(self.home, NewsIndexPage, nested_form_data(self.base("News two")))
        index = NewsIndexPage.objects.get(slug="news-two", locale__language_code="en")
        data = self.base("An article", date="2026-11-01", image="", image_alt="")
        self.assertCanCreate(index, NewsArticlePage, nested_form_data(data))

    def test_enquiry_form_page(self):
        partners = PartnersPage.objects.get(locale__language_code="en")
        data = {
            "title": "Enquire",
            "slug": "enquire",
            "intro": "",
            "body": streamfield([]),
            "thank_you_text": rich_text("<p>Thanks</p>"),
            "to_address": "team@example.org",
            "from_address": "site@example.org",
            "subject": "Enquiry",
            "form_fields": inline_formset(
                [
                    {
                        "label": "Your name",
                        "field_type": "singleline",
                        "required": "on",
                        "choices": "",
                        "default_value": "",
                        "help_text": "",
                    }
                ]
            ),
        }
        self.assertCanCreate(partners, EnquiryFormPage, nested_form_data(data))


CASE_STUDY_TYPES = {"CaseStudyIndexPage", "CaseStudyPage"}


def demo_pages():
    return list(Page.objects.filter(depth__gt=1).live().specific().order_by("path"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, direction", [("en", "ltr"), ("fr", "ltr"), ("pt", "ltr"), ("ar", "rtl")]
)
def test_every_demo_page_renders_in_every_language(client, language, direction):
    pages = [p for p in demo_pages() if p.locale.language_code == language]
    # The whole tree exists in each language: the same pages, by translation key. The demo's
    # case study library is in English and French only (library/cases/demo.py), so Portuguese
    # and Arabic have every other page.
    library_languages = {"en", "fr"}
    expected = {
        p.translation_key
        for p in demo_pages()
        if p.locale.language_code == "en"
        and (language in library_languages or type(p).__name__ not in CASE_STUDY_TYPES)
    }
    assert {p.translation_key for p in pages} == expected
    types = set()
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert f'<html lang="{language}" dir="{direction}">' in response.content.decode()
        types.add(type(page).__name__)
    assert types == {
        "HomePage",
        "StandardPage",
        "ProgramActionIndexPage",
        "ProgramActionPage",
        "OpenLetterPage",
        "CXDayPage",
        "PledgePage",
        "PartnersPage",
        "EnquiryFormPage",
        "NewsIndexPage",
        "NewsArticlePage",
        "CampaignEmailPage",
        "WinnersPage",
    } | (CASE_STUDY_TYPES if language in library_languages else set())


@pytest.mark.django_db
def test_french_pages_live_under_fr_prefix(client, page_by_slug):
    home_fr = page_by_slug("accueil", "fr")
    assert home_fr.url == "/fr/"
    letter = page_by_slug("lettre-ouverte", "fr")
    assert letter.url == "/fr/lettre-ouverte/"
    response = client.get("/fr/lettre-ouverte/")
    assert "Cosigner la lettre" in response.content.decode()
