"""Demo data of the judging app, loaded after the nominations demo (cms/demo/loader.py):

- a screening rubric (1 to 5) and a final rubric (0 to 10), drawn from the programme's criteria;
- six judges (judge1..judge6@demo.test) with profiles, on the panels of both cycles, a few
  declared conflicts and the clearances an administrator gave for likely ones;
- for the open 2027 cycle, a screening round open now, assigned by the real assignment run, with
  submitted and draft scoresheets and untouched assignments for every demo judge;
- a closed 2026 cycle with 20 nominations, a screening and a final round fully scored, the
  decisions (shortlist, then winner, merit and finalists per category) and published results;
- three certificate signatories (with generated signature images) on both cycles, and the 2026
  cycle's certificates issued from its final round (winners, finalists, merit, participation,
  judges); their PDFs are made on first download, not here.

Deterministic (seeded by references and emails, not by database ids) and safe to run again:
what exists is kept.

Everything that changes results goes through the services the site itself uses, at the demo's
dates, so the audit log tells the demo's story like a real one: eligibility
(nominations/eligibility.py), conflicts and clearances (conflicts.py), scoresheets saved and
submitted (scoring.py), decisions and publishing (decisions.py, without emailing anyone).
"""

import io
import random
from datetime import date, datetime, time, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.log_actions import log

from awards_site.pdf import FONTS_DIR
from judging.assignment import run as assignment_run
from judging.certificates import issuing as certificates
from judging.models import (
    Assignment,
    Certificate,
    CertificateKind,
    Conflict,
    ConflictClearance,
    Criterion,
    JudgeProfile,
    Outcome,
    PanelMembership,
    Recommendation,
    Round,
    RoundKind,
    Rubric,
    ScaleLevel,
    Scoresheet,
    ScoresheetStatus,
    ScoreVisibility,
    Signatory,
)
from judging.panel import conflicts
from judging.results import decisions
from judging.scoring import rules as scoring
from nominations import eligibility
from nominations.choices import NominationStatus, OrganisationKind, Relation
from nominations.demo import CATEGORIES, DEMO_TEXT, ELIGIBILITY_EN, ELIGIBILITY_FR
from nominations.models import AwardCycle, Category, Nomination
from nominations.references import assign_reference
from nominations.versions import record_version

# Rubrics ---------------------------------------------------------------------------------------
# (key, name EN, name FR, guidance EN, guidance FR): the programme's criteria, as announced on
# the awards page (citizens first, access, people-process-technology, measured results, lasting).
CRITERIA = [
    (
        "listening",
        "Citizen focus and listening",
        "Place de l’usager et écoute",
        "Did the organisation start from what users need? Look for how it collects their views "
        "(surveys, complaints, community meetings), what it changed in response and whether it "
        "told people what changed.",
        "L’organisation est-elle partie des besoins des usagers ? Regardez comment elle recueille "
        "leur avis (enquêtes, réclamations, réunions de quartier), ce qu’elle a changé en "
        "conséquence et si elle a dit aux usagers ce qui a changé.",
    ),
    (
        "access",
        "Ease of access and inclusion",
        "Facilité d’accès et inclusion",
        "Fewer trips to the counter, shorter waits, clearer information. Does it work for people "
        "with a basic phone or a slow connection, with a disability, or who speak another "
        "language?",
        "Moins de déplacements au guichet, moins d’attente, une information plus claire. Le "
        "service fonctionne-t-il pour les personnes qui ont un téléphone simple ou une connexion "
        "lente, un handicap, ou qui parlent une autre langue ?",
    ),
    (
        "delivery",
        "People, processes and technology",
        "Personnes, processus et technologie",
        "How the change was made: frontline staff trained and empowered to solve problems, "
        "procedures with fewer steps, technology that serves the journey rather than replacing "
        "the people in it.",
        "Comment le changement a été mené : agents d’accueil formés et habilités à résoudre les "
        "problèmes, démarches allégées, technologie au service du parcours plutôt qu’à la place "
        "des personnes.",
    ),
    (
        "results",
        "Measurable results",
        "Résultats mesurables",
        "Evidence before and after: Net Promoter Score, Customer Effort Score, first-contact "
        "resolution, turnaround times, satisfaction. Prefer figures with a period and a source "
        "over claims.",
        "Des preuves avant et après : Net Promoter Score, score d’effort client, résolution au "
        "premier contact, délais de traitement, satisfaction. Préférez les chiffres datés et "
        "sourcés aux affirmations.",
    ),
    (
        "sustainability",
        "Sustainability and example to others",
        "Durabilité et valeur d’exemple",
        "Will it last beyond one manager or one budget? Is it funded and documented, and could "
        "other offices in the country or on the continent copy it?",
        "Cela durera-t-il au-delà d’un responsable ou d’un budget ? Est-ce financé et documenté, "
        "et d’autres administrations du pays ou du continent pourraient-elles s’en inspirer ?",
    ),
]
SCREENING_WEIGHTS = {
    "listening": 20,
    "access": 20,
    "delivery": 20,
    "results": 25,
    "sustainability": 15,
}
FINAL_WEIGHTS = {"listening": 20, "access": 15, "delivery": 15, "results": 30, "sustainability": 20}
SCREENING_LEVELS = [
    (1, "Weak: little or no evidence", "Faible : peu ou pas d’éléments"),
    (
        2,
        "Limited: some evidence, with important gaps",
        "Limité : quelques éléments, avec des lacunes",
    ),
    (3, "Sound: clear evidence of good practice", "Solide : des éléments clairs de bonne pratique"),
    (
        4,
        "Strong: convincing evidence and visible results",
        "Fort : des éléments convaincants et des résultats visibles",
    ),
    (
        5,
        "Outstanding: a model for other public bodies",
        "Exceptionnel : un modèle pour d’autres organismes publics",
    ),
]
FINAL_LEVELS = [
    (0, "Not addressed", "Non traité"),
    (1, "Very weak", "Très faible"),
    (2, "Weak", "Faible"),
    (3, "Below expectations", "En dessous des attentes"),
    (4, "Approaching expectations", "Proche des attentes"),
    (5, "Meets expectations", "Conforme aux attentes"),
    (6, "Good", "Bon"),
    (7, "Very good", "Très bon"),
    (8, "Excellent", "Excellent"),
    (9, "Outstanding", "Remarquable"),
    (
        10,
        "Exemplary: sets the standard for the continent",
        "Exemplaire : une référence pour le continent",
    ),
]
SCREENING_RUBRIC = "Screening rubric (1–5)"
FINAL_RUBRIC = "Final rubric (0–10)"

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

# Comments judges write, by criterion and by how well the entry did on it (low, middle, high);
# the judges of one entry each write in their own words (one of three variants).
COMMENTS = {
    "listening": (
        (
            "Users' views are mentioned, but the entry does not show how they were collected.",
            "We read little about what users asked for before the change.",
            "No survey or complaints data: how do you know what users need?",
        ),
        (
            "A yearly survey and a complaints line are in place; say what changed because of them.",
            "Good that complaints are logged. Tell users what you changed as a result.",
            "Feedback is collected, but the link between it and the changes made is not shown.",
        ),
        (
            "Regular listening with visible follow-up: users were told what changed.",
            "Community meetings and a published 'you said, we did' list: exemplary listening.",
            "The redesign started from users' own accounts of their journey. Very convincing.",
        ),
    ),
    "access": (
        (
            "Access still depends on coming to the office in person.",
            "The online route is hard to find and needs a smartphone.",
            "Nothing is said about people with a disability or who speak another language.",
        ),
        (
            "Waiting times are shorter, but little is said about people without a smartphone.",
            "Fewer trips to the counter; opening hours remain a barrier for working people.",
            "Clearer information at the counter. The website is not yet accessible.",
        ),
        (
            "Works on a basic phone, in two languages, with an assisted desk for those in need.",
            "One visit instead of three, and a text-message option for rural users.",
            "Inclusive by design: sign-language video calls and large-print forms.",
        ),
    ),
    "delivery": (
        (
            "The entry describes a new system but not how staff were prepared for it.",
            "The procedure still has the same number of steps.",
            "Technology is the whole story here; the people who use it are missing.",
        ),
        (
            "Steps were removed from the procedure; training of frontline staff is only mentioned.",
            "Staff were trained, but can they solve problems without referring upwards?",
            "A sensible new process. Say more about how the team took it on.",
        ),
        (
            "Staff trained and empowered to solve problems at the first contact.",
            "People, process and technology moved together: a model of how to run such a change.",
            "The journey was redesigned around the user, and the system followed.",
        ),
    ),
    "results": (
        (
            "Few figures, and none from before the change: the impact is hard to judge.",
            "The satisfaction figure has no period and no source.",
            "Claims of improvement are not backed by data.",
        ),
        (
            "Before-and-after turnaround times convince; the satisfaction figure lacks a source.",
            "First-contact resolution rose; NPS is given for one period only.",
            "Good figures on waiting times; what did users say about the change?",
        ),
        (
            "Clear before-and-after figures for NPS, first-contact resolution and turnaround.",
            "Every figure has a period and a source. Turnaround fell from weeks to days.",
            "Strong, consistent evidence across several measures.",
        ),
    ),
    "sustainability": (
        (
            "The initiative seems to rest on one project budget; what happens when it ends?",
            "It depends on one manager's drive. How will it outlast them?",
            "Too early to tell whether this will last.",
        ),
        (
            "Part of the annual plan, but not yet documented for other offices.",
            "Funded for two more years. Write it down so that others can copy it.",
            "Likely to last; other offices would need guidance to repeat it.",
        ),
        (
            "Funded in the regular budget, documented, and already copied by two other offices.",
            "Written into the service charter, so it no longer depends on one person.",
            "A guide for other offices is published: a real example for the continent.",
        ),
    ),
}
OVERALL = {
    Recommendation.YES: (
        "A strong entry that shows what citizen-centred service looks like in practice.",
        "Well evidenced and easy to follow. Congratulations to the team.",
        "An inspiring example for public bodies across the continent.",
    ),
    Recommendation.MAYBE: (
        "Promising work; more evidence of results would make the case stronger.",
        "Good practice, but the entry claims more than its figures show.",
        "A solid entry. Show the users' side of the story next time.",
    ),
    Recommendation.NO: (
        "The ambition is clear, but the entry needs figures and a longer track record.",
        "Too early to judge the impact; we encourage you to enter again next year.",
        "Interesting idea; the entry does not yet show what changed for users.",
    ),
}

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


def load(password=None, admin=None):
    """Load the judging demo; `password` for the judges it creates (the demo password)."""
    password = password or settings.DEMO_PASSWORD
    admin = admin or get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    screening, final = load_rubrics()
    judges = load_judges(password, admin)
    current = AwardCycle.objects.get(code="CX27")
    load_open_cycle(current, screening, judges, admin)
    closed = load_closed_cycle(current, screening, final, judges, admin)
    load_certificates(current, closed, admin)


# Rubrics ---------------------------------------------------------------------------------------
def load_rubrics():
    return (
        _rubric(SCREENING_RUBRIC, SCREENING_WEIGHTS, SCREENING_LEVELS),
        _rubric(FINAL_RUBRIC, FINAL_WEIGHTS, FINAL_LEVELS),
    )


def _rubric(name, weights, levels):
    """The rubric with its criteria and levels, saved together (Rubric.save checks the
    weights)."""
    rubric = Rubric.objects.filter(name=name).first()
    if rubric:
        return rubric
    rubric = Rubric(
        name=name,
        scale_min=levels[0][0],
        scale_max=levels[-1][0],
        criteria=[
            Criterion(
                sort_order=order,
                name_en=name_en,
                name_fr=name_fr,
                guidance_en=guidance_en,
                guidance_fr=guidance_fr,
                weight=weights[key],
            )
            for order, (key, name_en, name_fr, guidance_en, guidance_fr) in enumerate(CRITERIA)
        ],
        levels=[
            ScaleLevel(sort_order=order, value=value, descriptor_en=en, descriptor_fr=fr)
            for order, (value, en, fr) in enumerate(levels)
        ],
    )
    rubric.save()
    return rubric


# Judges ----------------------------------------------------------------------------------------
def load_judges(password, admin):
    """The six demo judges' profiles (creating judge4..6's accounts), by email."""
    User = get_user_model()
    group, _ = Group.objects.get_or_create(name="Judges")
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


def _join_panel(cycle, judges):
    """Every judge on the cycle's whole panel, with expertise in the cycle's categories."""
    categories = list(cycle.categories.order_by("sort_order", "pk"))
    for email, *_rest, expertise, _bias in JUDGES:
        profile = judges[email]
        PanelMembership.objects.get_or_create(judge=profile, cycle=cycle, category=None)
        profile.expertise.add(*[categories[i] for i in expertise if i < len(categories)])


def _clear_demo_domain(cycle, judges, admin):
    """The demo nominator shares the judges' demo.test domain: a likely conflict, cleared."""
    for nomination in cycle.nominations.filter(nominator__email=DEMO_NOMINATOR).exclude(
        status=NominationStatus.DRAFT
    ):
        for email in CLEARED_JUDGES:
            if not ConflictClearance.objects.filter(
                judge=judges[email], nomination=nomination
            ).exists():
                conflicts.clear_likely_conflict(judges[email], nomination, admin, CLEARANCE_NOTE)


def _declare(judge, cycle, reason, organisation="", country=""):
    """The judge declares a conflict for the cycle (once), as from the portal."""
    if not Conflict.objects.filter(
        judge=judge, cycle=cycle, organisation=organisation, country=country
    ).exists():
        conflicts.declare_cycle_conflict(
            judge, cycle, organisation=organisation, country=country, reason=reason, user=judge.user
        )


def _declare_conflicts(cycle, judges):
    _declare(
        judges["judge4@demo.test"],
        cycle,
        "I train the civil servants of Ghana's public bodies.",
        country="GH",
    )
    _declare(
        judges["judge6@demo.test"],
        cycle,
        "I advised the centre on its customer charter last year.",
        organisation="Johannesburg Citizen Service Centre",
    )


# Scoresheets -----------------------------------------------------------------------------------
def _bias(email):
    return next(bias for judge_email, *_rest, bias in JUDGES if judge_email == email)


def _criterion_key(criterion):
    return next(key for key, name_en, *_rest in CRITERIA if name_en == criterion.name_en)


def _scores(rng, rubric, criteria, quality, bias, voice, complete=True):
    """(criterion, score, comment) per criterion around a quality on the 1-5 scale; `voice`
    picks the judge's own wording."""
    low, high = rubric.scale_min, rubric.scale_max
    rows = []
    for position, criterion in enumerate(criteria):
        if not complete and position >= 2:
            rows.append((criterion, None, ""))
            continue
        on_five = quality + bias + rng.gauss(0, 0.45)
        scaled = low + (on_five - 1) * (high - low) / 4
        score = max(low, min(high, round(scaled)))
        fraction = (score - low) / (high - low)
        level = 0 if fraction < 0.45 else 1 if fraction < 0.75 else 2
        variants = COMMENTS[_criterion_key(criterion)][level]
        comment = variants[voice % len(variants)] if rng.random() < 0.75 else ""
        rows.append((criterion, score, comment))
    return rows


def _recommendation(rubric, rows):
    span = rubric.scale_max - rubric.scale_min
    weighted = sum(
        criterion.weight * (score - rubric.scale_min) / span for criterion, score, _c in rows
    )
    if weighted >= 70:
        return Recommendation.YES
    return Recommendation.MAYBE if weighted >= 45 else Recommendation.NO


def _save_scoresheets(plans):
    """plans: (assignment, status, rows, recommendation, overall, moment) tuples. Each judge
    saves and (when `status` says so) submits at `moment`, through scoring.py: the submissions
    are in the audit log, and the sheets carry their results figures."""
    for assignment, *_rest, moment in plans:
        assignment.conflict_checked_at = moment - timedelta(hours=4)
    Assignment.objects.bulk_update(
        [plan[0] for plan in plans], ["conflict_checked_at"], batch_size=200
    )
    for assignment, status, rows, recommendation, overall, moment in plans:
        judge = assignment.judge.user
        sheet = scoring.scoresheet_for(assignment)
        scores = {criterion.pk: (score, comment) for criterion, score, comment in rows}
        scoring.save(sheet, sheet.version, scores, overall, recommendation, judge, now=moment)
        if status == ScoresheetStatus.SUBMITTED:
            scoring.submit(sheet, sheet.version, judge, now=moment)
        Scoresheet.objects.filter(pk=sheet.pk).update(created_at=moment - timedelta(hours=3))


def _plan(assignment, rubric, criteria, quality, status, moment, voice):
    email = assignment.judge.user.email
    rng = random.Random(f"{assignment.nomination.reference}/{assignment.round.kind}/{email}")
    complete = status == ScoresheetStatus.SUBMITTED
    rows = _scores(rng, rubric, criteria, quality, _bias(email), voice, complete=complete)
    recommendation = _recommendation(rubric, rows) if complete else ""
    overall = ""
    if complete and rng.random() < 0.8:
        variants = OVERALL[recommendation]
        overall = variants[voice % len(variants)]
    return (assignment, status, rows, recommendation, overall, moment)


def _voices(assignments):
    """Each assignment's judge's position among the entry's judges: {assignment id: 0, 1, ...}."""
    judges = {}
    for assignment in assignments:
        judges.setdefault(assignment.nomination_id, []).append(assignment)
    return {
        assignment.pk: position
        for group in judges.values()
        for position, assignment in enumerate(sorted(group, key=lambda a: a.judge.user.email))
    }


def _quality(reference):
    """A stable quality on the 1-5 scale for an entry of the open cycle."""
    return random.Random(reference).uniform(2.2, 4.5)


# The open 2027 cycle ---------------------------------------------------------------------------
def load_open_cycle(cycle, rubric, judges, admin):
    _join_panel(cycle, judges)
    _clear_demo_domain(cycle, judges, admin)
    _declare_conflicts(cycle, judges)
    if cycle.rounds.exists():
        return
    zone = timezone.get_current_timezone()
    today = timezone.localdate()
    round = Round.objects.create(
        cycle=cycle,
        name_en="Screening",
        name_fr="Présélection",
        kind=RoundKind.SCREENING,
        rubric=rubric,
        opens_at=datetime.combine(today - timedelta(days=4), time(9, 0), tzinfo=zone),
        closes_at=datetime.combine(today + timedelta(days=25), time(23, 59), tzinfo=zone),
        scores_due_on=today + timedelta(days=21),
        entering_statuses=[NominationStatus.ELIGIBLE.value],
        judges_per_entry=3,
        hide_nominator=True,
        score_visibility=ScoreVisibility.AFTER_OWN,
        entrant_feedback=True,
    )
    assignment_run.top_up(round, user=admin)
    criteria = list(rubric.criteria.order_by("sort_order"))
    assignments = list(
        round.assignments.select_related("judge__user", "nomination", "round").order_by(
            "judge__user__email", "nomination__reference"
        )
    )
    voices = _voices(assignments)
    plans = []
    position = {}
    now = timezone.now()
    for assignment in assignments:
        email = assignment.judge.user.email
        place = position[email] = position.get(email, -1) + 1
        # Per judge: two submitted, one draft, the rest not started (no conflict check yet).
        if place > 2:
            continue
        status = ScoresheetStatus.SUBMITTED if place < 2 else ScoresheetStatus.DRAFT
        moment = now - timedelta(days=2 - place, hours=place * 3 + 1)
        quality = _quality(assignment.nomination.reference)
        voice = voices[assignment.pk]
        plans.append(_plan(assignment, rubric, criteria, quality, status, moment, voice))
    _save_scoresheets(plans)
    _send_changes_after_assignment(cycle)


DEMO_CHANGE = (
    " Since we sent this nomination, the September survey came in: 91% of users were satisfied, "
    "and the average wait at the counter is now 18 minutes."
)


def _send_changes_after_assignment(cycle):
    """The demo nominator's eligible entry gets a second version after the judges were given
    the first: the judges' portal says so and shows what changed, the nominator's page lists
    both versions."""
    nomination = (
        Nomination.objects.filter(
            cycle=cycle, nominator__email="nominator@demo.test", status=NominationStatus.ELIGIBLE
        )
        .filter(judge_assignments__isnull=False)
        .distinct()
        .order_by("pk")
        .first()
    )
    if nomination is None or nomination.versions.count() != 1:
        return
    nomination.results += DEMO_CHANGE
    nomination.satisfaction = 91
    nomination.revision += 1
    nomination.save(update_fields=["results", "satisfaction", "revision", "updated_at"])
    version = record_version(nomination, nomination.nominator, timezone.now() - timedelta(hours=5))
    log(
        nomination,
        "nominations.changes_sent",
        user=nomination.nominator,
        data={"version": version.number, "fields": ["results", "satisfaction"], "files_added": []},
        timestamp=version.created_at,
    )


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
    _join_panel(cycle, judges)
    _clear_demo_domain(cycle, judges, admin)
    _declare(
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
    (nominations/eligibility.py) ten days later."""
    User = get_user_model()
    categories = list(cycle.categories.order_by("sort_order", "pk"))
    rng = random.Random(2026)
    for number, entry in enumerate(CX26_ENTRIES):
        country, city, kind, organisation, initiative, category, _quality, owner_email = entry
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
    voices = _voices(assignments)
    plans = []
    for index, assignment in enumerate(assignments):
        when = datetime.combine(
            first_day + timedelta(days=index % 10), time(9 + index % 8, 0), tzinfo=zone
        )
        entry_quality = quality[assignment.nomination.organisation_name]
        status = ScoresheetStatus.SUBMITTED
        voice = voices[assignment.pk]
        plans.append(_plan(assignment, round.rubric, criteria, entry_quality, status, when, voice))
    _save_scoresheets(plans)


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


# Certificates ----------------------------------------------------------------------------------
# (name, title EN, title FR, ink colour of the signature): invented people of the programme.
SIGNATORIES = [
    ("Amina Diallo", "Chair of the jury", "Présidente du jury", (18, 38, 110)),
    ("Kwame Mensah", "Programme director", "Directeur du programme", (20, 20, 20)),
    ("Zanele Dlamini", "Head of judging", "Responsable de l’évaluation", (12, 60, 90)),
]
CX26_CERTIFICATES_ISSUED = (date(2026, 6, 30), time(10, 0))
CX26_REISSUE_REASON = "The organisation asked for its full legal name; the name was corrected."


def load_certificates(current, closed, admin):
    """Signatories for both cycles and the 2026 certificates, once. No PDF is rendered here."""
    images = {}
    for cycle in (current, closed):
        if cycle.signatories.exists():
            continue
        for order, (name, title_en, title_fr, ink) in enumerate(SIGNATORIES):
            if name not in images:
                images[name] = _signature_image(name, ink)
            Signatory.objects.create(
                cycle=cycle,
                name=name,
                title_en=title_en,
                title_fr=title_fr,
                signature=images[name],
                sort_order=order,
            )
    if Certificate.objects.filter(cycle=closed).exists():
        return
    final = closed.rounds.filter(kind=RoundKind.FINAL, results_published_at__isnull=False).first()
    if final is None:
        return
    certificates.issue(final, admin, run=False)
    zone = timezone.get_current_timezone()
    issued = datetime.combine(*CX26_CERTIFICATES_ISSUED, tzinfo=zone)
    Certificate.objects.filter(cycle=closed).update(issued_at=issued)
    # One certificate was re-issued: the verification page of the first says "revoked".
    first = (
        Certificate.objects.filter(cycle=closed, kind=CertificateKind.PARTICIPATION)
        .order_by("nomination__reference")
        .first()
    )
    new = certificates.reissue(first, admin, CX26_REISSUE_REASON)
    corrected = datetime.combine(CX26_CERTIFICATES_ISSUED[0] + timedelta(days=7), time(9, 0), zone)
    Certificate.objects.filter(pk=first.pk).update(revoked_at=corrected)
    Certificate.objects.filter(pk=new.pk).update(issued_at=corrected)


def _signature_image(name, ink):
    """A made-up handwritten signature: the name in italics over a flourish, on a transparent
    background, cropped to the ink."""
    first, last = name.split(" ", 1)
    text = f"{first[0]}. {last}"
    picture = PILImage.new("RGBA", (640, 200), (255, 255, 255, 0))
    draw = ImageDraw.Draw(picture)
    font = ImageFont.truetype(str(FONTS_DIR / "NotoSerif-Italic.ttf"), 72)
    draw.text((30, 40), text, fill=(*ink, 255), font=font)
    width = int(draw.textlength(text, font=font))
    points = [(30 + x, 150 - 18 * ((x / max(width, 1)) - 0.5) ** 2 * 4) for x in range(0, width, 8)]
    draw.line(points, fill=(*ink, 255), width=4, joint="curve")
    picture = picture.crop(picture.getbbox())
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    slug = "".join(c for c in name.lower() if c.isalnum())
    return get_image_model().objects.create(
        title=f"Signature of {name} (demo)", file=ImageFile(buffer, name=f"signature-{slug}.png")
    )
