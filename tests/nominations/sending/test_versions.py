"""Versions of a sent nomination (nominations/sending/versions.py): the first submission is version
1,
every "Send changes" the next; a version keeps the answers and the evidence list as sent, reads
back through answers.py, and says what changed field by field. The data migration gave the
nominations sent before versions existed their version 1."""

import importlib

import pytest
from django.apps import apps
from django.core import mail
from wagtail.models import ModelLogEntry

from nominations.answers import answer_sections
from nominations.choices import NominationStatus
from nominations.models import Nomination, NominationVersion
from nominations.privacy.nominations_part import anonymise_nomination
from nominations.sending import submission, versions
from tests.nominations.wizard.driver import VALID_ANSWERS, moved_on, pdf_upload

pytestmark = pytest.mark.django_db


def sent(wizard):
    wizard.complete_all()
    response = wizard.submit()
    assert response.status_code == 302, response
    return wizard.nomination


def change(wizard, step, **answers):
    response = wizard.post(step, {**VALID_ANSWERS[step], **answers})
    assert moved_on(response), response
    return wizard.nomination


class TestSnapshot:
    def test_first_submission_is_version_1_with_answers_and_files(self, wizard, nominator):
        nomination = sent(wizard)
        (version,) = nomination.versions.all()
        assert version.number == 1
        assert version.created_by == nominator
        assert version.answers["organisation_name"] == nomination.organisation_name
        assert version.answers["customer_effort_score"] == "2.5"
        assert version.answers["category"] == nomination.category_id
        assert [item["name"] for item in version.evidence] == ["report.pdf"]
        assert set(version.answers) == set(versions.SNAPSHOT_FIELDS)
        assert not versions.unsent_changes(nomination)

    def test_a_version_reads_like_the_nomination(self, wizard):
        nomination = sent(wizard)
        version = nomination.versions.get()
        as_sent = versions.as_nomination(version, nomination)
        assert as_sent.pk is None  # never saved
        read = [
            [(answer.label, answer.value) for answer in section.answers]
            for section in answer_sections(as_sent, None)
        ]
        assert read == [
            [(answer.label, answer.value) for answer in section.answers]
            for section in answer_sections(nomination, None)
        ]
        assert [file.original_name for file in versions.evidence_of(version)] == ["report.pdf"]

    def test_numbers_written_differently_are_the_same_answer(self, wizard):
        nomination = sent(wizard)
        change(wizard, "results", first_contact_resolution="78.0", satisfaction="88.0")
        assert not versions.unsent_changes(Nomination.objects.get(pk=nomination.pk))


class TestSendChanges:
    def test_changes_are_unsent_until_sent_then_version_2(
        self, wizard, nominator, django_capture_on_commit_callbacks
    ):
        sent(wizard)
        mail.outbox.clear()
        nomination = change(wizard, "organisation", city="Kisumu")
        assert versions.unsent_changes(nomination)
        assert nomination.versions.count() == 1  # saving is not sending
        detail = wizard.client.get(f"/my-nominations/{wizard.uuid}/").content.decode()
        assert "Changes not sent yet" in detail
        check = wizard.client.get(wizard.url("check")).content.decode()
        assert "Send changes" in check and "Send the nomination" not in check
        assert "Kisumu" in check and "Nairobi" in check  # before and after

        with django_capture_on_commit_callbacks(execute=True):
            response = wizard.submit()
        assert response.status_code == 302
        assert response["Location"] == f"/my-nominations/{wizard.uuid}/"
        nomination = wizard.nomination
        latest = versions.latest(nomination)
        assert latest.number == 2 and latest.answers["city"] == "Kisumu"
        assert not versions.unsent_changes(nomination)
        assert "version 2" in mail.outbox[-1].subject
        entry = ModelLogEntry.objects.for_instance(nomination).get(
            action="nominations.changes_sent"
        )
        assert entry.data["fields"] == ["city"] and entry.data["version"] == 2
        detail = wizard.client.get(f"/my-nominations/{wizard.uuid}/").content.decode()
        assert "Changes not sent yet" not in detail
        assert "Version 2" in detail and "Version 1" in detail

    def test_nothing_to_send_is_refused(self, wizard, nominator):
        nomination = sent(wizard)
        with pytest.raises(submission.SubmissionRefused, match="no changes"):
            submission.send_changes(nomination.pk, nominator)
        assert nomination.versions.count() == 1

    def test_an_eligible_entry_can_send_changes(self, wizard, nominator):
        nomination = sent(wizard)
        Nomination.objects.filter(pk=nomination.pk).update(status=NominationStatus.ELIGIBLE)
        change(wizard, "initiative", summary="A shorter summary.")
        result = submission.send_changes(nomination.pk, nominator)
        assert result.version.number == 2
        assert Nomination.objects.get(pk=nomination.pk).status == NominationStatus.ELIGIBLE

    def test_an_added_file_is_a_change(self, wizard, nominator):
        nomination = sent(wizard)
        wizard.client.post(
            wizard.url("evidence"),
            {
                f"nomination-{wizard.uuid}-current_step": "evidence",
                "upload": "1",
                "evidence-file": pdf_upload("survey.pdf"),
            },
        )
        nomination = Nomination.objects.get(pk=nomination.pk)
        assert versions.unsent_changes(nomination)
        result = submission.send_changes(nomination.pk, nominator)
        older, newer = nomination.versions.order_by("number")
        assert result.version == newer
        difference = versions.differences(older, newer)
        assert difference.files_added == ["survey.pdf"] and difference.changes == []

    def test_the_check_page_refuses_a_send_from_before_a_change(self, wizard, nominator):
        nomination = sent(wizard)
        change(wizard, "organisation", city="Kisumu")
        opened = wizard.loaded("check")
        change(wizard, "organisation", city="Eldoret")  # another tab, after the page opened
        response = wizard.post("check", revision=opened["revision"])
        assert response.status_code == 302 and response["Location"].endswith("/check/")
        assert nomination.versions.count() == 1


class TestDifferences:
    def test_field_by_field_before_and_after(self, wizard, nominator):
        nomination = sent(wizard)
        change(wizard, "results", nps_after="55", turnaround_unit="hours")
        submission.send_changes(nomination.pk, nominator)
        older, newer = nomination.versions.order_by("number")
        changes = {change.name: change for change in versions.differences(older, newer).changes}
        assert set(changes) == {"nps_after", "turnaround_before", "turnaround_after"}
        assert (changes["nps_after"].before, changes["nps_after"].after) == ("41", "55")
        # The unit changed from days to hours: both figures say their unit ("1 day" -> "1 hour").
        assert changes["turnaround_after"].before.endswith(("day", "days"))
        assert changes["turnaround_after"].after.endswith(("hour", "hours"))
        assert changes["nps_after"].label == "Net Promoter Score after"

    def test_history_lists_each_version_with_its_changes(self, wizard, nominator):
        nomination = sent(wizard)
        change(wizard, "organisation", city="Kisumu")
        submission.send_changes(nomination.pk, nominator)
        change(wizard, "contact", contact_role="Head of service")
        submission.send_changes(nomination.pk, nominator)
        rows = versions.history(nomination)
        assert [row.version.number for row in rows] == [1, 2, 3]
        assert rows[0].changes is None
        assert rows[1].changes.field_names == ["city"]
        assert rows[2].changes.field_names == ["contact_role"]


class TestDataMigration:
    def test_snapshot_fields_are_frozen_as_the_code_says(self):
        migration = importlib.import_module("nominations.migrations.0006_first_versions")
        assert migration.SNAPSHOT_FIELDS == versions.SNAPSHOT_FIELDS

    def test_sent_nominations_get_version_1_and_drafts_none(self):
        migration = importlib.import_module("nominations.migrations.0006_first_versions")
        sent_ones = Nomination.objects.exclude(status=NominationStatus.DRAFT).exclude(
            submitted_at=None
        )
        draft = Nomination.objects.filter(status=NominationStatus.DRAFT).first()
        NominationVersion.objects.all().delete()
        migration.first_versions(apps, None)
        assert NominationVersion.objects.count() == sent_ones.count()
        assert not draft.versions.exists()
        nomination = sent_ones.filter(evidence__isnull=False).first()
        version = nomination.versions.get()
        assert version.number == 1
        assert version.created_at == nomination.submitted_at
        assert version.answers == versions.snapshot(nomination)
        assert version.evidence == versions.evidence_snapshot(nomination)
        assert not versions.unsent_changes(nomination)
        migration.first_versions(apps, None)  # again: nothing more
        assert NominationVersion.objects.count() == sent_ones.count()

    def test_the_demo_has_versions(self):
        assert not Nomination.objects.exclude(status=NominationStatus.DRAFT).filter(
            versions__isnull=True
        )
        assert NominationVersion.objects.filter(number=2).exists()


def test_removing_personal_data_removes_it_from_the_versions(wizard, nominator):
    nomination = sent(wizard)
    anonymise_nomination(nomination, remove_evidence=True)
    version = nomination.versions.get()
    assert version.answers["contact_email"] == "" and version.answers["contact_name"] == ""
    assert version.evidence == []
    assert version.answers["organisation_name"]  # the record stays
