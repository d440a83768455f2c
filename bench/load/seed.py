"""The load test's people, added to a database that holds the demo (`manage.py load_demo`):

- N nominators with a confirmed email address (they may send a nomination);
- J judges in the "Judges" group, each with an authenticator app (TOTP; the secret is written
  to the accounts file so the simulated judge can type its codes, as the production settings
  ask judges for a code at log-in), sitting on the open cycle's panel;
- 2 x J eligible entries in the open cycle, so the judges have something to score, given to
  the judges by the real assignment run of the cycle's screening round (judging/assignment_run).

Run by bench/load/run.py with the run's settings in the environment; writes the accounts file:

    python bench/load/seed.py --nominators 200 --judges 30 --out accounts.json
"""

import argparse
import base64
import hashlib
import json
import os
import secrets
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

import django  # noqa: E402

django.setup()

from allauth.account.models import EmailAddress  # noqa: E402
from allauth.mfa.totp.internal.auth import TOTP  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from judging.assignment import run as assignment_run  # noqa: E402
from judging.models import JudgeProfile, PanelMembership, RoundKind  # noqa: E402
from nominations.choices import NominationStatus, OrganisationKind, Relation  # noqa: E402
from nominations.demo import DEMO_ANSWERS, INITIATIVES, minimal_pdf  # noqa: E402
from nominations.models import AwardCycle, EvidenceFile, Nomination  # noqa: E402
from nominations.privacy.consents import record_declaration  # noqa: E402
from nominations.sending.references import assign_reference  # noqa: E402

# {label}: empty for a fresh database; bench/load/on_stack.py seeds the stack's database once
# per run, each run's people new ("run1.", "run2.").
NOMINATOR_EMAIL = "nominator{number:03d}@{label}nominators.load.test"
JUDGE_EMAIL = "judge{number:02d}@{label}judges.load.test"
ENTRANT_EMAIL = "entrant@{label}entries.load.test"
COUNTRIES = [("KE", "Nairobi"), ("GH", "Accra"), ("NG", "Lagos"), ("SN", "Dakar"), ("RW", "Kigali")]


def verified_user(email, password_hash, **fields):
    user = get_user_model().objects.create(email=email, password=password_hash, **fields)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def add_nominators(count, password_hash, label):
    emails = [NOMINATOR_EMAIL.format(number=number, label=label) for number in range(1, count + 1)]
    for email in emails:
        verified_user(email, password_hash, first_name="Load", last_name="Nominator")
    return emails


def add_judges(count, password_hash, cycle, label):
    group, _created = Group.objects.get_or_create(name="Judges")
    judges = []
    for number in range(1, count + 1):
        email = JUDGE_EMAIL.format(number=number, label=label)
        user = verified_user(email, password_hash, first_name="Load", last_name=f"Judge {number}")
        user.groups.add(group)
        profile = JudgeProfile.objects.create(
            user=user,
            organisation=f"Load test judging panel {number}",
            country="KE",
            invited_at=timezone.now(),
        )
        PanelMembership.objects.create(judge=profile, cycle=cycle, category=None)
        secret = base64.b32encode(secrets.token_bytes(20)).decode("ascii")
        TOTP.activate(user, secret)
        judges.append({"email": email, "totp_secret": secret, "profile": profile.pk})
    return judges


def add_entries(count, cycle, password_hash, label):
    """Complete, eligible nominations with an evidence file each, as the demo's are."""
    entrant = verified_user(
        ENTRANT_EMAIL.format(label=label), password_hash, first_name="Load", last_name="Entrant"
    )
    categories = list(cycle.categories.filter(is_active=True).order_by("sort_order", "pk"))
    pdf = minimal_pdf("Load test evidence")
    for number in range(count):
        country, city = COUNTRIES[number % len(COUNTRIES)]
        initiative = INITIATIVES[number % len(INITIATIVES)]
        nomination = Nomination.objects.create(
            cycle=cycle,
            nominator=entrant,
            category=categories[number % len(categories)],
            relation=Relation.SELF,
            eligibility_confirmed=True,
            organisation_name=f"Load Test Service Centre {number + 1}",
            organisation_kind=OrganisationKind.AGENCY,
            country=country,
            city=city,
            website="https://www.example.gov",
            contact_name="Load Contact",
            contact_role="Head of customer service",
            contact_email=f"contact{number}@example.gov",
            initiative_title=initiative,
            **DEMO_ANSWERS,
            declaration_accepted_at=timezone.now(),
            declaration_version="2026-11",
            declaration_language="en",
        )
        record_declaration(nomination)
        EvidenceFile.objects.create(
            nomination=nomination,
            file=ContentFile(pdf, name="evidence.pdf"),
            original_name=f"{initiative}.pdf",
            kind="pdf",
            size=len(pdf),
            sha256=hashlib.sha256(pdf).hexdigest(),
        )
        nomination.status = NominationStatus.ELIGIBLE
        nomination.submitted_at = timezone.now()
        nomination.reference = assign_reference(nomination)
        nomination.save()


def assign(cycle, judges):
    """The real assignment run of the cycle's screening round; each load judge's share."""
    round = cycle.rounds.get(kind=RoundKind.SCREENING)
    added = assignment_run.top_up(round)
    for judge in judges:
        judge["assignments"] = list(
            round.assignments.filter(judge_id=judge["profile"]).values_list("pk", flat=True)
        )
    return round, added


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nominators", type=int, default=200)
    parser.add_argument("--judges", type=int, default=30)
    parser.add_argument("--entries", type=int, help="eligible entries to score (2 x judges)")
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--label", default="", help="in every address, to seed a database again")
    args = parser.parse_args()

    cycle = AwardCycle.objects.get(code="CX27")
    password = secrets.token_urlsafe(16)
    password_hash = make_password(password)  # hashing is slow on purpose: once for everyone
    with transaction.atomic():
        nominators = add_nominators(args.nominators, password_hash, args.label)
        judges = add_judges(args.judges, password_hash, cycle, args.label)
        add_entries(args.entries or 2 * args.judges, cycle, password_hash, args.label)
    evidence = args.out.with_name("evidence.pdf")  # what the simulated nominators attach
    evidence.write_bytes(minimal_pdf("Load test evidence: survey results 2026"))
    round, added = assign(cycle, judges)
    unassigned = [judge["email"] for judge in judges if not judge["assignments"]]
    if unassigned:
        sys.exit(f"The assignment run gave no entry to {', '.join(unassigned)}.")

    args.out.write_text(
        json.dumps(
            {
                "password": password,
                "evidence": str(evidence),
                "round": round.pk,
                "nominators": nominators,
                "judges": judges,
            },
            indent=1,
        )
    )
    os.chmod(args.out, 0o600)
    print(
        f"Seeded {len(nominators)} nominators, {len(judges)} judges with "
        f"{sum(len(judge['assignments']) for judge in judges)} assignments "
        f"({added} made by the run in round {round.pk})."
    )


if __name__ == "__main__":
    main()
