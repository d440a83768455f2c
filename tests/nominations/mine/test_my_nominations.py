"""My nominations: the nominator's own list, the task list of a draft, the read-only view of a
sent nomination, changes until the deadline, withdrawal, the PDF copy; and nobody else's."""

import io

import pytest
import time_machine
from django.utils import timezone
from pypdf import PdfReader
from wagtail.models import ModelLogEntry

from nominations.choices import NominationStatus
from nominations.models import Nomination
from tests.factories.accounts import UserFactory
from tests.factories.nominations import DraftNominationFactory
from tests.nominations.wizard.driver import VALID_ANSWERS, Wizard, moved_on

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(wizard):
    wizard.complete_all()
    wizard.submit()
    return wizard


def test_list_shows_only_my_nominations(sent, nominator_client):
    html = nominator_client.get("/my-nominations/").content.decode()
    assert sent.nomination.reference in html
    assert "Kampala Water" not in html  # another nominator's, from the demo data


def test_list_query_count_does_not_grow(
    nominator_client, nominator, cycle, django_assert_max_num_queries
):
    DraftNominationFactory(cycle=cycle, nominator=nominator)
    with django_assert_max_num_queries(30) as captured:
        nominator_client.get("/my-nominations/")
    baseline = len(captured)
    for _ in range(10):
        DraftNominationFactory(cycle=cycle, nominator=nominator, category=cycle.categories.first())
    with django_assert_max_num_queries(baseline):
        nominator_client.get("/my-nominations/")


def test_draft_task_list(wizard):
    wizard.post("category", wizard.category_answers())
    html = wizard.client.get(f"/my-nominations/{wizard.uuid}/").content.decode()
    assert html.count(">Complete<") == 1
    assert html.count(">Incomplete<") == 6


def test_sent_nomination_can_be_changed_until_the_deadline_and_changes_are_recorded(sent):
    response = sent.post("contact", {**VALID_ANSWERS["contact"], "contact_name": "New Contact"})
    assert moved_on(response)
    assert sent.nomination.contact_name == "New Contact"
    assert sent.nomination.status == NominationStatus.SUBMITTED
    entry = ModelLogEntry.objects.filter(action="nominations.change").latest("timestamp")
    assert entry.object_id == str(sent.nomination.pk)
    assert "contact_name" in entry.data["fields"]


def test_withdraw(sent, nominator_client):
    url = f"/my-nominations/{sent.uuid}/withdraw/"
    assert "Withdraw" in nominator_client.get(url).content.decode()
    response = nominator_client.post(url)
    assert response.status_code == 302
    nomination = sent.nomination
    assert nomination.status == NominationStatus.WITHDRAWN
    assert nomination.reference  # kept, never given to another nomination
    assert ModelLogEntry.objects.filter(
        action="nominations.withdraw", object_id=str(nomination.pk)
    ).exists()


def test_pdf_copy_holds_the_answers(sent, nominator_client):
    response = nominator_client.get(f"/my-nominations/{sent.uuid}/copy.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert sent.nomination.reference in text
    assert "Ministère de la Fonction Publique" in text
    assert "One-stop service centres" in text


@pytest.mark.parametrize(
    "path",
    [
        "/my-nominations/{uuid}/",
        "/my-nominations/{uuid}/submitted/",
        "/my-nominations/{uuid}/withdraw/",
        "/my-nominations/{uuid}/copy.pdf",
        "/nominate/{uuid}/category/",
        "/nominate/{uuid}/check/",
    ],
)
def test_nobody_else_reaches_a_nomination(sent, client, path):
    url = path.format(uuid=sent.uuid)
    client.force_login(UserFactory(email="someone.else@example.org"))
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    judge = UserFactory(email="judge@example.org")
    client.force_login(judge)
    assert client.get(url).status_code == 404
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


class TestDeadline:
    """Months pass in these tests, so the nominator signs in again (sessions last 12 hours)."""

    def test_open_until_the_deadline_plus_grace(self, wizard, nominator):
        wizard.complete_all()
        cycle = wizard.nomination.cycle
        with time_machine.travel(
            cycle.nominations_close_at + timezone.timedelta(minutes=cycle.grace_minutes - 1)
        ):
            wizard.client.force_login(nominator)
            response = wizard.submit()
        assert response["Location"].endswith("/submitted/")

    def test_closed_after_the_grace(self, wizard, nominator):
        wizard.complete_all()
        cycle = wizard.nomination.cycle
        with time_machine.travel(cycle.hard_deadline + timezone.timedelta(seconds=1)):
            wizard.client.force_login(nominator)
            response = wizard.submit()
            page = wizard.client.get(response["Location"]).content.decode()
        assert wizard.nomination.status == NominationStatus.DRAFT
        assert "can no longer be changed" in page

    def test_no_changes_after_the_deadline(self, sent, nominator_client, nominator):
        cycle = sent.nomination.cycle
        with time_machine.travel(cycle.hard_deadline + timezone.timedelta(hours=1)):
            nominator_client.force_login(nominator)
            sent.post("contact", {**VALID_ANSWERS["contact"], "contact_name": "Too late"})
            assert (
                nominator_client.post(f"/my-nominations/{sent.uuid}/withdraw/").status_code == 302
            )
        nomination = sent.nomination
        assert nomination.contact_name != "Too late"
        assert nomination.status == NominationStatus.SUBMITTED

    def test_an_extension_lets_one_nomination_through(self, wizard, nominator):
        wizard.complete_all()
        nomination = wizard.nomination
        nomination.deadline_extended_until = nomination.cycle.hard_deadline + timezone.timedelta(
            days=2
        )
        nomination.save()
        with time_machine.travel(nomination.cycle.hard_deadline + timezone.timedelta(days=1)):
            wizard.client.force_login(nominator)
            response = wizard.submit()
        assert response["Location"].endswith("/submitted/")

    def test_cannot_start_before_opening(self, nominator_client, nominator, cycle):
        with time_machine.travel(cycle.nominations_open_at - timezone.timedelta(days=1)):
            nominator_client.force_login(nominator)
            html = nominator_client.get("/nominate/").content.decode()
            assert "not open yet" in html
            nominator_client.post("/nominate/")
        assert not Nomination.objects.filter(nominator__email="amina@example.org").exists()


def test_log_in_mid_journey_keeps_the_draft(client, cycle):
    user = UserFactory(email="late@example.org")
    response = client.get("/nominate/")
    assert "Create an account" in response.content.decode()
    client.post(
        "/accounts/login/", {"login": "late@example.org", "password": "a-long-enough-password"}
    )
    wizard = Wizard(client)
    wizard.start()
    wizard.post("category", wizard.category_answers())
    client.logout()
    client.post(
        "/accounts/login/", {"login": "late@example.org", "password": "a-long-enough-password"}
    )
    assert Nomination.objects.get(nominator=user).category is not None
