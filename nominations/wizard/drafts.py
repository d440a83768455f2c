"""Saving the answers of a wizard step without losing another copy's work.

Two tabs or two devices may have the same nomination open. Every step page carries the
nomination's `revision` when it was loaded and a digest of that step's saved answers (`base`).
Every save of answers (and every evidence upload or removal) raises the revision by one, under
the nomination's row lock. A save whose revision is older than the saved one is a stale copy:
it goes through only when this step's saved answers are still those the page was loaded with
(another copy changed other steps) or are already what this copy sends; otherwise
`StaleAnswers` refuses it, nothing is written,
and the wizard shows both versions side by side to merge (`conflicts`, `merged_data`). The judge
portal's scoresheets follow the same rule (judging/scoring/rules.py).
"""

import copy
import hashlib
import json
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from nominations.answers import display_value
from nominations.models import Nomination
from nominations.sending import organisations

KEEP_SAVED, USE_MINE = "saved", "mine"
# Columns a step save never takes from this request's copy of the row: the wizard's storage
# writes its own (wizard_storage.py) and the revision is counted here.
_NOT_COPIED = {"wizard_state", "revision"}


class StaleAnswers(Exception):
    """A save from a copy loaded before another copy saved this step. `current` is the
    nomination as saved now."""

    def __init__(self, current):
        super().__init__("stale copy")
        self.current = current


def step_digest(nomination, form_class):
    """A digest of one step's saved answers, as the step form reads them."""
    if not hasattr(form_class, "stored_data"):
        return ""  # the check step: nothing of its own to save
    data = form_class.stored_data(nomination)
    text = json.dumps(data, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def parse_revision(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def save_step(nomination, form, step, expected_revision, base, user, wizard_state=None):
    """Save a valid step form into the nomination, one revision more, unless the copy is stale
    (see the module docstring). A sent nomination's changes are logged, field by field.
    `wizard_state`, when given, is written in the same statement when it can be; returns
    whether it was (the wizard's storage then has nothing left to write)."""
    if _save_unchanged(nomination, form, expected_revision, wizard_state):
        return wizard_state is not None
    form_class = type(form)
    with transaction.atomic():
        current = (
            Nomination.objects.select_for_update(of=("self",))
            .select_related("cycle")
            .get(pk=nomination.pk)
        )
        if (
            expected_revision != current.revision
            and step_digest(current, form_class) != base
            and conflicts(current, form_class, form.data, form.prefix)
        ):
            raise StaleAnswers(current)
        # This request read the row before the lock: the columns the form does not set are
        # taken as saved now, so a save never puts back what another copy has changed.
        own = set(getattr(form._meta, "fields", None) or [])
        for model_field in Nomination._meta.concrete_fields:
            if model_field.name not in own and model_field.name not in _NOT_COPIED:
                setattr(nomination, model_field.attname, getattr(current, model_field.attname))
        nomination.revision = current.revision + 1
        form.save()
        if nomination.is_sent and {"category", "organisation_name", "country"} & set(
            form.changed_data
        ):
            # A sent nomination moved to another category or renamed: one nomination per
            # organisation and category still holds (AlreadyNominated undoes the save).
            organisations.claim(nomination)
        if nomination.is_sent and form.changed_data:
            # Changes after sending are recorded, field by field, in the audit log; they are
            # sent to the awards team with "Send changes" (a new version).
            log(
                nomination,
                "nominations.change",
                user=user,
                data={"step": step, "fields": form.changed_data},
            )
    return False


def _save_unchanged(nomination, form, expected_revision, wizard_state):
    """The usual case, in one statement: a draft whose page was loaded from the revision this
    request has just read, so no other copy has saved since. The step's own columns are
    written by an UPDATE that holds only while the revision is still that one; when another
    copy saved in between, nothing is written and `save_step` takes the locked path."""
    if nomination.is_sent or expected_revision is None or expected_revision != nomination.revision:
        return False
    then = form.prepare_write()
    values = {name: getattr(nomination, name) for name in form.written_fields()}
    values.update(revision=expected_revision + 1, updated_at=timezone.now())
    if wizard_state is not None:
        values["wizard_state"] = wizard_state
    mine = Nomination.objects.filter(pk=nomination.pk, revision=expected_revision)
    if then is None:
        written = mine.update(**values)
    else:
        with transaction.atomic():
            written = mine.update(**values)
            if written:
                then()
    if written:
        nomination.revision = values["revision"]
        nomination.updated_at = values["updated_at"]
    return bool(written)


def touch(nomination):
    """Another kind of change (evidence added or removed): one revision more."""
    Nomination.objects.filter(pk=nomination.pk).update(revision=F("revision") + 1)
    nomination.refresh_from_db(fields=["revision"])


@dataclass
class Conflict:
    """One answer both copies changed: as saved (by the other copy) and as this tab typed."""

    name: str
    label: str
    saved: str
    mine: str
    mine_raw: str | None  # as posted; None when the field was not posted (an unticked box)


def _shown(instance, form, name):
    try:
        instance._meta.get_field(name)
    except Exception:  # a form-only field, e.g. the declaration's tick box
        value = form.cleaned_data.get(name) if hasattr(form, "cleaned_data") else None
        return str(_("Yes") if value else _("No"))
    value = display_value(instance, name)
    if isinstance(getattr(instance, name, None), bool):
        return str(_("Yes") if getattr(instance, name) else _("No"))
    return str(value)


def conflicts(current, form_class, data, prefix):
    """The answers of this step where what this tab posted (`data`, a QueryDict) differs from
    what is saved now (`current`)."""
    saved_data = form_class.stored_data(current)
    saved_form = form_class(
        data=_prefixed(saved_data, prefix), prefix=prefix, instance=copy.copy(current)
    )
    saved_form.is_valid()
    mine_form = form_class(data=data, prefix=prefix, instance=copy.copy(current))
    mine_form.is_valid()
    found = []
    for name, field in mine_form.fields.items():
        key = f"{prefix}-{name}"
        mine_raw = data.get(key)
        if _same(saved_form, mine_form, name, saved_data.get(name), mine_raw):
            continue
        found.append(
            Conflict(
                name=name,
                label=str(field.label),
                saved=_shown(saved_form.instance, saved_form, name) or "",
                mine=_shown(mine_form.instance, mine_form, name) or "",
                mine_raw=mine_raw,
            )
        )
    return found


def _same(saved_form, mine_form, name, saved_raw, mine_raw):
    """Whether both copies hold the same answer: as cleaned by the form when both are valid
    ("78" and "78.0" are one number), else as typed."""
    saved_clean = getattr(saved_form, "cleaned_data", {})
    mine_clean = getattr(mine_form, "cleaned_data", {})
    if name in saved_clean and name in mine_clean:
        return _normal(saved_clean[name]) == _normal(mine_clean[name]) or (
            saved_clean[name] == mine_clean[name]
        )
    return _normal(mine_raw) == _normal(saved_raw)


def _normal(value):
    if value is None or value == "":
        return ""
    return str(value).replace("\r\n", "\n").strip()


def _prefixed(data, prefix):
    return {f"{prefix}-{name}": value for name, value in data.items()}


def merged_data(current, form_class, prefix, choices, mine):
    """The step's data after a merge: what is saved now, with this tab's answer for each field
    in `choices` set to USE_MINE. `mine` maps field names to what this tab posted (a missing
    name is an unticked box)."""
    data = _prefixed(form_class.stored_data(current), prefix)
    for name, choice in choices.items():
        if choice != USE_MINE:
            continue
        key = f"{prefix}-{name}"
        if mine.get(name) is None:
            data.pop(key, None)
        else:
            data[key] = mine[name]
    return data
