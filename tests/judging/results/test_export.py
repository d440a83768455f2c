"""The Excel export of a round's results (judging/results/export.py), read back with openpyxl."""

from io import BytesIO

import pytest
from django.utils import translation
from openpyxl import load_workbook

from judging.models import CriterionScore, ScoresheetStatus
from judging.results.computation import round_results
from judging.results.export import results_workbook
from tests.factories.judging import RoundFactory, RubricFactory, judged

pytestmark = pytest.mark.django_db


@pytest.fixture
def exported(scene):
    rubric = RubricFactory(name="Export rubric", weights=(50, 30, 20), scale=(1, 5))
    round = RoundFactory(cycle=scene.cycle, rubric=rubric, name_en="Export")
    ada, bola, chidi = scene.judges[:3]
    entries = [scene.entry(number, contact_phone=f"+254 700 00000{number}") for number in (1, 2, 3)]
    entries.append(scene.entry(4, category=scene.categories[1], contact_phone="+254 700 000004"))
    for index, entry in enumerate(entries):
        judged(
            round,
            entry,
            ada,
            [5, 4, 3 - index % 2],
            comments=["Strong service standards.", "", "Few figures."],
            overall_comment=f"Overall view of entry {index + 1}.",
            recommendation="yes",
        )
        judged(round, entry, bola, [2, 2, 1], recommendation="maybe")
    judged(round, entries[0], chidi, [1, 1, 1], status=ScoresheetStatus.DRAFT)
    scene.entries = entries
    scene.export_round = round
    return load_workbook(BytesIO(results_workbook(round))), scene


def test_workbook_sheets_hold_every_result_and_every_submitted_score(exported):
    workbook, scene = exported
    round = scene.export_round
    assert workbook.sheetnames == ["Results", "Scores"]

    results = list(workbook["Results"].iter_rows(values_only=True))
    assert results[0][:3] == ("Rank", "Reference", "Organisation")
    expected = round_results(round)
    assert len(results) - 1 == len(expected) == 4
    assert [row[1] for row in results[1:]] == [result.reference for result in expected]
    first = results[1]
    assert first[0] == 1
    assert first[4] == "Digital"
    assert first[6] == pytest.approx(float(expected[0].normalised))
    assert first[9] == pytest.approx(2 / 3)  # completeness: 2 of 3 submitted (one draft)

    scores = list(workbook["Scores"].iter_rows(values_only=True))
    submitted = CriterionScore.objects.filter(
        scoresheet__assignment__round=round, scoresheet__status=ScoresheetStatus.SUBMITTED
    ).count()
    assert len(scores) - 1 == submitted == 4 * 2 * 3  # the draft is not there
    header = scores[0]
    row = dict(zip(header, scores[1], strict=True))
    assert row["Reference"] == "TST-KE-0001"
    assert row["Judge"] in {scene.judges[0].display_name, scene.judges[1].display_name}
    first_judge = scene.judges[0].display_name
    ada_rows = [dict(zip(header, r, strict=True)) for r in scores[1:] if r[3] == first_judge]
    assert len(ada_rows) == 4 * 3
    assert ada_rows[0]["Comment"] == "Strong service standards."
    assert ada_rows[0]["Overall comment"] == "Overall view of entry 1."
    assert ada_rows[0]["Recommendation"] == "Recommend"
    assert {r["Scale"] for r in ada_rows} == {"1-5"}


def test_workbook_is_styled_for_reading(exported):
    workbook, _scene = exported
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}" + str(
            sheet.max_row
        )
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.column_dimensions["B"].width > 10
    results = workbook["Results"]
    assert results["G2"].number_format == "0.0"  # normalised
    assert results["J2"].number_format == "0%"  # completeness


def test_workbook_holds_no_personal_data_of_nominators_or_contacts(exported):
    workbook, scene = exported
    secrets = set()
    for entry in scene.entries:
        secrets |= {
            entry.nominator.email,
            entry.contact_email,
            entry.contact_name,
            entry.contact_phone,
        }
    cells = [
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    ]
    assert cells
    for secret in secrets:
        assert not any(secret in cell for cell in cells), secret
    assert not any("@" in cell for cell in cells)


def test_results_carry_the_measured_results_frozen_in_a_nomination(exported):
    from feedback.evidence import snapshot_of
    from nominations.models import Nomination
    from nominations.wizard.measured import LAST_12, period
    from tests.factories.feedback import DailyRollupFactory, ServicePointFactory

    _workbook, scene = exported
    point = ServicePointFactory(agency__name="Measured Agency", agency__slug="measured-agency")
    DailyRollupFactory(point=point, n=40, satisfied=30, resolved=20, promoters=20, detractors=8)
    snapshot = snapshot_of(point.agency, period(LAST_12, None), key=LAST_12)
    measured = scene.entries[0]
    Nomination.objects.filter(pk=measured.pk).update(measured_results=snapshot)

    with translation.override("en"):
        sheet = load_workbook(BytesIO(results_workbook(scene.export_round)))["Results"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    by_reference = {row[1]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert by_reference[measured.reference]["Measured: source"] == "Measured Agency"
    assert by_reference[measured.reference]["Measured: answers"] == 40
    assert by_reference[measured.reference]["Measured: satisfied [interval]"].startswith("75")
    others = [row for reference, row in by_reference.items() if reference != measured.reference]
    assert all(not row["Measured: source"] for row in others)
