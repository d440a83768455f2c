"""The citizen's form at /feedback/<code>/: five questions without an account, in English and
French, working without JavaScript; an answer is stored once and the citizen is sent to a
thank-you page (post/redirect/get)."""

import pytest

from feedback.models import DailyRollup, Response
from tests.factories.feedback import ServicePointFactory
from tests.feedback.conftest import token_of
from tests.pages import page_text

pytestmark = pytest.mark.django_db


def test_the_form_asks_the_five_questions_without_an_account(citizen):
    response = citizen.open()
    assert response.status_code == 200
    text = page_text(response)
    for question in [
        "Overall, how satisfied are you with the service you received today?",
        "The service made it easy to get what I needed.",
        "Was your matter resolved on this visit or call?",
        "How likely are you to recommend this service to a friend or relative?",
        "Anything you want to tell the agency?",
    ]:
        assert question in text
    assert "Huduma Centre Test" in text
    html = response.content.decode()
    # Radio buttons in fieldsets and a plain POST back to the same address: no script needed.
    assert html.count('type="radio"') == 5 + 7 + 2 + 11
    assert f'<form method="post" action="/feedback/{citizen.point.code}/"' in html
    assert "<script" not in html and "<img" not in html
    assert len(response.content) < 20_000


def test_the_form_is_not_a_shared_page(citizen):
    """It carries a token for this visit: never stored by the site's shared-page cache or a
    proxy."""
    response = citizen.open()
    assert "no-store" in response["Cache-Control"]
    assert token_of(citizen.open()) != token_of(response)


def test_an_answer_is_stored_and_the_citizen_thanked(citizen):
    response = citizen.answer()
    assert response.status_code == 302
    assert response["Location"] == f"/feedback/{citizen.point.code}/thanks/"
    stored = Response.objects.get(point=citizen.point)
    assert (stored.satisfaction, stored.effort, stored.resolved, stored.recommend) == (
        5,
        6,
        True,
        9,
    )
    assert stored.comment == "Quick and friendly."
    assert stored.language == "en" and stored.status == "counted"
    rollup = DailyRollup.objects.get(point=citizen.point)
    assert (rollup.n, rollup.satisfied, rollup.effort_sum, rollup.resolved) == (1, 1, 6, 1)
    assert (rollup.promoters, rollup.detractors, rollup.effort_squares) == (1, 0, 36)
    thanks = citizen.client.get(response["Location"])
    assert "Your answers were received." in page_text(thanks)


def test_the_comment_is_scrubbed_before_it_is_stored(citizen):
    citizen.answer(comment="Call me on +254 712 345 678 or amina@example.org, ID 29384756.")
    stored = citizen.point.responses.get()
    assert stored.comment == "Call me on [removed] or [removed], ID [removed]."


def test_no_address_is_stored(citizen):
    citizen.answer()
    stored = citizen.point.responses.get()
    values = [str(getattr(stored, field.attname)) for field in Response._meta.concrete_fields]
    assert not any("127.0.0.1" in value for value in values)
    assert len(stored.device_key) == 64


def test_a_missing_answer_is_asked_for_with_the_others_kept(citizen):
    response = citizen.answer(satisfaction=None, comment="Kept")
    assert response.status_code == 200
    text = page_text(response)
    assert "There is a problem" in text
    assert "Choose how satisfied you are with the service." in text
    assert 'value="6" required id="id_effort_5" checked' in response.content.decode()
    assert "Kept" in text
    assert not citizen.point.responses.exists()


@pytest.mark.parametrize(
    ("field", "value"), [("satisfaction", "6"), ("effort", "0"), ("recommend", "11")]
)
def test_a_value_off_the_scale_is_refused(citizen, field, value):
    response = citizen.answer(**{field: value})
    assert response.status_code == 200 and not citizen.point.responses.exists()


def test_the_form_in_french(client, point):
    response = client.get(f"/fr/feedback/{point.code}/")
    text = page_text(response)
    assert "Dites-nous comment s’est passée votre visite" in text
    assert "Le service m’a permis d’obtenir facilement ce dont j’avais besoin." in text
    data = {"satisfaction": "4", "effort": "5", "resolved": "no", "recommend": "7"}
    sent = client.post(f"/fr/feedback/{point.code}/", {**data, "token": token_of(response)})
    assert sent["Location"] == f"/fr/feedback/{point.code}/thanks/"
    assert point.responses.get().language == "fr"


def test_a_code_typed_in_lower_case_leads_to_the_point(client, point):
    response = client.get(f"/feedback/{point.code.lower()}/")
    assert response.status_code == 302 and response["Location"] == f"/feedback/{point.code}/"


def test_an_unknown_point_is_not_found_and_nothing_is_stored(client, point):
    before = Response.objects.count()
    for code in ["ZZZZZZ", "not-a-code", "ACDE"]:
        assert client.get(f"/feedback/{code}/").status_code == 404
        assert client.post(f"/feedback/{code}/", {"satisfaction": "5"}).status_code == 404
    assert Response.objects.count() == before


def test_a_closed_point_says_so_and_takes_nothing(client):
    point = ServicePointFactory(active=False)
    page = client.get(f"/feedback/{point.code}/")
    assert page.status_code == 200
    assert "This service no longer takes answers" in page_text(page)
    assert 'type="radio"' not in page.content.decode()
    data = {"satisfaction": "5", "effort": "6", "resolved": "yes", "recommend": "9"}
    sent = client.post(f"/feedback/{point.code}/", data)
    assert "This service no longer takes answers" in page_text(sent)
    assert not point.responses.exists() and not point.rollups.exists()
