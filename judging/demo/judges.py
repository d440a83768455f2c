"""The demo's judges: six judges (judge1..judge6@demo.test) with profiles, on the panels of a
cycle, a few declared conflicts and the clearances an administrator gave for likely ones
(through judging/panel/conflicts.py)."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone

from awards_site.vocabularies.roles import group_of
from judging.models import (
    Conflict,
    ConflictClearance,
    JudgeProfile,
    PanelMembership,
)
from judging.panel import conflicts
from nominations.choices import NominationStatus

# Judges ----------------------------------------------------------------------------------------
# email, first name, last name, organisation, country, expertise (category positions), leniency
JUDGES = [
    (
        "judge1@demo.test",
        "Jabari",
        "Judge",
        "University of Nairobi Business School",
        "KE",
        [0, 3],
        0.3,
    ),
    (
        "judge2@demo.test",
        "Juliette",
        "Judge",
        "Institut supérieur de management de Dakar",
        "SN",
        [1, 2],
        -0.4,
    ),
    (
        "judge3@demo.test",
        "Jomo",
        "Judge",
        "Independent service design consultant",
        "RW",
        [1, 4],
        0.0,
    ),
    (
        "judge4@demo.test",
        "Kofi",
        "Judge",
        "Ghana Institute of Public Administration",
        "GH",
        [2, 3],
        0.1,
    ),
    (
        "judge5@demo.test",
        "Fatou",
        "Judge",
        "Former head of a citizen service centre",
        "CI",
        [0, 4],
        -0.2,
    ),
    (
        "judge6@demo.test",
        "Thandiwe",
        "Judge",
        "Customer Experience Institute of Southern Africa",
        "ZA",
        [1, 3],
        0.2,
    ),
]
DEMO_NOMINATOR = "nominator@demo.test"
CLEARED_JUDGES = ["judge1@demo.test", "judge2@demo.test", "judge3@demo.test", "judge4@demo.test"]
CLEARANCE_NOTE = (
    "The nominator writes from demo.test, the programme's shared mail service, not from the "
    "judge's employer. Checked with the judge: no link with the nominee."
)


# Judges ----------------------------------------------------------------------------------------
def load_judges(password, admin):
    """The six demo judges' profiles (creating judge4..6's accounts), by email."""
    User = get_user_model()
    group, _ = Group.objects.get_or_create(name=group_of("judge"))
    profiles = {}
    hashed = None  # hashing is slow on purpose: once for the judges it creates
    for email, first_name, last_name, organisation, country, _expertise, _bias in JUDGES:
        user, created = User.objects.get_or_create(
            email=email, defaults={"first_name": first_name, "last_name": last_name}
        )
        if created:
            hashed = hashed or make_password(password)
            user.password = hashed
            user.save(update_fields=["password"])
            EmailAddress.objects.get_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
        user.groups.add(group)
        profiles[email], _ = JudgeProfile.objects.get_or_create(
            user=user,
            defaults={
                "organisation": organisation,
                "country": country,
                "invited_at": timezone.now() - timedelta(days=30),
                "invited_by": admin,
            },
        )
    return profiles


def join_panel(cycle, judges):
    """Every judge on the cycle's whole panel, with expertise in the cycle's categories."""
    categories = list(cycle.categories.order_by("sort_order", "pk"))
    for email, *_rest, expertise, _bias in JUDGES:
        profile = judges[email]
        PanelMembership.objects.get_or_create(judge=profile, cycle=cycle, category=None)
        profile.expertise.add(*[categories[i] for i in expertise if i < len(categories)])


def clear_demo_domain(cycle, judges, admin):
    """The demo nominator shares the judges' demo.test domain: a likely conflict, cleared."""
    for nomination in cycle.nominations.filter(nominator__email=DEMO_NOMINATOR).exclude(
        status=NominationStatus.DRAFT
    ):
        for email in CLEARED_JUDGES:
            if not ConflictClearance.objects.filter(
                judge=judges[email], nomination=nomination
            ).exists():
                conflicts.clear_likely_conflict(judges[email], nomination, admin, CLEARANCE_NOTE)


def declare(judge, cycle, reason, organisation="", country=""):
    """The judge declares a conflict for the cycle (once), as from the portal."""
    if not Conflict.objects.filter(
        judge=judge, cycle=cycle, organisation=organisation, country=country
    ).exists():
        conflicts.declare_cycle_conflict(
            judge, cycle, organisation=organisation, country=country, reason=reason, user=judge.user
        )


def declare_conflicts(cycle, judges):
    declare(
        judges["judge4@demo.test"],
        cycle,
        "I train the civil servants of Ghana's public bodies.",
        country="GH",
    )
    declare(
        judges["judge6@demo.test"],
        cycle,
        "I advised the centre on its customer charter last year.",
        organisation="Johannesburg Citizen Service Centre",
    )
