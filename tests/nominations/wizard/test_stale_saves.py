"""Two tabs or two devices on one nomination (nominations/wizard/drafts.py): every save of answers
raises the nomination's revision; a step page carries the revision it was loaded from, and a
save from a stale copy of a step another copy has saved is refused (409) with both versions
side by side and a way to merge, field by field or "Use all of mine"."""

import pytest

from nominations.models import Nomination
from tests.nominations.wizard.driver import VALID_ANSWERS, moved_on, pdf_upload

pytestmark = pytest.mark.django_db


def organisation(**answers):
    return {**VALID_ANSWERS["organisation"], **answers}


@pytest.fixture
def two_tabs(wizard):
    """The organisation step opened in tab A; tab B then saves it with another city."""
    wizard.post("organisation", organisation(city="Mombasa"))
    tab_a = wizard.loaded("organisation")
    response = wizard.post("organisation", organisation(city="Kisumu"))  # tab B
    assert moved_on(response)
    return tab_a


def test_every_save_of_answers_raises_the_revision(wizard):
    revisions = [wizard.nomination.revision]
    for step in ("organisation", "contact", "organisation"):
        wizard.post(step, VALID_ANSWERS[step])
        revisions.append(wizard.nomination.revision)
    wizard.client.post(
        wizard.url("evidence"),
        {
            f"nomination-{wizard.uuid}-current_step": "evidence",
            "upload": "1",
            "evidence-file": pdf_upload(),
        },
    )
    revisions.append(wizard.nomination.revision)
    assert revisions == sorted(set(revisions)) and len(revisions) == 5


def test_a_stale_copy_is_refused_with_both_answers_shown(wizard, two_tabs):
    response = wizard.post("organisation", organisation(city="Eldoret"), **two_tabs)
    assert response.status_code == 409
    html = response.content.decode()
    assert "changed in another tab or on another device" in html
    assert "Kisumu" in html and "Eldoret" in html  # saved, and what this tab typed
    assert "Use all of mine" in html
    assert wizard.nomination.city == "Kisumu"  # nothing overwritten


def merge(wizard, response, **choices):
    """Send the merge page's form as a browser would: its hidden fields and the choices."""
    context = response.context
    data = {
        context["management_name"]: context["step"],
        "revision": context["revision"],
        "base": context["base"],
    }
    fields = [row.name for row in context["rows"]]
    data["field"] = fields
    for row in context["rows"]:
        if row.mine_raw is not None:
            data[f"mine-{row.name}"] = row.mine_raw
        data[f"choice-{row.name}"] = choices.get(row.name, "saved")
    for key, value in context["then"].items():
        data[f"then-{key}"] = value
    data["merge"] = choices.get("merge", "saved")
    return wizard.client.post(wizard.url(context["step"]), data)


def test_use_all_of_mine(wizard, two_tabs):
    refused = wizard.post("organisation", organisation(city="Eldoret"), **two_tabs)
    response = merge(wizard, refused, merge="mine")
    assert moved_on(response)
    assert wizard.nomination.city == "Eldoret"


def test_merge_field_by_field(wizard, two_tabs):
    refused = wizard.post(
        "organisation", organisation(city="Eldoret", website="https://mine.example"), **two_tabs
    )
    assert {row.name for row in refused.context["rows"]} == {"city", "website"}
    response = merge(wizard, refused, city="saved", website="mine")
    assert moved_on(response)
    nomination = wizard.nomination
    assert (nomination.city, nomination.website) == ("Kisumu", "https://mine.example")


def test_a_merge_that_is_itself_stale_is_refused_again(wizard, two_tabs):
    refused = wizard.post("organisation", organisation(city="Eldoret"), **two_tabs)
    wizard.post("organisation", organisation(city="Nakuru"))  # tab B, once more
    response = merge(wizard, refused, merge="mine")
    assert response.status_code == 409
    assert wizard.nomination.city == "Nakuru"


def test_another_step_saved_meanwhile_is_no_conflict(wizard):
    contact_page = wizard.loaded("contact")
    wizard.post("organisation", organisation(city="Kisumu"))  # the other tab
    response = wizard.post("contact", VALID_ANSWERS["contact"], **contact_page)
    assert moved_on(response)
    nomination = wizard.nomination
    assert nomination.city == "Kisumu" and nomination.contact_name == "Wanjiru Kamau"


def test_save_and_come_back_later_from_a_stale_copy_is_refused_too(wizard, two_tabs):
    response = wizard.post(
        "organisation", organisation(city="Eldoret"), action="save_later", **two_tabs
    )
    assert response.status_code == 409
    assert wizard.nomination.city == "Kisumu"
    merged = merge(wizard, response, merge="mine")
    assert merged.status_code == 302 and merged["Location"] == f"/my-nominations/{wizard.uuid}/"
    assert wizard.nomination.city == "Eldoret"


def test_the_same_answers_from_a_stale_copy_go_through(wizard, two_tabs):
    response = wizard.post("organisation", organisation(city="Kisumu"), **two_tabs)
    assert moved_on(response)


def test_a_page_with_errors_keeps_the_revision_it_was_loaded_from(wizard, two_tabs):
    response = wizard.post("organisation", organisation(city="Eldoret", country=""), **two_tabs)
    assert response.status_code == 200  # the step's own errors first
    assert response.context["loaded_revision"] == two_tabs["revision"]
    fixed = wizard.post(
        "organisation",
        organisation(city="Eldoret"),
        revision=response.context["loaded_revision"],
        base=response.context["loaded_base"],
    )
    assert fixed.status_code == 409


def test_nothing_of_the_other_copy_is_put_back_by_a_save(wizard):
    """A save writes its own step's answers, never an older copy of the other columns."""
    nomination = Nomination.objects.get(uuid=wizard.uuid)
    wizard.post("organisation", organisation(city="Kisumu"))
    Nomination.objects.filter(pk=nomination.pk).update(contact_name="Set elsewhere")
    wizard.post("initiative", VALID_ANSWERS["initiative"])
    assert wizard.nomination.contact_name == "Set elsewhere"
