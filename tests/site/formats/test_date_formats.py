"""Dates in one format per language (awards_site/formats/): "30 June 2027" and "30 June 2027,
23:59 WAT" in English, "30 juin 2027" and "30 juin 2027 à 23 h 59 WAT" in French (the first
of a month "1er juillet"), "30 de junho de 2027, 23:59 WAT" in Portuguese (the month in lower
case), "30 يونيو 2027، 23:59 WAT" in Arabic, on the pages, in the emails and in the PDFs of the
demo site, and no other shape of date ("June 30, 2027", "30/06/2027", "2027-06-30", "23:59" in
French, an English date on a page in another language)."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import translation

from judging.certificates.pdf import render_certificate
from judging.models import Assignment, Certificate, JudgeProfile
from judging.panel import reminders
from nominations import tasks
from nominations.models import AwardCycle, Nomination
from nominations.pdf import nomination_pdf
from tests.pages import page_text
from tests.pdf import pdf_text

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr", "pt", "ar"]
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
    "dezembro",
    "ar": "يناير فبراير مارس إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
}
SPACE = r"[ \u00a0]"  # the page text collapses no-break spaces
MONTH = {language: f"(?:{'|'.join(months.split())})" for language, months in MONTHS.items()}
DATE = {
    "en": rf"\b\d{{1,2}} {MONTH['en']} \d{{4}}\b",
    "fr": rf"\b(?:1er|\d{{1,2}}) {MONTH['fr']} \d{{4}}\b",
    "pt": rf"\b\d{{1,2}} de {MONTH['pt']} de \d{{4}}\b",
    "ar": rf"\b\d{{1,2}} {MONTH['ar']} \d{{4}}\b",
}
DATETIME = {
    "en": DATE["en"] + r", \d{2}:\d{2} [A-Z]{2,5}\b",
    "fr": DATE["fr"] + rf" à \d{{1,2}}{SPACE}h{SPACE}\d{{2}} [A-Z]{{2,5}}\b",
    "pt": DATE["pt"] + r", \d{2}:\d{2} [A-Z]{2,5}\b",
    "ar": DATE["ar"] + r"، \d{2}:\d{2} [A-Z]{2,5}\b",
}
OTHER_SHAPES = [
    rf"\b(?:{'|'.join(MONTHS['en'].split())})\.? \d{{1,2}}, \d{{4}}",  # June 30, 2027
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b",  # 30/06/2027
    r"\b\d{4}-\d{2}-\d{2}\b",  # 2027-06-30
    r"\b(?:a\.m\.|p\.m\.|midnight|noon)",
]


def check(text, language, *, datetime=False, where=""):
    """The text holds a date of the language (a date and time when asked), and no date in
    another shape or the other language."""
    assert re.search(DATE[language], text), f"{where}: no {language} date in {text[:400]!r}"
    if datetime:
        assert re.search(DATETIME[language], text), f"{where}: no {language} date and time"
    others = [DATE[other] for other in LANGUAGES if other != language]
    for shape in [*OTHER_SHAPES, *others]:
        assert not re.search(shape, text), f"{where}: {re.search(shape, text)[0]!r}"
    if language == "fr":
        assert not re.search(r"\b\d{1,2}:\d{2}\b", text), f"{where}: a time written 23:59"


def url_in(language, path):
    return path if language == "en" else f"/{language}{path}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages(client, page_by_slug, language):
    """The home page (nominations open until a date and time), the nomination start page, the
    news, the CX Day event (a date, and times as the language writes them) and a certificate's
    verification page."""
    for path, datetime in [("/", True), ("/nominate/", True)]:
        check(
            page_text(client.get(url_in(language, path))), language, datetime=datetime, where=path
        )
    news = page_by_slug("actualites" if language == "fr" else "news", language)
    check(page_text(client.get(news.url)), language, where=news.url)
    day = page_by_slug(
        "journee-cx-du-secteur-public" if language == "fr" else "public-sector-cx-day", language
    )
    text = page_text(client.get(day.url))
    check(text, language, where=day.url)
    time = rf"\b\d{{1,2}}{SPACE}h{SPACE}\d{{2}}\b" if language == "fr" else r"\b\d{2}:\d{2}\b"
    assert re.search(time, text), day.url
    certificate = Certificate.objects.filter(revoked_at=None).first()
    path = f"/certificates/verify/{certificate.display_code}/"
    check(page_text(client.get(url_in(language, path))), language, where=path)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_nominators_and_the_judges_pages(client, language):
    demo = Nomination.objects.filter(nominator__email="nominator@demo.test").submitted().first()
    client.force_login(demo.nominator)
    for path in ["/my-nominations/", f"/my-nominations/{demo.uuid}/"]:
        check(page_text(client.get(url_in(language, path))), language, datetime=True, where=path)
    client.force_login(JudgeProfile.objects.get(user__email="judge1@demo.test").user)
    dashboard = page_text(client.get(url_in(language, "/judging/")))
    check(dashboard, language, datetime=True, where="/judging/")


def test_the_first_of_a_month_is_an_ordinal_in_french(client):
    """« jusqu’au 1er juillet 2027 », as French writes the first day of a month (and only it:
    « 2 juillet »); English keeps "1 July 2027"."""
    cycle = AwardCycle.objects.current()
    first = dt.datetime(2027, 7, 1, 23, 59, tzinfo=ZoneInfo("Africa/Lagos"))
    cycle.nominations_close_at = first
    cycle.save()
    assert "1er juillet 2027 à 23 h 59 WAT" in page_text(client.get("/fr/"))
    assert "1 July 2027, 23:59 WAT" in page_text(client.get("/"))
    cycle.nominations_close_at = first.replace(day=2)
    cycle.save()
    assert "2 juillet 2027 à 23 h 59 WAT" in page_text(client.get("/fr/"))


def test_french_times_are_written_with_no_break_spaces(client):
    html = client.get("/fr/").content.decode()
    assert re.search(r"à \d{1,2}\u00a0h\u00a0\d{2}", html)


@pytest.mark.parametrize("language", LANGUAGES)
def test_emails(language):
    """The submission confirmation (the deadline) and a judge's reminder (due dates and the
    round's closing time), in the recipient's language."""
    nomination = Nomination.objects.filter(nominator__email="nominator@demo.test").submitted()[0]
    Nomination.objects.filter(pk=nomination.pk).update(language=language)
    mail.outbox.clear()
    tasks.send_submission_confirmation.enqueue(nomination.pk)
    check(mail.outbox[-1].body, language, datetime=True, where="submission email")
    assignment = Assignment.objects.exclude(scoresheet__status="submitted").first()
    user = assignment.judge.user
    user.language = language
    user.save()
    assert reminders.send_reminder_email(assignment.judge_id, assignment.round_id)
    check(mail.outbox[-1].body, language, datetime=True, where="reminder email")


@pytest.mark.parametrize("language", LANGUAGES)
def test_pdfs(language):
    certificate = Certificate.objects.filter(revoked_at=None).first()
    text = in_reading_order(pdf_text(render_certificate(certificate, language=language)))
    check(text, language, where="PDF")
    nomination = Nomination.objects.filter(nominator__email="nominator@demo.test").submitted()[0]
    nomination.language = language
    with translation.override(language):
        text = in_reading_order(pdf_text(nomination_pdf(nomination)))
    check(text, language, datetime=True, where="nomination copy")


def in_reading_order(text):
    """A PDF's text gives an Arabic date in the order it is drawn, left to right ("2026 يوليو 7",
    "WAT 21:50 ،2 ديسمبر 2026"): put it back in reading order ("7 يوليو 2026",
    "2 ديسمبر 2026، 21:50 WAT")."""
    text = re.sub(rf"(\d{{4}}) ({MONTH['ar']}) ?(\d{{1,2}})\b", r"\3 \2 \1", text)
    date = rf"\d{{1,2}} {MONTH['ar']} \d{{4}}"
    return re.sub(rf"\b([A-Z]{{2,5}}) (\d{{2}}:\d{{2}}) ،({date})", r"\3، \2 \1", text)
