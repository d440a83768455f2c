"""Every public form and the judges' scoresheet under hostile input (hypothesis): arbitrary
Unicode with NUL and control characters, right-to-left text and emoji, 10,000-character strings,
numbers too big or not numbers, malformed dates, fields left out, extra fields and several values
where one is expected. Whatever is sent:

- the site answers without a server error (the test client re-raises any exception of a view);
- an invalid submission gets the form again with the error summary and a message saying what to
  do, and nothing is stored;
- a submission the site accepts is stored as it was typed (spaces around it trimmed).

Each example starts with fresh rate-limit counters and is rolled back at its end, so examples do
not see each other's rows (and, on PostgreSQL, a database error in one cannot hide in the next).
"""

import contextlib
import re
from decimal import Decimal, InvalidOperation
from urllib.parse import quote, urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models, transaction
from django.test import Client
from django.utils import timezone
from django.utils.html import escape
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from wagtail.contrib.forms.models import FormSubmission

from cms.models import OpenLetterSignature, PledgeSignature
from judging.models import (
    Certificate,
    Conflict,
    CriterionScore,
    Scoresheet,
    ScoresheetStatus,
)
from nominations import phones
from nominations.demo import minimal_pdf
from nominations.models import AwardCycle, Category, DeletionRequest, EvidenceFile, Nomination
from nominations.wizard.drafts import step_digest
from nominations.wizard.forms import STEP_FORMS
from tests.factories.accounts import UserFactory
from tests.factories.judging import (
    AssignmentFactory,
    JudgeProfileFactory,
    PanelMembershipFactory,
    RoundFactory,
    RubricFactory,
    ScoresheetFactory,
)
from tests.factories.nominations import (
    AwardCycleFactory,
    CategoryFactory,
    DraftNominationFactory,
    NominationFactory,
)
from tests.nominations.wizard import VALID_ANSWERS
from tests.site.fuzz_strategies import (
    any_character,
    awkward_text,
    hostile_value,
    last,
    mutated,
    scalar,
)

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=30,
    deadline=None,
    database=None,  # no .hypothesis folder in the checkout; a failure prints its example
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

# Characters no stored answer may contain: PostgreSQL refuses NUL, and the C0 controls and DEL
# are not allowed in the XML of the xlsx and PDF exports.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Django's defaults that say what is wrong but not what to do.
UNHELPFUL_MESSAGES = {
    "This field is required.",
    "Null characters are not allowed.",
    "Enter a valid value.",
}


# Helpers -------------------------------------------------------------------------------------
@contextlib.contextmanager
def one_example():
    """Fresh rate-limit counters and mailbox; everything the example stores is rolled back."""
    cache.clear()
    mail.outbox = []
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def answered(response, *allowed):
    """The site answered (no exception reached the test client) with one of the statuses."""
    assert response.status_code < 500, response.status_code
    assert response.status_code in allowed, response.status_code
    return response


def refused_with_message(response):
    """The form is shown again with the error summary, and every message is on the page and
    says what to do."""
    answered(response, 200)
    page = response.content.decode()
    assert 'class="error-summary"' in page
    form = response.context["form"]
    assert form.errors
    for messages in form.errors.values():
        for message in messages:
            assert message.strip()
            assert message not in UNHELPFUL_MESSAGES, message
            assert escape(message) in page, message


def typed(value):
    """What a text field keeps of a value sent: the last one sent, spaces around it trimmed."""
    return last(value or "").strip()


def clean_text(value):
    return not CONTROL_CHARACTERS.search(value or "")


def row_counts(*model_classes):
    return [model.objects.count() for model in model_classes]


# Sign-up, log-in and password reset (allauth) -----------------------------------------------
SIGN_UP = {"email": "fuzz.signup@example.org", "password1": "a-long-enough-password"}


@FUZZ
@given(data=mutated(SIGN_UP))
@example(data={**SIGN_UP, "password1": "a-long-enough-\x00password"})
@example(data={**SIGN_UP, "email": "fuzz.signup@example.orgمرحبا"})  # no ASCII form
@example(data={**SIGN_UP, "email": "a" * 250 + "@example.org"})  # longer than the column
@example(data={**SIGN_UP, "email": '"\x01"@example.org'})  # Django allows it between quotes
def test_sign_up(data):
    User = get_user_model()
    with one_example():
        before = row_counts(User, EmailAddress)
        response = Client().post("/accounts/signup/", data)
        if response.status_code == 302:
            email = typed(data["email"]).lower()
            user = User.objects.get(email=email)
            assert user.check_password(last(data["password1"]))
            assert row_counts(User, EmailAddress) == [count + 1 for count in before]
        else:
            refused_with_message(response)
            assert row_counts(User, EmailAddress) == before


LOG_IN = {
    "login": "nominator@demo.test",
    "password": django_settings.DEMO_PASSWORD,
    "remember": "on",
}


@FUZZ
@given(data=mutated(LOG_IN))
@example(data={**LOG_IN, "login": "nominator@demo.test\x00"})
def test_log_in(data):
    with one_example():
        client = Client()
        response = client.post("/accounts/login/", data)
        if response.status_code == 302:
            assert typed(data["login"]).lower() == "nominator@demo.test"
            assert last(data["password"]) == django_settings.DEMO_PASSWORD
            assert "_auth_user_id" in client.session
        else:
            refused_with_message(response)
            assert "_auth_user_id" not in client.session


@FUZZ
@given(data=mutated({"email": "nominator@demo.test"}))
@example(data={"email": "someone@exampleمرحبا.org"})
def test_password_reset_request(data):
    with one_example():
        response = Client().post("/accounts/password/reset/", data)
        if response.status_code == 302:
            # Known or not, the address gets one email (nothing tells a stranger which it is).
            assert [message.to for message in mail.outbox] == [[typed(data["email"]).lower()]]
        else:
            refused_with_message(response)
            assert not mail.outbox


RESET_LINK = re.compile(r"http://testserver(/accounts/password/reset/key/\S+/)")


@pytest.fixture
def reset_user(db):
    return UserFactory(email="fuzz.reset@example.org")


@FUZZ
@given(data=mutated({"password1": "a-new-long-password", "password2": "a-new-long-password"}))
def test_password_reset_from_key(reset_user, data):
    with one_example():
        client = Client()
        client.post("/accounts/password/reset/", {"email": reset_user.email})
        link = RESET_LINK.search(mail.outbox[-1].body).group(1)
        form_url = answered(client.get(link), 302)["Location"]
        response = client.post(form_url, data)
        reset_user.refresh_from_db()
        if response.status_code == 302:
            assert last(data["password1"]) == last(data["password2"])
            assert reset_user.check_password(last(data["password1"]))
        else:
            refused_with_message(response)
            assert reset_user.check_password("a-long-enough-password")


# The open letter, the pledge and the partner enquiry (cms) ----------------------------------
def assert_signature(model, url, data, fields):
    with one_example():
        before = row_counts(model)
        response = Client().post(url, data)
        if response.status_code == 302:
            signature = model.objects.get(email=typed(data["email"]).lower())
            for name in fields:
                assert getattr(signature, name) == typed(data[name]), name
                assert clean_text(getattr(signature, name)), name
            assert row_counts(model) == [before[0] + 1]
        else:
            refused_with_message(response)
            assert row_counts(model) == before


CO_SIGNATURE = {
    "name": "Amina Diallo",
    "organisation": "Ministry of Public Service",
    "country": "SN",
    "email": "amina.fuzz@example.org",
    "list_publicly": "on",
}


@FUZZ
@given(data=mutated(CO_SIGNATURE))
@example(data={**CO_SIGNATURE, "name": "Amina\x00Diallo"})
@example(data={**CO_SIGNATURE, "organisation": "Ministry\x1b of Public Service"})
def test_open_letter_signature(data):
    fields = [name for name in ("name", "organisation", "country") if name in data]
    assert_signature(OpenLetterSignature, "/open-letter/", data, fields)


PLEDGE = {
    "kind": "public",
    "name": "Kwame Mensah",
    "organisation": "Accra Metropolitan Assembly",
    "country": "GH",
    "email": "kwame.fuzz@example.org",
    "show_publicly": "on",
}


@FUZZ
@given(data=mutated(PLEDGE))
@example(data={**PLEDGE, "name": "Kwame\x00"})
def test_pledge_signature(data):
    fields = [name for name in ("kind", "name", "organisation", "country") if name in data]
    assert_signature(PledgeSignature, "/pledge/", data, fields)


ENQUIRY = {
    "full_name": "Chinedu Okafor",
    "organisation": "Lagos Service Trust",
    "email_address": "chinedu@example.org",
    "phone_number": "+234 800 000 0000",
    "type_of_enquiry": "Sponsorship",
    "message": "We would like to sponsor the CX Day in Lagos.",
}


@FUZZ
@given(data=mutated(ENQUIRY))
@example(data={**ENQUIRY, "message": "Hello\x00"})
@example(data={**ENQUIRY, "full_name": "Chinedu\x07"})
def test_partner_enquiry(data):
    with one_example():
        before = row_counts(FormSubmission)
        response = Client().post("/partners/become-a-partner/", data)
        if row_counts(FormSubmission) != before:
            answered(response, 200)
            assert "Thank you for your enquiry." in response.content.decode()
            stored = FormSubmission.objects.latest("pk").form_data
            for name in ("full_name", "organisation", "message"):
                assert stored[name] == typed(data[name]), name
                assert clean_text(stored[name]), name
            assert len(mail.outbox) == 1
        else:
            refused_with_message(response)
            assert not mail.outbox


# Search and certificate verification (nothing stored) ----------------------------------------
@FUZZ
@given(query=hostile_value, page=hostile_value, language=st.sampled_from(["", "/fr"]))
@example(query="service\x00", page="1", language="")
@example(query=["a", "b"], page="9" * 40, language="/fr")
def test_search(query, page, language):
    with one_example():
        response = answered(Client().get(f"{language}/search/", {"q": query, "page": page}), 200)
        assert "cms/search.html" in [template.name for template in response.templates]


def certificate_codes():
    """Hostile values, and real codes typed in other ways (case, spaces, hyphens, additions)."""
    real = list(Certificate.objects.values_list("code", flat=True)[:3]) or ["ABCD2345EFGH"]
    retyped = st.builds(
        lambda code, lower, separator, suffix: (
            separator.join(
                (code.lower() if lower else code)[index : index + 4]
                for index in range(0, len(code), 4)
            )
            + suffix
        ),
        st.sampled_from(real),
        st.booleans(),
        st.sampled_from(["", "-", " ", "\u00a0", "\t"]),
        st.one_of(st.just(""), awkward_text),
    )
    return st.one_of(hostile_value, retyped)


@FUZZ
@given(data=st.data())
def test_certificate_verification(data):
    code = data.draw(certificate_codes(), label="code")
    with one_example():
        client = Client()
        response = answered(client.get("/certificates/verify/", {"code": code}), 200, 302, 404)
        if response.status_code == 302:
            assert response["Location"].startswith("/certificates/verify/")
            response = answered(client.get(response["Location"]), 200, 404)
        if response.status_code == 404:
            assert response.context["state"] == "unknown"
        # The same code in the address, as the QR code on a certificate gives it.
        in_address = quote(last(code) or "x", safe="")
        answered(client.get(f"/certificates/verify/{in_address}/"), 200, 404)


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


@pytest.fixture
def unconfirmed_person(db):
    return UserFactory(email="fuzz.unconfirmed@example.org", verified=False)


@FUZZ
@given(next_url=hostile_value)
@example(next_url="https://evil.example/")
@example(next_url="javascript:alert(1)")
def test_resend_confirmation_returns_to_this_site(unconfirmed_person, next_url):
    """The "send the link again" button goes back to the page it was on, never elsewhere."""
    with one_example():
        response = signed_in(unconfirmed_person).post(
            "/account/resend-confirmation/", {"next": next_url}
        )
        target = urlsplit(answered(response, 302)["Location"])
        assert target.scheme == "" and target.netloc == "", response["Location"]
        assert len(mail.outbox) == 1


CONTROL_CHARACTER_MESSAGE = "This answer contains invisible control characters"


@pytest.mark.parametrize(
    ("url", "valid", "field"),
    [
        ("/open-letter/", CO_SIGNATURE, "name"),
        ("/pledge/", PLEDGE, "organisation"),
        ("/partners/become-a-partner/", ENQUIRY, "message"),
    ],
)
@pytest.mark.parametrize("character", ["\x00", "\x01", "\x1b", "\x7f"])
def test_control_characters_are_refused_with_what_to_do(url, valid, field, character):
    """NUL (which PostgreSQL cannot store) and the other invisible control characters, which
    the xlsx and PDF exports cannot hold, are refused with one message that says what to do."""
    before = row_counts(OpenLetterSignature, PledgeSignature, FormSubmission)
    response = Client().post(url, {**valid, field: f"Some{character} text"})
    refused_with_message(response)
    assert CONTROL_CHARACTER_MESSAGE in response.content.decode()
    assert row_counts(OpenLetterSignature, PledgeSignature, FormSubmission) == before


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
        if action == "continue" and response.status_code == 200:
            refused_with_message(response)
            assert snapshot(draft, step) == before
        else:
            # Continue with valid answers saves them; "Save and come back later" and "Back"
            # save valid answers and keep invalid ones as typed, to show them again.
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


# The judge portal: scoresheet, submission and conflicts (judging) ----------------------------
@pytest.fixture
def judging(db):
    """An open round with a 1-5 rubric and one entry, assigned to one judge who has already
    confirmed having no conflict with it."""
    now = timezone.now()
    cycle = AwardCycleFactory(name_en="Fuzz cycle", code="FZZ")
    category = CategoryFactory(cycle=cycle, name_en="Digital", name_fr="Numérique")
    round = RoundFactory(cycle=cycle, rubric=RubricFactory(), judges_per_entry=1)
    judge = JudgeProfileFactory(email="fuzz.judge@judges.example", cycle=cycle)
    entry = NominationFactory(cycle=cycle, category=category, number=1)
    return AssignmentFactory(
        round=round,
        judge=judge,
        nomination=entry,
        due_on=round.scores_due_on,
        conflict_checked_at=now,
    )


def scoresheet_post(assignment, button):
    data = {"version": "1", "overall_comment": "A strong entry.", "recommendation": "yes"}
    for number, criterion in enumerate(assignment.round.rubric.criteria.all(), start=1):
        data[f"score_{criterion.pk}"] = str(number + 2)
        data[f"comment_{criterion.pk}"] = f"Comment {number}."
    data[button] = "1"
    return data


def assert_sheet_as_typed(sheet, data):
    assert sheet.overall_comment == typed(data.get("overall_comment"))
    assert sheet.recommendation == last(data.get("recommendation", ""))
    for score in sheet.scores.all():
        sent_score = last(data.get(f"score_{score.criterion_id}", ""))
        assert score.score == (int(sent_score) if sent_score else None)
        assert score.comment == typed(data.get(f"comment_{score.criterion_id}"))
        assert clean_text(score.comment)
    assert clean_text(sheet.overall_comment)


# Versions near the right one: an older or newer version is a save from another tab.
NEAR_VERSIONS = {"version": st.integers(min_value=-2, max_value=4).map(str)}


@FUZZ
@given(data=st.data(), button=st.sampled_from(["save", "submit"]))
def test_scoresheet(judging, data, button):
    valid = scoresheet_post(judging, button)
    sent = data.draw(mutated(valid, fixed=(button,), replacements=NEAR_VERSIONS), label="post")
    url = f"/judging/entries/{judging.pk}/"
    with one_example():
        response = signed_in(judging.judge.user).post(url, sent)
        sheet = Scoresheet.objects.filter(assignment=judging).first()
        if response.status_code == 302:
            assert sheet.version == 2
            assert_sheet_as_typed(sheet, sent)
        elif sheet is not None and sheet.version == 2:
            # "Submit" with something missing: saved as a draft, and the page says what to add.
            refused_with_message(response)
            assert button == "submit"
            assert "Your scores are saved as a draft." in response.content.decode()
            assert_sheet_as_typed(sheet, sent)
        else:
            refused_with_message(response)
            assert sheet is None
            assert not CriterionScore.objects.filter(scoresheet__assignment=judging).exists()


def test_scoresheet_comment_with_control_characters(judging):
    data = scoresheet_post(judging, "save")
    data["overall_comment"] = "Strong\x00 entry"
    response = signed_in(judging.judge.user).post(f"/judging/entries/{judging.pk}/", data)
    refused_with_message(response)
    assert CONTROL_CHARACTER_MESSAGE in response.content.decode()
    assert not Scoresheet.objects.filter(assignment=judging).exists()


def test_stale_save_of_a_new_scoresheet_stores_nothing(judging):
    """A save based on another version is refused; when the judge had saved nothing yet, no
    empty scoresheet is left behind (the dashboard would call it a draft)."""
    data = {**scoresheet_post(judging, "save"), "version": "7"}
    response = signed_in(judging.judge.user).post(f"/judging/entries/{judging.pk}/", data)
    refused_with_message(response)
    assert "changed in another tab or window" in response.content.decode()
    assert not Scoresheet.objects.filter(assignment=judging).exists()


@pytest.fixture
def complete_draft(judging):
    criteria = judging.round.rubric.criteria.all()
    return ScoresheetFactory(
        assignment=judging,
        scores=[(criterion, 4, "Fine.") for criterion in criteria],
        recommendation="yes",
    )


@FUZZ
@given(version=st.one_of(NEAR_VERSIONS["version"], hostile_value))
def test_scoresheet_submission(complete_draft, version):
    assignment = complete_draft.assignment
    with one_example():
        response = signed_in(assignment.judge.user).post(
            f"/judging/entries/{assignment.pk}/submit/", {"version": version, "confirm": "1"}
        )
        answered(response, 302, 409)
        complete_draft.refresh_from_db()
        submitted = complete_draft.status == ScoresheetStatus.SUBMITTED
        assert submitted == (response.status_code == 302)
        if submitted:
            assert int(last(version)) == 1


ENTRY_CONFLICT = {"reason": "I advised this agency last year.", "conflict": "1"}


@FUZZ
@given(data=mutated(ENTRY_CONFLICT, fixed=("conflict",)))
def test_entry_conflict(judging, data):
    with one_example():
        before = row_counts(Conflict)
        response = signed_in(judging.judge.user).post(
            f"/judging/entries/{judging.pk}/conflict/", data
        )
        if response.status_code == 302:
            conflict = Conflict.objects.get(judge=judging.judge, nomination=judging.nomination)
            assert conflict.reason == typed(data.get("reason"))
            assert clean_text(conflict.reason)
        else:
            refused_with_message(response)
            assert row_counts(Conflict) == before


CYCLE_CONFLICT = {"organisation": "Kenya Revenue Authority", "country": "KE", "reason": "Family."}


@pytest.fixture
def current_panel_judge(judging):
    PanelMembershipFactory(judge=judging.judge, cycle=AwardCycle.objects.current())
    return judging


@FUZZ
@given(data=mutated(CYCLE_CONFLICT))
def test_cycle_conflict(current_panel_judge, data):
    judging = current_panel_judge
    with one_example():
        before = row_counts(Conflict)
        response = signed_in(judging.judge.user).post("/judging/conflicts/", data)
        if response.status_code == 302:
            conflict = Conflict.objects.filter(judge=judging.judge).latest("pk")
            # Runs of spaces inside the name become one (how conflicts are matched).
            assert conflict.organisation == " ".join(typed(data.get("organisation")).split())
            assert conflict.country == last(data.get("country", ""))
            assert clean_text(conflict.organisation) and clean_text(conflict.reason)
        else:
            refused_with_message(response)
            assert row_counts(Conflict) == before
