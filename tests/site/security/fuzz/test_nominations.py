"""The nominations' forms under hostile input: the deletion request, every step of the
wizard with each of its buttons, the evidence step."""

from decimal import Decimal, InvalidOperation

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.utils.html import escape
from hypothesis import example, given
from hypothesis import strategies as st

from nominations import phones
from nominations.demo import minimal_pdf
from nominations.models import Category, DeletionRequest, EvidenceFile, Nomination
from nominations.wizard.drafts import step_digest
from nominations.wizard.forms import STEP_FORMS
from tests.factories.accounts import UserFactory
from tests.factories.nominations import DraftNominationFactory
from tests.nominations.wizard.driver import VALID_ANSWERS, moved_on
from tests.site.security.fuzz.checks import (
    FUZZ,
    answered,
    clean_text,
    one_example,
    refused_with_message,
    row_counts,
    signed_in,
    typed,
)
from tests.site.security.fuzz.strategies import any_character, awkward_text, last, mutated, scalar

pytestmark = pytest.mark.django_db


# Personal data: the deletion request (nominations) --------------------------------------------
@pytest.fixture
def person(db):
    return UserFactory(email="fuzz.person@example.org")


@FUZZ
@given(data=mutated({"reason": "I no longer work there."}))
@example(data={"reason": "\x00"})
def test_deletion_request(person, data):
    with one_example():
        before = row_counts(DeletionRequest)
        response = signed_in(person).post("/my-data/delete/", data)
        if response.status_code == 302:
            request = DeletionRequest.objects.get(user=person)
            assert request.reason == typed(data.get("reason"))
            assert clean_text(request.reason)
        else:
            refused_with_message(response)
            assert row_counts(DeletionRequest) == before


# The nomination wizard (nominations) ----------------------------------------------------------
@pytest.fixture
def draft(db):
    nominator = UserFactory(email="fuzz.nominator@example.org")
    return DraftNominationFactory(nominator=nominator)


def step_answers(step, nomination):
    if step == "category":
        category = Category.objects.filter(cycle=nomination.cycle, is_active=True).first()
        return {"category": str(category.pk), "relation": "self", "eligibility_confirmed": "on"}
    return VALID_ANSWERS[step]


STEP_ACTIONS = {
    "continue": ("continue", "1"),
    "save and come back later": ("save_later", "1"),
    "back": ("wizard_goto_step", "category"),
}


def wizard_post(nomination, step, answers, action):
    management = f"nomination-{nomination.uuid}-current_step"
    button, value = STEP_ACTIONS[action]
    # The revision and step digest of a page opened just now (nominations/wizard/drafts.py).
    current = Nomination.objects.get(pk=nomination.pk)
    valid = {
        management: step,
        button: value,
        "revision": str(current.revision),
        "base": step_digest(current, STEP_FORMS[step]),
    }
    valid.update({f"{step}-{name}": value for name, value in answers.items()})
    return valid, (management, button, "revision", "base")


def step_fields(step):
    return list(STEP_FORMS[step]._meta.fields)


def snapshot(nomination, step):
    nomination.refresh_from_db()
    if step == "declaration":
        return [nomination.declaration_accepted_at]
    return [
        getattr(nomination, Nomination._meta.get_field(name).attname) for name in step_fields(step)
    ]


def as_number(text):
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def assert_stored_as_typed(nomination, step, data):
    """Every answer of the step is in the nomination as it was typed."""
    nomination.refresh_from_db()
    if step == "declaration":
        assert nomination.declaration_accepted_at is not None
        return
    for name in step_fields(step):
        field = Nomination._meta.get_field(name)
        sent = last(data.get(f"{step}-{name}", ""))
        stored = getattr(nomination, field.attname)
        if isinstance(field, models.BooleanField):
            assert stored is True, name
        elif isinstance(field, models.ForeignKey):
            assert stored == int(sent.strip()), name
        elif isinstance(field, models.DecimalField | models.IntegerField):
            assert stored == (as_number(sent.strip()) if sent.strip() else None), name
        elif field.choices:
            assert stored == sent or (name == "turnaround_unit" and not sent), name
        elif isinstance(field, models.URLField):
            assert clean_text(stored), name  # normalised (https:// added), so not compared
        elif name == "contact_phone" and sent.strip():
            # Stored in E.164, read as a number of the nomination's country (phones.py).
            assert stored == phones.to_e164(sent, nomination.country), name
        else:
            assert stored == sent.strip(), name
            assert clean_text(stored), name


WIZARD_STEPS = ["category", "organisation", "contact", "initiative", "results", "declaration"]


@pytest.mark.parametrize("step", WIZARD_STEPS)
@FUZZ
@given(data=st.data(), action=st.sampled_from(list(STEP_ACTIONS)))
def test_nomination_step(draft, step, data, action):
    valid, fixed = wizard_post(draft, step, step_answers(step, draft), action)
    sent = data.draw(mutated(valid, fixed=fixed), label="post")
    url = f"/nominate/{draft.uuid}/{step}/"
    with one_example():
        before = snapshot(draft, step)
        client = signed_in(draft.nominator)
        response = client.post(url, sent)
        if action == "continue" and not moved_on(response):
            refused_with_message(response)
            assert snapshot(draft, step) == before
        else:
            # Continue with valid answers saves them (answered with the next step); "Save and
            # come back later" and "Back" save valid answers and keep invalid ones as typed, to
            # show them again.
            assert moved_on(response)
            if action != "continue":
                answered(response, 302)
            if snapshot(draft, step) != before or action == "continue":
                assert_stored_as_typed(draft, step, sent)
            answered(client.get(url), 200)


@pytest.mark.parametrize("step", ["organisation", "contact", "initiative", "results"])
def test_answers_with_nul_are_kept_for_later(draft, step):
    """ "Save and come back later" keeps invalid answers as typed, in the nomination's JSON,
    where PostgreSQL cannot store NUL: the rest of each answer is kept and shown again."""
    answers = {name: f"{value}\x00" for name, value in VALID_ANSWERS[step].items()}
    data, _fixed = wizard_post(draft, step, answers, "save and come back later")
    url = f"/nominate/{draft.uuid}/{step}/"
    client = signed_in(draft.nominator)
    before = snapshot(draft, step)
    answered(client.post(url, data), 302)
    assert snapshot(draft, step) == before  # not saved: NUL is not a valid answer
    page = answered(client.get(url), 200).content.decode()
    first_text = next(value for value in VALID_ANSWERS[step].values() if " " in value)
    assert escape(first_text) in page


def evidence_uploads():
    names = st.one_of(
        st.sampled_from(["report.pdf", "photo.png", "data.xlsx"]),
        st.text(alphabet=any_character, min_size=1, max_size=40).filter(lambda n: "/" not in n),
        st.builds(lambda stem, ext: stem + ext, awkward_text, st.sampled_from([".pdf", ".docx"])),
    )
    contents = st.one_of(
        st.just(minimal_pdf("Evidence")),
        st.binary(max_size=2_000),
        st.builds(lambda junk: b"%PDF-1.4\n" + junk, st.binary(max_size=500)),
    )
    return st.builds(lambda name, content: SimpleUploadedFile(name, content), names, contents)


@FUZZ
@given(
    upload=evidence_uploads(),
    action=st.sampled_from(["upload", "remove", "continue"]),
    value=scalar,
)
@example(upload=SimpleUploadedFile("a.pdf", b""), action="remove", value="²")  # isdigit, not int
@example(upload=SimpleUploadedFile("a.pdf", b""), action="remove", value="9" * 40)
@example(upload=SimpleUploadedFile("a.pdf", b""), action="remove", value="9" * 5000)
def test_nomination_evidence(draft, upload, action, value):
    data = {f"nomination-{draft.uuid}-current_step": "evidence", action: value or "1"}
    if action == "upload":
        data["evidence-file"] = upload
    with one_example():
        before = row_counts(EvidenceFile)
        response = signed_in(draft.nominator).post(f"/nominate/{draft.uuid}/evidence/", data)
        if response.status_code == 302 and action == "upload":
            evidence = EvidenceFile.objects.get(nomination=draft)
            assert clean_text(evidence.original_name)
            assert "/" not in evidence.original_name
        elif response.status_code == 302:
            assert row_counts(EvidenceFile) == before
        else:
            refused_with_message(response)
            assert row_counts(EvidenceFile) == before
