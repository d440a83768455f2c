"""The demo's closed 2026 cycle: 20 nominations, a screening and a final round fully scored,
the decisions (shortlist, then winner, merit and finalists per category) and published
results (judging/results/decisions.py, without emailing anyone)."""

import random
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.log_actions import log

from judging.assignment import run as assignment_run
from judging.demo.judges import DEMO_NOMINATOR, clear_demo_domain, declare, join_panel
from judging.demo.scoresheets import judge_voices, plan_sheet, save_scoresheets
from judging.models import (
    Assignment,
    Outcome,
    Round,
    RoundKind,
    ScoresheetStatus,
    ScoreVisibility,
)
from judging.results import decisions
from nominations.choices import NominationStatus, OrganisationKind, Relation
from nominations.demo import CATEGORIES, DEMO_TEXT, ELIGIBILITY_EN, ELIGIBILITY_FR
from nominations.models import AwardCycle, Category, Nomination
from nominations.review import eligibility
from nominations.sending.references import assign_reference
from nominations.sending.versions import record_version

# The closed 2026 cycle -------------------------------------------------------------------------
# country, city, kind, organisation, initiative, category position, quality (1 to 5), owner
CX26_ENTRIES = [
    (
        "KE",
        "Nairobi",
        OrganisationKind.AGENCY,
        "Nairobi One-Stop Citizen Service Centre",
        "All services under one roof, one ticket",
        0,
        4.6,
        "",
    ),
    (
        "GH",
        "Accra",
        OrganisationKind.AGENCY,
        "Driver and Vehicle Licensing Help Desk",
        "A licence renewed in one visit",
        1,
        3.9,
        "",
    ),
    (
        "SN",
        "Dakar",
        OrganisationKind.MUNICIPALITY,
        "Mairie de Dakar-Plateau – Service de l’état civil",
        "L’acte de naissance en 24 heures",
        2,
        3.9,
        DEMO_NOMINATOR,
    ),
    (
        "RW",
        "Kigali",
        OrganisationKind.AGENCY,
        "Rwanda Online Permits Service",
        "Building permits on any phone",
        1,
        4.6,
        "",
    ),
    (
        "ZA",
        "Cape Town",
        OrganisationKind.MUNICIPALITY,
        "Cape Town Municipal Contact Centre",
        "Every complaint answered within five days",
        3,
        4.6,
        "",
    ),
    (
        "NG",
        "Lagos",
        OrganisationKind.STATE_OWNED,
        "Lagos Water Corporation Customer Care",
        "Billing questions solved at first contact",
        0,
        3.9,
        "",
    ),
    (
        "CM",
        "Yaoundé",
        OrganisationKind.AGENCY,
        "Centre national d’identification de Yaoundé",
        "La carte d’identité sans file d’attente",
        3,
        2.3,
        DEMO_NOMINATOR,
    ),
    (
        "CI",
        "Bouaké",
        OrganisationKind.MUNICIPALITY,
        "Mairie de Bouaké – Guichet unique",
        "Un guichet, toutes les démarches",
        4,
        3.9,
        "",
    ),
    (
        "ET",
        "Addis Ababa",
        OrganisationKind.MINISTRY,
        "Ministry of Revenues Taxpayer Service Centre",
        "Plain-language tax guides",
        2,
        4.6,
        "",
    ),
    (
        "UG",
        "Entebbe",
        OrganisationKind.AGENCY,
        "Entebbe Passport Service Point",
        "Appointments by text message",
        4,
        4.6,
        "",
    ),
    (
        "TZ",
        "Arusha",
        OrganisationKind.MUNICIPALITY,
        "Arusha City Council Customer Desk",
        "A customer charter with published standards",
        0,
        3.3,
        "",
    ),
    (
        "MA",
        "Casablanca",
        OrganisationKind.AGENCY,
        "Agence des services aux entreprises de Casablanca",
        "Créer son entreprise en ligne en un jour",
        1,
        3.3,
        "",
    ),
    (
        "BJ",
        "Porto-Novo",
        OrganisationKind.AGENCY,
        "Agence béninoise des services publics en ligne",
        "Les démarches administratives sur mobile",
        2,
        3.3,
        "",
    ),
    (
        "EG",
        "Cairo",
        OrganisationKind.MINISTRY,
        "Social Solidarity Citizen Call Centre",
        "One number for every benefit",
        3,
        3.9,
        "",
    ),
    (
        "ZM",
        "Lusaka",
        OrganisationKind.STATE_OWNED,
        "Lusaka Electricity Customer Centre",
        "Outage alerts by text message",
        4,
        3.3,
        "",
    ),
    (
        "BW",
        "Gaborone",
        OrganisationKind.AGENCY,
        "Land Board Service Desk",
        "Land applications tracked online",
        0,
        2.3,
        "",
    ),
    (
        "MU",
        "Port Louis",
        OrganisationKind.MINISTRY,
        "Public Service Citizen Support Unit",
        "Feedback kiosks in every office",
        1,
        2.3,
        "",
    ),
    (
        "TN",
        "Tunis",
        OrganisationKind.AGENCY,
        "Agence tunisienne des démarches en ligne",
        "Formulaires en langage clair",
        2,
        2.3,
        "",
    ),
    (
        "KE",
        "Kisumu",
        OrganisationKind.MUNICIPALITY,
        "Kisumu County Service Delivery Unit",
        "Mobile service vans for rural wards",
        3,
        3.3,
        "",
    ),
    (
        "GH",
        "Tamale",
        OrganisationKind.STATE_OWNED,
        "Northern Power Customer Service",
        "A single helpline for all services",
        4,
        2.3,
        "",
    ),
]
CX26_SHORTLIST = 3  # per category; then winner, merit and finalist in the final


# The closed 2026 cycle -------------------------------------------------------------------------
def load_closed_cycle(current, screening_rubric, final_rubric, judges, admin):
    zone = timezone.get_current_timezone()

    def moment(day, hour=12):
        return datetime.combine(day, time(hour, 0), tzinfo=zone)

    cycle, _created = AwardCycle.objects.get_or_create(
        code="CX26",
        defaults={
            "name_en": "2026 Awards",
            "name_fr": "Prix 2026",
            "nominations_open_at": moment(date(2026, 1, 12), 0),
            "nominations_close_at": datetime.combine(date(2026, 3, 31), time(23, 59), tzinfo=zone),
            "judging_starts_on": date(2026, 4, 13),
            "judging_ends_on": date(2026, 5, 29),
            "results_on": date(2026, 6, 23),  # Africa Public Service Day
            "is_current": False,
        },
    )
    if not cycle.name_fr:  # a demo loaded before cycles had a French name
        cycle.name_fr = "Prix 2026"
        cycle.save(update_fields=["name_fr"])
    if not cycle.categories.exists():
        _copy_categories(current, cycle)
    if not cycle.nominations.exists():
        _closed_cycle_nominations(cycle, admin)
    join_panel(cycle, judges)
    clear_demo_domain(cycle, judges, admin)
    declare(
        judges["judge4@demo.test"],
        cycle,
        "I train the civil servants of Ghana's public bodies.",
        country="GH",
    )
    if cycle.rounds.exists():
        return cycle
    quality = {entry[3]: entry[6] for entry in CX26_ENTRIES}
    common = {
        "cycle": cycle,
        "judges_per_entry": 3,
        "hide_nominator": True,
        "score_visibility": ScoreVisibility.AFTER_CLOSE,
        "entrant_feedback": True,
    }
    screening = Round.objects.create(
        name_en="Screening",
        name_fr="Présélection",
        kind=RoundKind.SCREENING,
        rubric=screening_rubric,
        opens_at=moment(date(2026, 4, 13), 9),
        closes_at=moment(date(2026, 5, 4), 18),
        scores_due_on=date(2026, 5, 1),
        entering_statuses=[NominationStatus.ELIGIBLE.value],
        **common,
    )
    _score_closed_round(screening, quality, date(2026, 4, 20), admin)
    _decide(
        screening,
        quality,
        [Outcome.SHORTLISTED] * CX26_SHORTLIST,
        moment(date(2026, 5, 6)),
        admin,
    )
    # Shortlisted entries become "Shortlisted", the others "Not placed".
    decisions.publish(screening, admin, now=moment(date(2026, 5, 8)), notify=False)

    final = Round.objects.create(
        name_en="Final",
        name_fr="Finale",
        kind=RoundKind.FINAL,
        rubric=final_rubric,
        opens_at=moment(date(2026, 5, 11), 9),
        closes_at=moment(date(2026, 5, 29), 18),
        scores_due_on=date(2026, 5, 27),
        entering_statuses=[NominationStatus.SHORTLISTED.value],
        **common,
    )
    _score_closed_round(final, quality, date(2026, 5, 18), admin)
    outcomes = [Outcome.WINNER, Outcome.MERIT, Outcome.FINALIST]
    _decide(final, quality, outcomes, moment(date(2026, 6, 5)), admin)
    decisions.publish(final, admin, now=moment(date(2026, 6, 23), 10), notify=False)
    return cycle


def _copy_categories(source, cycle):
    """The 2026 categories mirror the 2027 ones (same names and order)."""
    existing = list(source.categories.order_by("sort_order", "pk"))
    rows = existing or [
        Category(
            name_en=name_en,
            name_fr=name_fr,
            description_en=description_en,
            description_fr=description_fr,
            sort_order=order,
        )
        for order, (name_en, name_fr, description_en, description_fr) in enumerate(CATEGORIES)
    ]
    Category.objects.bulk_create(
        Category(
            cycle=cycle,
            name_en=category.name_en,
            name_fr=category.name_fr,
            description_en=category.description_en,
            description_fr=category.description_fr,
            eligibility_en=ELIGIBILITY_EN,
            eligibility_fr=ELIGIBILITY_FR,
            sort_order=category.sort_order,
            is_active=False,
        )
        for category in rows
    )


def _closed_cycle_nominations(cycle, admin):
    """The 2026 nominations, sent in February and March and found eligible by the awards team
    (nominations/review/eligibility.py) ten days later."""
    User = get_user_model()
    categories = list(cycle.categories.order_by("sort_order", "pk"))
    rng = random.Random(2026)
    for number, entry in enumerate(CX26_ENTRIES):
        country, city, kind, organisation, initiative, category, entry_quality, owner_email = entry
        owner, _ = User.objects.get_or_create(
            email=owner_email or f"office{number:02d}@entrants2026.demo.test",
            defaults={"first_name": "Demo", "last_name": f"Entrant {number}"},
        )
        sent = datetime.combine(
            date(2026, 2, 2) + timedelta(days=3 * number),
            time(10, 0),
            tzinfo=timezone.get_current_timezone(),
        )
        nomination = Nomination(
            cycle=cycle,
            nominator=owner,
            category=categories[category],
            relation=Relation.THIRD_PARTY if owner_email else Relation.SELF,
            eligibility_confirmed=True,
            organisation_name=organisation,
            organisation_kind=kind,
            country=country,
            city=city,
            website="https://www.example.gov",
            contact_name="Demo Contact",
            contact_role="Head of customer service",
            contact_email=f"contact{number}@example.gov",
            initiative_title=initiative,
            summary=DEMO_TEXT,
            challenge=DEMO_TEXT,
            actions_people=DEMO_TEXT,
            actions_process=DEMO_TEXT,
            actions_technology=DEMO_TEXT,
            results=DEMO_TEXT,
            citizen_impact=DEMO_TEXT,
            sustainability=DEMO_TEXT,
            baseline_period="January–June 2024",
            latest_period="January–June 2025",
            nps_before=rng.randint(-40, 10),
            nps_after=rng.randint(10, 60),
            customer_effort_score=rng.choice([2.1, 2.8, 3.4, 4.0]),
            first_contact_resolution=rng.randint(55, 92),
            turnaround_before=rng.randint(10, 40),
            turnaround_after=rng.randint(1, 9),
            satisfaction=rng.randint(60, 95),
            declaration_accepted_at=sent,
            declaration_version="2026-01",
            declaration_language="en",
            language="fr" if country in {"SN", "CM", "CI", "BJ", "MA", "TN"} else "en",
            status=NominationStatus.SUBMITTED,
            submitted_at=sent,
            created_at=sent - timedelta(days=5),
        )
        nomination.reference = assign_reference(nomination)
        nomination.save()
        version = record_version(nomination, owner, sent)
        log(
            nomination,
            "nominations.submit",
            user=owner,
            data={"reference": nomination.reference, "version": version.number},
            timestamp=sent,
        )
        eligibility.mark_eligible(nomination.pk, admin, now=sent + timedelta(days=10), notify=False)


def _score_closed_round(round, quality, first_day, admin):
    """Every assignment of a closed round, made by the real run, has a submitted scoresheet."""
    assignment_run.top_up(round, user=admin)
    Assignment.objects.filter(round=round).update(created_at=round.opens_at)
    criteria = list(round.rubric.criteria.order_by("sort_order"))
    zone = timezone.get_current_timezone()
    assignments = list(
        round.assignments.select_related("judge__user", "nomination", "round").order_by(
            "nomination__reference", "judge__user__email"
        )
    )
    voices = judge_voices(assignments)
    plans = []
    for index, assignment in enumerate(assignments):
        when = datetime.combine(
            first_day + timedelta(days=index % 10), time(9 + index % 8, 0), tzinfo=zone
        )
        entry_quality = quality[assignment.nomination.organisation_name]
        status = ScoresheetStatus.SUBMITTED
        voice = voices[assignment.pk]
        plans.append(
            plan_sheet(assignment, round.rubric, criteria, entry_quality, status, when, voice)
        )
    save_scoresheets(plans)


def _decide(round, quality, outcomes, when, admin):
    """The administrators' decisions, per category from the best entry down, through
    decisions.decide (each in the audit log): {entry id: outcome}."""
    by_category = {}
    for nomination in round.entries().order_by("category__sort_order", "reference"):
        by_category.setdefault(nomination.category_id, []).append(nomination)
    decided = {}
    for entries in by_category.values():
        ranked = sorted(entries, key=lambda n: (-quality[n.organisation_name], n.reference))
        for nomination, outcome in zip(ranked, outcomes, strict=False):
            decisions.decide(round, nomination, outcome, admin, now=when)
            decided[nomination.pk] = outcome
    return decided
