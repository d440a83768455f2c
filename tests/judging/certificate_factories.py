"""Helpers of the certificate tests: a round whose results are published, with every kind of
certificate to issue, and PDF text extraction."""

import io
from datetime import timedelta
from types import SimpleNamespace

import pypdf
import pytest
from django.utils import timezone

from judging.models import Outcome, ScoresheetStatus
from judging.results import decisions
from nominations.choices import NominationStatus
from tests.judging.results_factories import judged, scene_fixture  # noqa: F401
from tests.nominations.conftest import make_user


def publish_round(round, user):
    now = timezone.now()
    round.opens_at = now - timedelta(days=20)
    round.closes_at = now - timedelta(days=1)
    round.save()
    assert decisions.publish(round, user)


@pytest.fixture(name="admin_user")
def admin_user_fixture(db):
    user = make_user("certificates-admin@awards.example")
    user.is_superuser = True
    user.is_staff = True
    user.save()
    return user


@pytest.fixture(name="awarded")
def awarded_fixture(scene, admin_user):
    """Entries 1-5 in the first category, 6 in the second (all eligible), 7 ineligible and 8
    withdrawn; the first two judges submitted a sheet for each eligible entry, the third judge
    only a draft. Decisions: 1 and 6 winners, 2 finalist (its nominator's account is in French,
    so is its nomination), 3 merit, 4 shortlisted; the results are published."""
    round = scene.round
    entries = [scene.entry(n) for n in range(1, 6)] + [scene.entry(6, scene.categories[1])]
    entries[1].language = "fr"
    entries[1].organisation_name = "Ministère de la Fonction Publique et de la Réforme"
    entries[1].save()
    entries[1].nominator.language = "fr"
    entries[1].nominator.save()
    others = [
        scene.entry(7, status=NominationStatus.INELIGIBLE),
        scene.entry(8, status=NominationStatus.WITHDRAWN),
    ]
    for index, entry in enumerate(entries):
        judged(round, entry, scene.judges[0], [60 + index])
        judged(round, entry, scene.judges[1], [70 - index])
    judged(round, entries[0], scene.judges[2], [50], status=ScoresheetStatus.DRAFT)
    for entry, outcome in [
        (entries[0], Outcome.WINNER),
        (entries[1], Outcome.FINALIST),
        (entries[2], Outcome.MERIT),
        (entries[3], Outcome.SHORTLISTED),
        (entries[5], Outcome.WINNER),
    ]:
        decisions.decide(round, entry, outcome, admin_user)
    publish_round(round, admin_user)
    for entry in entries:
        entry.refresh_from_db()
    return SimpleNamespace(**vars(scene), entries=entries, others=others, admin=admin_user)


def pdf_text(data):
    """The PDF's text, whitespace collapsed (long names wrap over lines)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def pdf_fonts(data):
    """The base names of the fonts the PDF embeds, without their subset prefix."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    names = set()
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for key in fonts:
            names.add(str(fonts[key].get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


def pdf_pages(data):
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)
