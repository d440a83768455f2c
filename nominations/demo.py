"""Demo data of the nominations app: the open 2027 cycle, its categories and about 40
nominations from several countries in various states, each with a small evidence PDF."""

import hashlib
import random
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.log_actions import log

from nominations import phones
from nominations.choices import NominationStatus, OrganisationKind, Relation
from nominations.models import AwardCycle, Category, EvidenceFile, Nomination
from nominations.privacy.consents import record_declaration
from nominations.review import eligibility
from nominations.sending.references import assign_reference
from nominations.sending.versions import record_version

CATEGORIES = [
    (
        "Omni-channel service",
        "Service omnicanal",
        "Citizens get the same quality of answer at the counter, on the phone, online and on social media, and can switch channel without starting again.",
        "Les usagers obtiennent la même qualité de réponse au guichet, au téléphone, en ligne et sur les réseaux sociaux, et changent de canal sans tout recommencer.",
    ),
    (
        "Digital public service",
        "Service public numérique",
        "A procedure moved online in a way that people actually use: simple, accessible, working on a basic phone and a slow connection.",
        "Une démarche mise en ligne que les gens utilisent vraiment : simple, accessible, utilisable sur un téléphone simple et une connexion lente.",
    ),
    (
        "Citizen feedback and listening",
        "Écoute et avis des usagers",
        "The organisation asks users what they think, acts on it and tells them what changed.",
        "L’organisation demande leur avis aux usagers, agit en conséquence et leur dit ce qui a changé.",
    ),
    (
        "Frontline service excellence",
        "Excellence de l’accueil",
        "Counter and call-centre teams who make a visible difference to the people they serve every day.",
        "Des équipes de guichet et de centre d’appels qui changent visiblement la vie des personnes qu’elles servent chaque jour.",
    ),
    (
        "CX leader of the year",
        "Leader de l’expérience usager de l’année",
        "A public servant whose leadership put citizens at the centre of an organisation.",
        "Un agent public dont le leadership a placé les usagers au cœur d’une organisation.",
    ),
]
ELIGIBILITY_EN = (
    "Public bodies of the 54 African states; the initiative ran for at least six months."
)
ELIGIBILITY_FR = (
    "Organismes publics des 54 États africains ; l’initiative fonctionne depuis au moins six mois."
)

ORGANISATIONS = [
    ("KE", "Nairobi", OrganisationKind.AGENCY, "Civil Registration Service"),
    ("KE", "Mombasa", OrganisationKind.MUNICIPALITY, "Mombasa County Customer Care Directorate"),
    ("GH", "Accra", OrganisationKind.AGENCY, "Passport Office Service Desk"),
    ("GH", "Kumasi", OrganisationKind.STATE_OWNED, "Ashanti Water Utility"),
    ("NG", "Lagos", OrganisationKind.AGENCY, "Lagos Land Registry"),
    ("NG", "Abuja", OrganisationKind.MINISTRY, "Federal Ministry of Youth Services"),
    ("SN", "Dakar", OrganisationKind.AGENCY, "Agence de l’état civil de Dakar"),
    ("SN", "Thiès", OrganisationKind.MUNICIPALITY, "Mairie de Thiès"),
    (
        "CM",
        "Douala",
        OrganisationKind.STATE_OWNED,
        "Société de distribution d’électricité du Littoral",
    ),
    (
        "CM",
        "Yaoundé",
        OrganisationKind.MINISTRY,
        "Ministère de la Fonction publique et de la Réforme administrative",
    ),
    ("CI", "Abidjan", OrganisationKind.AGENCY, "Guichet unique du foncier d’Abidjan"),
    ("RW", "Kigali", OrganisationKind.AGENCY, "Kigali Business Registration Office"),
    ("ZA", "Johannesburg", OrganisationKind.MUNICIPALITY, "Johannesburg Citizen Service Centre"),
    ("ZA", "Cape Town", OrganisationKind.AGENCY, "Western Cape Permits Desk"),
    ("MA", "Rabat", OrganisationKind.AGENCY, "Agence marocaine des services en ligne"),
    ("ST", "São Tomé", OrganisationKind.MINISTRY, "Ministério da Administração Pública"),
    ("ET", "Addis Ababa", OrganisationKind.AGENCY, "Addis Ababa Revenue Service Centre"),
    ("UG", "Kampala", OrganisationKind.STATE_OWNED, "Kampala Water Customer Centre"),
    ("TZ", "Dodoma", OrganisationKind.MINISTRY, "Ministry of Health Call Centre"),
    ("BJ", "Cotonou", OrganisationKind.MUNICIPALITY, "Mairie de Cotonou – Guichet citoyen"),
]
INITIATIVES = [
    "One-visit birth registration",
    "Queue-free appointments by text message",
    "A single helpline for all services",
    "Plain-language forms",
    "Complaints answered within five days",
    "Mobile service vans for rural areas",
    "Online renewals that work on any phone",
    "Customer charter with published standards",
]
DEMO_TEXT = (
    "Before the initiative, people queued for hours and often had to come back several times. "
    "The team mapped the journey with users, removed steps that added nothing and trained staff "
    "to solve requests at the first contact. Waiting times fell and satisfaction rose."
)

# One answer per question of a sent demo nomination, so a judge reads a plausible entry.
DEMO_ANSWERS = {
    "summary": DEMO_TEXT,
    "challenge": "People queued for hours, were sent from one counter to another and often came back two or three times for the same request. Complaints went unanswered, and staff had no way to see a case's history.",
    "actions_people": "Every front-line agent was trained to finish a request at the first contact, with a supervisor on the floor at peak hours. Staff suggestions are collected every month and the best ones are put in place.",
    "actions_process": "The team walked the journey with citizens, removed four steps that added nothing and published the list of documents needed, the fees and the time each service takes. Each complaint now gets an answer within five working days.",
    "actions_technology": "A simple queue system sends a text message when a person's turn is near, and requests can be started by phone or on a basic mobile web page. No new app is needed.",
    "results": "Waiting times fell sharply, far more requests are finished at the first visit, and satisfaction in the monthly survey rose; the figures are in the metrics below, measured the same way before and after.",
    "citizen_impact": "People lose less time and money travelling back and forth, and those without a smartphone or who need assistance are served at a dedicated desk. Women traders and older people said the change made the biggest difference to them.",
    "sustainability": "The new procedure is part of the annual plan and budget, service standards are published at the entrance, and two other offices have started the same changes with coaching from this team.",
}


def minimal_pdf(title):
    """A valid one-page PDF with a line of text, made without a PDF library (fast, tiny)."""
    text = title.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 14 Tf 72 760 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def load_cycle():
    zone = timezone.get_current_timezone()
    today = timezone.localdate()
    cycle, created = AwardCycle.objects.get_or_create(
        code="CX27",
        defaults={
            "name_en": "2027 Awards",
            "name_fr": "Prix 2027",
            "nominations_open_at": datetime.combine(
                today - timedelta(days=14), time(0, 0), tzinfo=zone
            ),
            "nominations_close_at": datetime.combine(
                today + timedelta(days=120), time(23, 59), tzinfo=zone
            ),
            "grace_minutes": 15,
            "judging_starts_on": today + timedelta(days=130),
            "judging_ends_on": today + timedelta(days=170),
            "results_on": today + timedelta(days=190),
            "is_current": not AwardCycle.objects.filter(is_current=True).exists(),
        },
    )
    if not cycle.name_fr:  # a demo loaded before cycles had a French name
        cycle.name_fr = "Prix 2027"
        cycle.save(update_fields=["name_fr"])
    if created or not cycle.categories.exists():
        for order, (name_en, name_fr, description_en, description_fr) in enumerate(CATEGORIES):
            Category.objects.create(
                cycle=cycle,
                name_en=name_en,
                name_fr=name_fr,
                description_en=description_en,
                description_fr=description_fr,
                eligibility_en=ELIGIBILITY_EN,
                eligibility_fr=ELIGIBILITY_FR,
                sort_order=order,
            )
    return cycle


def load_nominations(cycle, nominator, count=40):
    """About 40 nominations: the demo nominator's own (drafts and sent) and many from others."""
    if cycle.nominations.exists():
        return
    User = get_user_model()
    admin = User.objects.filter(is_superuser=True).order_by("pk").first()
    rng = random.Random(2027)  # the same demo every time
    categories = list(cycle.categories.all())
    statuses = (
        [NominationStatus.DRAFT] * 8
        + [NominationStatus.SUBMITTED] * 16
        + [NominationStatus.ELIGIBLE] * 14
        + [NominationStatus.INELIGIBLE] * 2
    )
    for number in range(count):
        country, city, kind, organisation = ORGANISATIONS[number % len(ORGANISATIONS)]
        owner = (
            nominator
            if number < 5
            # Not @demo.test: sharing the demo judges' domain would make them likely conflicts.
            else User.objects.get_or_create(
                email=f"agency{number:02d}@agencies.demo.test",
                defaults={"first_name": "Demo", "last_name": f"Agency {number}"},
            )[0]
        )
        status = (
            statuses[number]
            if number >= 5
            else [
                NominationStatus.DRAFT,
                NominationStatus.DRAFT,
                NominationStatus.SUBMITTED,
                NominationStatus.SUBMITTED,
                NominationStatus.ELIGIBLE,
            ][number]
        )
        complete = status != NominationStatus.DRAFT or number % 2 == 0
        initiative = INITIATIVES[number % len(INITIATIVES)]
        nomination = Nomination.objects.create(
            cycle=cycle,
            nominator=owner,
            category=categories[number % len(categories)],
            relation=Relation.SELF if number % 3 else Relation.THIRD_PARTY,
            eligibility_confirmed=True,
            organisation_name=organisation
            if number < len(ORGANISATIONS)
            else f"{organisation} ({city} branch)",
            organisation_kind=kind,
            country=country,
            city=city,
            website="https://www.example.gov",
            contact_name="Demo Contact",
            contact_role="Head of customer service",
            contact_email=f"contact{number}@example.gov",
            # Stored in E.164, as the wizard stores it (nominations/phones.py).
            contact_phone=phones.to_e164(phones.example_number(country), country),
            initiative_title=initiative,
            **{field: text if complete else "" for field, text in DEMO_ANSWERS.items()},
            baseline_period="January–June 2025",
            latest_period="January–June 2026",
            nps_before=rng.randint(-40, 10),
            nps_after=rng.randint(10, 60),
            customer_effort_score=rng.choice([2.1, 2.8, 3.4, 4.0]),
            first_contact_resolution=rng.randint(55, 92),
            turnaround_before=rng.randint(10, 40),
            turnaround_after=rng.randint(1, 9),
            satisfaction=rng.randint(60, 95),
            declaration_accepted_at=timezone.now() if complete else None,
            declaration_version="2026-11",
            declaration_language="en",
            language="fr" if country in {"SN", "CM", "CI", "BJ", "MA"} else "en",
        )
        if complete:
            record_declaration(nomination)
            content = minimal_pdf(f"{organisation}: {initiative}")
            EvidenceFile.objects.create(
                nomination=nomination,
                file=ContentFile(content, name="evidence.pdf"),
                original_name=f"{initiative}.pdf",
                kind="pdf",
                size=len(content),
                sha256=hashlib.sha256(content).hexdigest(),
            )
        if status != NominationStatus.DRAFT:
            nomination.status = NominationStatus.SUBMITTED
            nomination.submitted_at = timezone.now() - timedelta(days=rng.randint(1, 12))
            nomination.reference = assign_reference(nomination)
            nomination.created_at = nomination.submitted_at - timedelta(days=3)
            nomination.save()
            # What was sent is version 1 (versions.py), logged as the real submission does.
            version = record_version(nomination, owner, nomination.submitted_at)
            log(
                nomination,
                "nominations.submit",
                user=owner,
                data={"reference": nomination.reference, "version": version.number},
                timestamp=nomination.submitted_at,
            )
            _decide_eligibility(nomination, status, admin)


INELIGIBLE_REASON = "The initiative started less than six months ago."


def _decide_eligibility(nomination, status, admin):
    """The awards team's decision a day after sending, through nominations/review/eligibility.py (in
    the audit log, as from the review screen), without emailing the demo's nominators."""
    decided = min(nomination.submitted_at + timedelta(days=1), timezone.now())
    if status == NominationStatus.ELIGIBLE:
        eligibility.mark_eligible(nomination.pk, admin, now=decided, notify=False)
    elif status == NominationStatus.INELIGIBLE:
        eligibility.mark_ineligible(
            nomination.pk, admin, INELIGIBLE_REASON, now=decided, notify=False
        )
