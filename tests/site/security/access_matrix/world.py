"""The people and objects of the access-control matrix (this package), built on the
demo data so the ids are the ones a real user would follow:

- nominator A is the demo nominator: a sent 2027 (CX27) nomination with an evidence file that
  they may still change (`nomination`), an eligible one judged in the open screening round
  (`entry`, with an evidence file too) and a 2026 (CX26) nomination with a certificate of merit
  (`past_nomination`);
- nominator B owns other 2027 nominations (one of the demo's agencies);
- the assigned judge scored A's 2027 entry (a scoresheet); the other judge sits on the same
  panel with no assignment to it; the conflicted judge is assigned to it too but has declared a
  conflict with it, which an administrator has not resolved (the assignment still exists);
- the sponsor is the demo sponsor (its partner supports all of CX26 and only "Digital public
  service" of CX27); the other sponsor's partner supports only another category of CX27;
- the editor and the administrator are the demo's.
"""

import io
import zipfile
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from cms.models import Partner, SponsorMember
from feedback.choices import AnswerStatus
from feedback.models import Agency, AgencyMembership, Response, ServicePoint
from judging.models import (
    Assignment,
    Certificate,
    CertificateKind,
    JudgeProfile,
    Round,
    RoundKind,
    Scoresheet,
)
from nominations.models import (
    AwardCycle,
    Category,
    Consent,
    Nomination,
)
from nominations.privacy.deletion import request_deletion
from tests.factories.accounts import UserFactory
from tests.factories.cms import (
    OpenLetterSignatureFactory,
    PledgeSignatureFactory,
    SponsorMemberFactory,
)
from tests.factories.feedback import ResponseFactory
from tests.factories.judging import CertificateBatchFactory, ConflictFactory
from tests.factories.site import FailedTaskFactory

# The columns of the matrix, in order.
ROLES = (
    "anonymous",
    "nominator_a",
    "nominator_b",
    "judge",
    "other_judge",
    "conflicted_judge",
    "sponsor",
    "other_sponsor",
    "agency_staff",
    "other_agency_staff",
    "editor",
    "admin",
)
STAFF_ROLES = ("editor", "admin")
NON_STAFF_ROLES = tuple(role for role in ROLES if role not in STAFF_ROLES)

DEMO_NOMINATOR = "nominator@demo.test"
NOMINATOR_B = "agency05@agencies.demo.test"


def build_world():
    User = get_user_model()
    cx27 = AwardCycle.objects.get(code="CX27")
    cx26 = AwardCycle.objects.get(code="CX26")
    nominator_a = User.objects.get(email=DEMO_NOMINATOR)
    nomination = (
        Nomination.objects.filter(
            nominator=nominator_a, cycle=cx27, status="submitted", evidence__isnull=False
        )
        .order_by("reference")
        .first()
    )
    entry = Nomination.objects.get(
        nominator=nominator_a, cycle=cx27, status="eligible", evidence__isnull=False
    )
    # Names found nowhere else in the demo (others' nominations reuse its organisations), so a
    # page showing them shows A's nominations.
    _rename(nomination, "Obuasi Water Customer Centre")
    _rename(entry, "Ikeja Land Registry Service Desk")
    past_nomination = Nomination.objects.get(
        nominator=nominator_a, cycle=cx26, certificates__kind=CertificateKind.MERIT
    )
    screening = Round.objects.get(cycle=cx27, kind=RoundKind.SCREENING)
    # A demo service point that takes answers (feedback/demo.py).
    # Not of Huduma Kenya, whose staff nominator A is (the demo's measured results): the
    # columns of agency staff are the point's agency's and another's, not A's. Chosen by name,
    # not by code (codes are drawn at random when the demo loads).
    service_point = (
        ServicePoint.objects.filter(active=True)
        .exclude(agency__memberships__user=nominator_a)
        .order_by("agency__slug", "name")
        .first()
    )
    final_2026 = Round.objects.get(cycle=cx26, kind=RoundKind.FINAL)

    scored = Assignment.objects.filter(
        round=screening, nomination=entry, scoresheet__isnull=False
    ).order_by("judge__user__email")
    assignment, conflicted_assignment = scored[0], scored[1]
    # The conflict is on record but the assignment was left in place: the sharpest case, since
    # this judge holds an assignment id that would otherwise open the entry.
    ConflictFactory(
        judge=conflicted_assignment.judge,
        cycle=cx27,
        nomination=entry,
        reason="Former employer of mine.",
    )
    other_judge = (
        JudgeProfile.objects.filter(panel_memberships__cycle=cx27, is_active=True)
        .exclude(assignments__nomination=entry)
        .order_by("user__email")
        .first()
    )

    certificate = past_nomination.certificates.get(kind=CertificateKind.MERIT)
    batch = _finished_batch(final_2026, certificate)

    return SimpleNamespace(
        users={
            "anonymous": None,
            "nominator_a": nominator_a,
            "nominator_b": User.objects.get(email=NOMINATOR_B),
            "judge": assignment.judge.user,
            "other_judge": other_judge.user,
            "conflicted_judge": conflicted_assignment.judge.user,
            "sponsor": User.objects.get(email="sponsor@demo.test"),
            "other_sponsor": _other_sponsor(cx27),
            "agency_staff": _agency_staff(service_point.agency),
            "other_agency_staff": _agency_staff(_other_agency(service_point.agency)),
            "editor": User.objects.get(email="editor@demo.test"),
            "admin": User.objects.get(email="admin@demo.test"),
        },
        cx26=cx26,
        cx27=cx27,
        digital_2027=Category.objects.get(cycle=cx27, name_en="Digital public service"),
        digital_2026=Category.objects.get(cycle=cx26, name_en="Digital public service"),
        nomination=nomination,
        evidence=nomination.evidence.first(),
        entry=entry,
        entry_evidence=entry.evidence.first(),
        consent=Consent.objects.get(user=nominator_a, nomination=nomination),
        past_nomination=past_nomination,
        certificate=certificate,
        judge_certificate=Certificate.objects.get(
            judge=assignment.judge, cycle=cx26, revoked_at=None
        ),
        batch=batch,
        screening=screening,
        final_2026=final_2026,
        assignment=assignment,
        conflicted_assignment=conflicted_assignment,
        scoresheet=Scoresheet.objects.get(assignment=assignment),
        deletion_request=request_deletion(
            get_user_model().objects.get(email=NOMINATOR_B), reason="Please forget me."
        ),
        partner=Partner.objects.get(name="Queue-Free Futures Foundation"),
        sponsor_member=SponsorMember.objects.get(user__email="sponsor@demo.test"),
        letter_signature=_letter_signature(),
        pledge_signature=_pledge_signature(),
        signatory=cx26.signatories.order_by("pk").first(),
        service_point=service_point,
        # The agency staff portal's objects: a comment of the point, and an answer the burst
        # detector held there.
        point_comment=Response.objects.filter(point=service_point)
        .exclude(comment="")
        .order_by("pk")
        .first(),
        held_answer=ResponseFactory(
            point=service_point, status=AnswerStatus.HELD, held_reason="burst"
        ),
        failed_task=FailedTaskFactory(
            task_name="send_eligibility_decision",
            task_path="nominations.tasks.send_eligibility_decision",
            arguments={"args": [nomination.pk]},
            attempts=3,
            error="SMTPServerDisconnected: Connection unexpectedly closed",
        ),
        # What must never show on a page answered to someone not entitled to it (the 2026
        # nomination's name is public: it won a certificate of merit).
        secrets=[nomination.organisation_name, entry.organisation_name, nominator_a.email],
        # Nor, on a refusal, these (a judge's own records name the entries they were cleared
        # or assigned to by reference, so a reference alone is not a secret).
        references=[nomination.reference, entry.reference, past_nomination.reference],
    )


def _agency_staff(agency):
    user = UserFactory(email=f"staff@{agency.slug}.example")
    AgencyMembership.objects.create(agency=agency, user=user)
    return user


def _other_agency(agency):
    return Agency.objects.filter(country=agency.country).exclude(pk=agency.pk).order_by("pk")[0]


def _rename(nomination, organisation_name):
    nomination.organisation_name = organisation_name
    nomination.save(update_fields=["organisation_name"])


def _finished_batch(round, certificate):
    batch = CertificateBatchFactory(round=round, status="done", total=1, done=1)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as package:
        package.writestr(f"certificate-{certificate.display_code}.pdf", b"%PDF-1.4")
    batch.zip.save("certificates.zip", ContentFile(archive.getvalue()))
    certificate.batch = batch
    certificate.save(update_fields=["batch"])
    return batch


def _other_sponsor(cx27):
    partner = Partner.objects.get(name="Baobab & Bytes Civic Lab")
    partner.cycles.set([cx27])
    partner.categories.set(
        Category.objects.filter(cycle=cx27, name_en="Frontline service excellence")
    )
    user = UserFactory(email="reports@baobab-bytes.example")
    SponsorMemberFactory(user=user, partner=partner)
    return user


def _letter_signature():
    return OpenLetterSignatureFactory(
        page_key="00000000-0000-0000-0000-000000000001",
        name="Kofi Owusu",
        email="kofi@letter.example",
        country="GH",
        created_at=timezone.now(),
    )


def _pledge_signature():
    return PledgeSignatureFactory(
        page_key="00000000-0000-0000-0000-000000000002",
        name="Awa Ndiaye",
        email="awa@pledge.example",
        country="SN",
        kind="individual",
    )
