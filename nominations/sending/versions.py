"""Versions of a sent nomination: what the nominator sent, each time.

- The first submission records version 1, every "Send changes" the next number
  (`record_version`, called by submission.py under the nomination's row lock). A version keeps
  the answers (`SNAPSHOT_FIELDS`, as JSON) and the list of evidence files as they were.
- A version is read through the same code as the nomination itself: `as_nomination` fills an
  unsaved Nomination from the snapshot, so answers.py groups and labels it, and `evidence_of`
  gives its files in the shape the templates use.
- `differences` says what changed between two versions, field by field (before/after, as
  people read them) and file by file; `unsent_changes` whether the nomination's saved answers
  differ from its latest version (the nominator has changes not sent yet).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.db.models import Max
from django.utils import timezone

from nominations.answers import SECTION_FIELDS, answer_sections
from nominations.models import Category, Nomination, NominationVersion

# Every answer a version keeps: the fields of the answer sections, and the unit of the
# turnaround times (shown with them).
MEASURED = "measured_results"
SNAPSHOT_FIELDS = [name for names in SECTION_FIELDS.values() for name in names] + [
    "turnaround_unit"
]


def _as_json(model_field, value):
    if value is None:
        return None
    if isinstance(model_field, models.DecimalField):
        # One spelling per value ("2.5", never "2.50" or a float's "2.4999"), so a snapshot of
        # a row read back compares equal to one of the row as it was saved.
        step = Decimal(1).scaleb(-model_field.decimal_places)
        return str(Decimal(str(value)).quantize(step))
    if isinstance(value, bool | int | str):
        return value
    return model_field.value_to_string(value)


def snapshot(nomination):
    """The nomination's answers as JSON: {field name: value}; the category by its id."""
    answers = {}
    for name in SNAPSHOT_FIELDS:
        model_field = Nomination._meta.get_field(name)
        answers[name] = _as_json(model_field, getattr(nomination, model_field.attname))
    if nomination.measured_results is not None:
        # The frozen measured results (nominations/wizard/measured.py), only when there are some: a
        # version sent without them compares equal to the nomination's answers.
        answers[MEASURED] = nomination.measured_results
    return answers


def evidence_snapshot(nomination):
    return [
        {
            "id": file.pk,
            "name": file.original_name,
            "kind": file.kind,
            "size": file.size,
            "sha256": file.sha256,
        }
        for file in nomination.evidence.all()
    ]


def record_version(nomination, user, now=None):
    """Record what is sent now as the nomination's next version (call it with the nomination's
    row locked: submission.py does)."""
    number = (nomination.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    return NominationVersion.objects.create(
        nomination=nomination,
        number=number,
        created_at=now or timezone.now(),
        created_by=user if user is not None and user.is_authenticated else None,
        answers=snapshot(nomination),
        evidence=evidence_snapshot(nomination),
    )


def latest(nomination):
    return nomination.versions.order_by("-number").first()


def as_nomination(version, nomination=None):
    """An unsaved Nomination holding the version's answers (and the nomination's reference,
    cycle, status and language), for answers.py and the templates. Never saved."""
    nomination = nomination or version.nomination
    copy = Nomination(
        uuid=nomination.uuid,
        reference=nomination.reference,
        cycle=nomination.cycle,
        status=nomination.status,
        language=nomination.language,
        nominator_id=nomination.nominator_id,
        submitted_at=version.created_at,
    )
    for name in SNAPSHOT_FIELDS:
        model_field = Nomination._meta.get_field(name)
        value = version.answers.get(name)
        if name == "category":
            if value == nomination.category_id:
                copy.category = nomination.category
            else:
                copy.category = Category.objects.filter(pk=value).first() if value else None
            continue
        setattr(copy, model_field.attname, None if value is None else model_field.to_python(value))
    copy.measured_results = version.answers.get(MEASURED)
    return copy


@dataclass(frozen=True)
class SnapshotFile:
    """An evidence file as a version lists it (the file itself is the EvidenceFile `pk`)."""

    pk: int
    original_name: str
    kind: str
    size: int
    sha256: str


def evidence_of(version):
    return [
        SnapshotFile(item["id"], item["name"], item["kind"], item["size"], item["sha256"])
        for item in version.evidence
    ]


@dataclass(frozen=True)
class Change:
    name: str
    label: str
    section: str
    before: str
    after: str
    long: bool = False


@dataclass
class Differences:
    changes: list = field(default_factory=list)
    files_added: list = field(default_factory=list)
    files_removed: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.changes or self.files_added or self.files_removed)

    @property
    def field_names(self):
        return [change.name for change in self.changes]


def _compare(before_answers, before_files, after_answers, after_files, before_view, after_view):
    result = Differences()
    before_sections = answer_sections(before_view, None)
    after_sections = answer_sections(after_view, None)
    for old_section, new_section in zip(before_sections, after_sections, strict=True):
        for old, new in zip(old_section.answers, new_section.answers, strict=True):
            raw_names = [old.name] + (
                ["turnaround_unit"] if old.name.startswith("turnaround_") else []
            )
            if any(before_answers.get(name) != after_answers.get(name) for name in raw_names):
                result.changes.append(
                    Change(old.name, old.label, new_section.title, old.value, new.value, old.long)
                )
    before_ids = {item["id"] for item in before_files}
    after_ids = {item["id"] for item in after_files}
    result.files_added = [item["name"] for item in after_files if item["id"] not in before_ids]
    result.files_removed = [item["name"] for item in before_files if item["id"] not in after_ids]
    return result


def differences(older, newer, nomination=None):
    """What changed from version `older` to version `newer`."""
    nomination = nomination or newer.nomination
    return _compare(
        older.answers,
        older.evidence,
        newer.answers,
        newer.evidence,
        as_nomination(older, nomination),
        as_nomination(newer, nomination),
    )


def unsent_differences(nomination, version=None):
    """What the nomination's saved answers change from its latest version (nothing for a
    nomination never sent)."""
    version = version or latest(nomination)
    if version is None:
        return Differences()
    return _compare(
        version.answers,
        version.evidence,
        snapshot(nomination),
        evidence_snapshot(nomination),
        as_nomination(version, nomination),
        nomination,
    )


def unsent_changes(nomination, version=None):
    """Whether the nominator saved changes they have not sent yet."""
    version = version or latest(nomination)
    if version is None:
        return False
    # .all(): a list page prefetches the evidence.
    return version.answers != snapshot(nomination) or [item["id"] for item in version.evidence] != [
        file.pk for file in nomination.evidence.all()
    ]


@dataclass
class VersionRow:
    """A version with what changed from the one before (nothing for version 1)."""

    version: NominationVersion
    changes: Differences | None = None


def history(nomination):
    """Every version, oldest first, each with its differences from the one before."""
    versions = list(nomination.versions.select_related("created_by").order_by("number"))
    rows = []
    previous = None
    for version in versions:
        rows.append(
            VersionRow(version, differences(previous, version, nomination) if previous else None)
        )
        previous = version
    return rows


def latest_ids(nomination_ids):
    """{nomination id: id of its latest version} for these nominations, in one query."""
    latest_number = (
        NominationVersion.objects.filter(nomination=models.OuterRef("nomination"))
        .order_by("-number")
        .values("pk")[:1]
    )
    return dict(
        NominationVersion.objects.filter(nomination__in=list(nomination_ids))
        .filter(pk=models.Subquery(latest_number))
        .values_list("nomination_id", "pk")
    )
