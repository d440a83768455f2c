"""The best-practice library of the demo: a case study library under the home page (English,
with its French translation) and four published case studies, one of them made from a
consenting entry of the closed 2026 cycle with the one action editors use (making.py). A second
consenting placed entry is left as a candidate for the editors to try. Called by the demo loader
once the home pages exist (cms/demo/loader.py); safe to run again: what exists is kept.

The prose is the demo's own words; the Huduma case draws on what seed 001 reports (the
Institute of Customer Experience praising Kenya's Huduma Centres as the right step in
improving government service)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from feedback.models import Agency
from library.cases.making import alias_in_other_languages, make_case_study
from library.cases.models import CaseStudyIndexPage, CaseStudyPage
from library.cases.rules import CASE_STUDY_STATUSES
from nominations.models import Nomination

INDEX = {
    "en": {
        "title": "Best-practice library",
        "slug": "case-studies",
        "intro": (
            "Case studies of public agencies across Africa that changed how citizens are "
            "served: the problem, what changed, what was measured and what you can reuse."
        ),
    },
    "fr": {
        "title": "Bibliothèque des bonnes pratiques",
        "slug": "etudes-de-cas",
        "intro": (
            "Des études de cas d’administrations africaines qui ont changé le service rendu "
            "aux usagers : le problème, ce qui a changé, ce qui a été mesuré, ce que vous "
            "pouvez reprendre."
        ),
    },
}

CASES = [
    {
        "slug": "outpatient-appointments-by-text-message",
        "title": "Outpatient appointments by text message",
        "organisation_name": "Kiambu County Department of Health",
        "country": "KE",
        "sector": "health",
        "theme": "waiting",
        "year": 2026,
        "summary": (
            "Patients queued from dawn for a clinic slot at the county referral hospital. "
            "Appointments booked and confirmed by SMS cut the morning queue to a few minutes."
        ),
        "problem": (
            "Outpatient clinics saw patients in the order they arrived, so people came before "
            "sunrise and waited most of the day; many left without being seen and came back "
            "the next day.\n\nStaff had no way to spread the load over the day."
        ),
        "change": (
            "The hospital gave each clinic a daily timetable of slots. Patients book a slot by "
            "SMS or at the desk and get a confirmation and a reminder the day before.\n\n"
            "Records clerks were retrained as booking officers, and a walk-in queue was kept "
            "for urgent cases."
        ),
        "results": (
            "Median waiting time at the outpatient clinics fell from over four hours to under "
            "one hour within six months. Missed appointments fell by a third once reminders "
            "started."
        ),
        "reusable": (
            "Any clinic with a mobile network can do this with a bulk SMS account and a "
            "spreadsheet of slots; the timetable matters more than the software."
        ),
        "contact": "Kiambu County Department of Health, Patient Services Unit",
    },
    {
        "slug": "plain-language-tax-help",
        "title": "Taxpayer questions answered at the first contact",
        "organisation_name": "Ghana Revenue Authority",
        "country": "GH",
        "sector": "tax",
        "theme": "complaints",
        "year": 2026,
        "agency": "gh-gra",
        "change_months_ago": 5,
        "summary": (
            "Taxpayer service centres answered the same questions again and again. Short "
            "plain-language guides and one complaints log halved repeat visits."
        ),
        "problem": (
            "Small businesses came back several times about the same return, because each "
            "officer answered differently and nothing was written down."
        ),
        "change": (
            "The authority wrote ten one-page guides to the questions asked most, trained "
            "front-desk officers on them, and logged every complaint in one register reviewed "
            "each week."
        ),
        "results": (
            "Repeat visits about the same matter fell by half; the share of satisfied "
            "taxpayers is measured on the citizen feedback platform, month by month, below."
        ),
        "reusable": "The guides' template and the weekly complaints review.",
        "contact": "Ghana Revenue Authority, Taxpayer Services Division",
    },
    {
        "slug": "birth-certificates-in-24-hours",
        "title": "Birth certificates in 24 hours",
        "organisation_name": "Mairie de Dakar-Plateau",
        "country": "SN",
        "sector": "identity",
        "theme": "digital",
        "year": 2025,
        "summary": (
            "Copies of birth certificates took weeks to find in paper registers. Scanned "
            "registers and an online request made them a next-day service."
        ),
        "problem": "Families waited weeks for a copy of a birth certificate needed for school.",
        "change": (
            "The civil registry scanned its registers, indexed them by name and date, and "
            "opened an online request with collection the next day."
        ),
        "results": "Nine requests in ten are now ready within 24 hours.",
        "reusable": "The indexing plan for old registers, and the request form.",
        "contact": "Mairie de Dakar-Plateau, Service de l’état civil",
    },
]

# The entry made into a case study (filled in by the editor afterwards, as a person would).
FROM_ENTRY = {
    "country": "KE",
    "sector": "local",
    "theme": "omnichannel",
    "agency": "ke-huduma",
    "change_months_ago": 6,
    "reusable": (
        "One ticket and one queue for every service under one roof; the Institute of Customer "
        "Experience praised Huduma Centres as the right step for government service, and the "
        "model travels to any city with several agencies in walking distance."
    ),
    "contact": "Huduma Kenya, Customer Experience Office",
}


def library(home_pages):
    """The library page under each home page ({language: home}), made once."""
    en_home = home_pages["en"]
    index = CaseStudyIndexPage.objects.child_of(en_home).first()
    if index is None:
        index = CaseStudyIndexPage(**INDEX["en"], show_in_menus=False)
        en_home.add_child(instance=index)
        index.save_revision().publish()
    for language in home_pages:
        if language == "en" or language not in INDEX:
            continue
        locale = Locale.objects.get(language_code=language)
        if index.has_translation(locale):
            continue
        translation = index.copy_for_translation(locale).specific
        for name, value in INDEX[language].items():
            setattr(translation, name, value)
        translation.save_revision().publish()
    return CaseStudyIndexPage.objects.get(pk=index.pk)


def _publish(page, spec):
    today = timezone.localdate()
    if spec.get("agency"):
        page.agency = Agency.objects.filter(slug=spec["agency"]).first()
    if spec.get("change_months_ago"):
        page.change_date = (today - timedelta(days=30 * spec["change_months_ago"])).replace(day=1)
    page.save_revision().publish()


def load(home_pages):
    index = library(home_pages)
    for spec in CASES:
        if index.get_children().filter(slug=spec["slug"]).exists():
            continue
        fields = {k: v for k, v in spec.items() if k not in {"agency", "change_months_ago"}}
        page = CaseStudyPage(**fields, live=False)
        index.add_child(instance=page)
        alias_in_other_languages(page)
        _publish(page, spec)
    _case_from_entry()


def _placed_entries():
    return (
        Nomination.objects.filter(cycle__code="CX26", status__in=CASE_STUDY_STATUSES)
        .exclude(organisation_name="")
        .order_by("pk")
    )


def _case_from_entry():
    """The demo's Kenyan placed entry consents and becomes a published case study; another
    placed entry consents and waits in "Case study candidates"."""
    entries = list(_placed_entries())
    if not entries:
        return
    kenyan = next((e for e in entries if e.country == FROM_ENTRY["country"]), entries[0])
    waiting = next((e for e in entries if e.pk != kenyan.pk and e.country != "KE"), None)
    for entry in filter(None, (kenyan, waiting)):
        if not entry.consent_case_study and entry.consent_case_study_withdrawn_at is None:
            Nomination.objects.filter(pk=entry.pk).update(consent_case_study=True)
            entry.consent_case_study = True
    if CaseStudyPage.objects.filter(source_nomination=kenyan).exists():
        return
    editor = get_user_model().objects.filter(email="editor@demo.test").first()
    made = make_case_study(kenyan, editor)
    page = CaseStudyPage.objects.get(pk=made.page.pk)
    for name in ("sector", "theme", "reusable", "contact"):
        setattr(page, name, FROM_ENTRY[name])
    _publish(page, FROM_ENTRY)
