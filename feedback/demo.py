"""The feedback platform's part of the demo (called by cms/demo/loader.py through the
`load_demo_part` hook): 3 countries, 6 agencies, 20 service points and 5,000 answers over the
last 12 months from a seeded generator, written with bulk_create, and the daily roll-ups computed
from them. Running it again adds nothing; it takes well under a second or two."""

import hashlib
import random
from collections import defaultdict
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from feedback.choices import AnswerStatus, CommentState, ServicePointKind, SmsProvider
from feedback.giving import bursts
from feedback.giving.recording import contribution
from feedback.giving.rollups import agency_rollups_of, monthly_rollups_of
from feedback.models import (
    Agency,
    AgencyMembership,
    AgencyMonthlyRollup,
    DailyRollup,
    MonthlyRollup,
    Response,
    ServicePoint,
    SmsGateway,
)
from feedback.sms import gateways

SEED = 16
ANSWERS = 5000
DAYS = 365
OFFICE, PHONE, WEBSITE, ONLINE = (
    ServicePointKind.OFFICE,
    ServicePointKind.PHONE,
    ServicePointKind.WEBSITE,
    ServicePointKind.ONLINE,
)

# slug, name, country, points: (kind, name, town, region, quality from 0 to 1, active)
AGENCIES = [
    (
        "ke-huduma",
        "Huduma Kenya",
        "KE",
        [
            (OFFICE, "Huduma Centre GPO", "Nairobi", "Nairobi", 0.8, True),
            (OFFICE, "Huduma Centre Mombasa", "Mombasa", "Coast", 0.65, True),
            (PHONE, "Huduma contact centre", "", "", 0.55, True),
            (ONLINE, "eCitizen passport renewal", "", "", 0.7, True),
        ],
    ),
    (
        "ke-ntsa",
        "National Transport and Safety Authority",
        "KE",
        [
            (OFFICE, "NTSA Likoni Road", "Nairobi", "Nairobi", 0.45, True),
            (WEBSITE, "NTSA TIMS portal", "", "", 0.4, True),
            (OFFICE, "NTSA Kisumu office", "Kisumu", "Nyanza", 0.5, False),
        ],
    ),
    (
        "gh-dvla",
        "Driver and Vehicle Licensing Authority",
        "GH",
        [
            (OFFICE, "DVLA Accra head office", "Accra", "Greater Accra", 0.6, True),
            (OFFICE, "DVLA Kumasi", "Kumasi", "Ashanti", 0.55, True),
            (ONLINE, "DVLA online renewal", "", "", 0.75, True),
        ],
    ),
    (
        "gh-gra",
        "Ghana Revenue Authority",
        "GH",
        [
            (OFFICE, "GRA Tema taxpayer service centre", "Tema", "Greater Accra", 0.5, True),
            (PHONE, "GRA call centre", "", "", 0.35, True),
            (WEBSITE, "GRA taxpayer portal", "", "", 0.6, True),
            (ONLINE, "GRA e-filing of returns", "", "", 0.55, True),
        ],
    ),
    (
        "sn-senelec",
        "Senelec – service clients",
        "SN",
        [
            (OFFICE, "Agence Senelec Dakar Plateau", "Dakar", "Dakar", 0.55, True),
            (PHONE, "Centre d’appels Senelec", "", "", 0.45, True),
            (ONLINE, "Senelec Woyofal en ligne", "", "", 0.7, True),
        ],
    ),
    (
        "sn-adie",
        "Sénégal numérique – démarches en ligne",
        "SN",
        [
            (WEBSITE, "Portail des démarches administratives", "", "", 0.65, True),
            (OFFICE, "Maison du citoyen Thiès", "Thiès", "Thiès", 0.8, True),
            # Few answers: its page says "not enough answers yet".
            (OFFICE, "Maison du citoyen Ziguinchor", "Ziguinchor", "Ziguinchor", 0.7, True),
        ],
    ),
]
QUIET_POINT = "Maison du citoyen Ziguinchor"
COMMENTS = {
    "en": [
        "Quick and friendly, thank you.",
        "I waited two hours before anyone served me.",
        "The staff explained every step clearly.",
        "I had to come back twice for the same document.",
        "The form online kept failing at the last step.",
    ],
    "fr": [
        "Accueil rapide et aimable, merci.",
        "J’ai attendu deux heures avant d’être reçu.",
        "Le personnel a bien expliqué chaque étape.",
    ],
}


# The agency staff login (printed by `make run` with the other demo logins): on the staff of
# Huduma Kenya, with the demo password.
STAFF_LOGIN = ("agency@demo.test", "Amani", "Agency", "ke-huduma")
# Answers the burst detector held today at one of its points, for the staff to review.
HELD_POINT, HELD_ANSWERS = "Huduma Centre Mombasa", 5


def demo_logins():
    """(role, email) of the feedback platform's demo logins."""
    return [("agency staff", STAFF_LOGIN[0])]


def load():
    with transaction.atomic():
        points = load_points()
        load_staff()
        load_gateways()
        if Response.objects.filter(point__in=points).exists():
            return
        today = timezone.localdate()
        load_answers(points, random.Random(SEED), today)
        load_held(points, today)


def load_staff():
    from allauth.account.models import EmailAddress
    from django.conf import settings
    from django.contrib.auth import get_user_model

    email, first_name, last_name, slug = STAFF_LOGIN
    user, created = get_user_model().objects.get_or_create(
        email=email, defaults={"first_name": first_name, "last_name": last_name}
    )
    if created:
        user.set_password(settings.DEMO_PASSWORD)
        user.save()
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    AgencyMembership.objects.get_or_create(agency=Agency.objects.get(slug=slug), user=user)


# One SMS gateway a country, so that the posters print the SMS line: (country, provider, number).
GATEWAYS = [
    ("KE", SmsProvider.AFRICASTALKING, "21234"),
    ("GH", SmsProvider.AFRICASTALKING, "1444"),
    ("SN", SmsProvider.RAPIDPRO, "21021"),
]


def load_gateways():
    """The demo's gateways. Their secrets are made and forgotten: an administrator who wants to
    try one makes a new gateway in the admin, which shows its secret once."""
    for country, provider, number in GATEWAYS:
        if SmsGateway.objects.filter(country=country).exists():
            continue
        gateway = SmsGateway(
            name=f"Demo SMS {country}", provider=provider, country=country, number=number
        )
        gateways.new_secret(gateway)
        gateway.save()


def load_held(points, today):
    """A few identical answers the burst detector held (not in the roll-ups)."""
    point = next(point for point in points if point.name == HELD_POINT)
    at = timezone.make_aware(datetime.combine(today, time(7)))
    Response.objects.bulk_create(
        Response(
            point=point,
            created_at=at + timedelta(seconds=20 * number),
            satisfaction=1,
            effort=1,
            resolved=False,
            recommend=0,
            comment="Worst office in the country, avoid it at all costs.",
            comment_status=CommentState.PENDING,
            device_key=hashlib.sha256(f"demo-held-{number}".encode()).hexdigest(),
            day=today,
            status=AnswerStatus.HELD,
            held_reason=bursts.REPEATED,
            language="en",
        )
        for number in range(HELD_ANSWERS)
    )


def load_points():
    points = []
    for slug, name, country, specs in AGENCIES:
        agency, _ = Agency.objects.get_or_create(
            slug=slug, defaults={"name": name, "country": country}
        )
        for kind, point_name, town, region, quality, active in specs:
            point, _ = ServicePoint.objects.get_or_create(
                agency=agency,
                name=point_name,
                defaults={"kind": kind, "town": town, "region": region, "active": active},
            )
            point.quality = quality
            points.append(point)
    return points


def _answer(rng, quality):
    """Answers leaning good or bad with the point's quality."""
    good = rng.random() < quality
    satisfaction = rng.choice([4, 5, 5] if good else [1, 2, 3, 3, 4])
    effort = min(7, max(1, round(rng.gauss(5.5 if good else 3.2, 1.1))))
    recommend = min(10, max(0, round(rng.gauss(8.6 if good else 4.5, 1.6))))
    resolved = rng.random() < (0.85 if good else 0.4)
    return satisfaction, effort, resolved, recommend


def load_answers(points, rng, today):
    quiet = [point for point in points if point.name == QUIET_POINT]
    busy = [point for point in points if point.name != QUIET_POINT]
    weights = [1 + 2 * (point.kind in (OFFICE, ONLINE)) for point in busy]
    chosen = quiet * 6 + rng.choices(busy, weights=weights, k=ANSWERS - 6 * len(quiet))
    responses = []
    for number, point in enumerate(chosen):
        day = today - timedelta(days=rng.randrange(DAYS))
        satisfaction, effort, resolved, recommend = _answer(rng, point.quality)
        language = "fr" if point.agency.country == "SN" else "en"
        comment = rng.choice(COMMENTS[language]) if rng.random() < 0.15 else ""
        at = datetime.combine(day, time(8)) + timedelta(minutes=rng.randrange(9 * 60))
        responses.append(
            Response(
                point=point,
                created_at=timezone.make_aware(at),
                satisfaction=satisfaction,
                effort=effort,
                resolved=resolved,
                recommend=recommend,
                comment=comment,
                # Two comments in three already moderated and published, the rest waiting.
                comment_status=_comment_state(comment, number),
                device_key=hashlib.sha256(f"demo-{number}".encode()).hexdigest(),
                day=day,
                status=AnswerStatus.COUNTED,
                language=language,
            )
        )
    Response.objects.bulk_create(responses, batch_size=1000)
    daily = DailyRollup.objects.bulk_create(rollups_of(responses), batch_size=1000)
    monthly = MonthlyRollup.objects.bulk_create(monthly_rollups_of(daily), batch_size=1000)
    agency_of = {response.point.pk: response.point.agency_id for response in responses}
    AgencyMonthlyRollup.objects.bulk_create(agency_rollups_of(monthly, agency_of), batch_size=1000)


def _comment_state(comment, number):
    if not comment:
        return CommentState.NONE
    return CommentState.PENDING if number % 3 == 0 else CommentState.PUBLISHED


def rollups_of(responses):
    """The daily roll-ups of these answers, added up as recording.py adds one answer."""
    sums = defaultdict(lambda: defaultdict(int))
    for response in responses:
        for name, amount in contribution(response).items():
            sums[(response.point, response.day)][name] += amount
    return [DailyRollup(point=point, day=day, **values) for (point, day), values in sums.items()]
