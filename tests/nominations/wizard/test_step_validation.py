"""Each step says what it needs, field by field, in words that say what to do."""

import pytest

pytestmark = pytest.mark.django_db

EMPTY_STEP_MESSAGES = {
    "category": [
        "Choose an answer for “Which category is the nomination for?”.",
        "Choose an answer for “Who is nominating?”.",
        "Tick “I confirm the organisation is a public body",
    ],
    "organisation": [
        "Fill in “Organisation name”.",
        "Choose an answer for “Kind of organisation”.",
        "Choose an answer for “Country”.",
        "Fill in “City or region”.",
    ],
    "contact": ["Fill in “Full name”.", "Fill in “Job title”.", "Fill in “Email address”."],
    "initiative": [
        "Fill in “Name of the initiative”.",
        "Fill in “Summary”.",
        "Fill in “The challenge”.",
        "Fill in “What was done: people”.",
        "Fill in “What was done: process”.",
        "Fill in “What was done: technology”.",
    ],
    "results": ["Fill in “Results”.", "Fill in “Impact on citizens”."],
    "evidence": ["Add at least one file as evidence: choose a file, then “Upload this file”."],
    "declaration": ["Tick “I confirm the declaration above” to continue."],
}


@pytest.mark.parametrize("step", EMPTY_STEP_MESSAGES)
def test_empty_step_lists_each_missing_answer(wizard, step):
    response = wizard.post(step)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="error-message"') == len(EMPTY_STEP_MESSAGES[step])
    for message in EMPTY_STEP_MESSAGES[step]:
        assert message in html
    assert "<title>Error:" in html


def test_contact_email_must_look_like_an_email(wizard):
    response = wizard.post(
        "contact", {"contact_name": "A", "contact_role": "B", "contact_email": "nope"}
    )
    assert (
        "Enter an email address in the right format, like name@example.org."
        in response.content.decode()
    )


def test_optional_fields_are_marked_and_required_ones_are_not(wizard):
    html = wizard.client.get(wizard.url("contact")).content.decode()
    assert 'Phone number <span class="optional">(optional)</span>' in html
    assert "Full name <span" not in html
    assert "*" not in html.split("<main")[1].split("</main>")[0]
