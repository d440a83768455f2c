"""Scoring rules: a judge's scoresheet for an assignment, saved as a draft and then submitted.

- A submitted scoresheet is locked; an administrator may reopen it (recorded), until the round
  closes. Before the round opens and after it closes nothing changes.
- Saves are optimistic: every save raises the sheet's version, and a save based on an older
  version is refused (`StaleScoresheet`), so two tabs never silently overwrite each other. The
  check is one conditional UPDATE, which the database decides even under concurrency.
- A judge sees the other judges' scores of an entry only when the round's rule allows it.

Queries: a save is one conditional UPDATE of the sheet (or the INSERT of a new one) and one
INSERT ... ON CONFLICT of all its criterion scores, whatever the rubric's size; a submission is
one conditional UPDATE that checks the version, the lock and the completeness and stores the
figures. The rubric is read once per assignment object (`rubric_of`), with its criteria.
"""

from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef, Q, Subquery, prefetch_related_objects
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from judging.models import (
    CategoryRubric,
    Criterion,
    CriterionScore,
    Recommendation,
    Rubric,
    Scoresheet,
    ScoresheetStatus,
    ScoreVisibility,
)
from judging.scoring import rounding, sheet_figures


class ScoringError(Exception):
    """A scoring action refused, with a message for the person who tried it."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class ScoresheetLocked(ScoringError):
    pass


class StaleScoresheet(ScoringError):
    def __init__(self, current_version):
        super().__init__(
            _(
                "These scores were changed in another tab or window after you opened this page. "
                "Check the values below and save again."
            )
        )
        self.current_version = current_version


class IncompleteScoresheet(ScoringError):
    def __init__(self, missing_criteria, missing_recommendation):
        self.missing_criteria = list(missing_criteria)  # Criterion objects
        self.missing_recommendation = missing_recommendation
        names = [str(criterion.name) for criterion in self.missing_criteria]
        if missing_recommendation:
            names.append(str(_("your recommendation")))
        super().__init__(
            _(
                "Before you submit, give a score for every criterion and a recommendation. "
                "Missing: %s."
            )
            % ", ".join(names)
        )


class InvalidScore(ScoringError):
    pass


# Status of an assignment's scoring, as the judge's dashboard shows it.
NOT_STARTED = "not_started"


def with_rubric_ids(assignments):
    """The assignments annotated with the id of the category's own rubric in the round (None:
    the round's), so `rubric_of` needs no query for it."""
    own = CategoryRubric.objects.filter(
        round=OuterRef("round_id"), category=OuterRef("nomination__category_id")
    ).values("rubric_id")[:1]
    return assignments.annotate(category_rubric_id=Subquery(own))


_NOT_ANNOTATED = object()


def rubric_id_of(assignment):
    """The id of the rubric the assignment's entry is scored against."""
    own = getattr(assignment, "category_rubric_id", _NOT_ANNOTATED)
    if own is _NOT_ANNOTATED:
        return rubric_of(assignment).pk
    return own or assignment.round.rubric_id


def rubric_of(assignment):
    """The rubric the assignment's entry is scored against, with its criteria: read once and
    kept on the assignment object, as every rule below and the portal's pages ask for it. An
    assignment read through `with_rubric_ids` with its round's rubric costs one query (the
    criteria)."""
    rubric = assignment.__dict__.get("_scoring_rubric")
    if rubric is not None:
        return rubric
    own = getattr(assignment, "category_rubric_id", _NOT_ANNOTATED)
    if own is _NOT_ANNOTATED:
        rubric = assignment.round.rubric_for(assignment.nomination.category_id)
    elif own is None:
        rubric = assignment.round.rubric
    else:
        rubric = Rubric.objects.get(pk=own)
    prefetch_related_objects([rubric], "criteria")
    assignment._scoring_rubric = rubric
    return rubric


def scoresheet_for(assignment):
    """The assignment's scoresheet, created (with an empty score per criterion) on first use."""
    sheet, _created = Scoresheet.objects.get_or_create(
        assignment=assignment,
        defaults={"nomination_version_id": assignment.nomination_version_id},
    )
    rubric = rubric_of(assignment)
    have = set(sheet.scores.values_list("criterion_id", flat=True))
    missing = [
        CriterionScore(scoresheet=sheet, criterion=criterion)
        for criterion in rubric.criteria.all()
        if criterion.pk not in have
    ]
    if missing:
        CriterionScore.objects.bulk_create(missing, ignore_conflicts=True)
    sheet.assignment = assignment
    return sheet


def existing_sheet(assignment):
    """The assignment's scoresheet, or None before the first save (read with the assignment
    when it was read with `select_related("scoresheet")`)."""
    try:
        sheet = assignment.scoresheet
    except Scoresheet.DoesNotExist:
        return None
    sheet.assignment = assignment
    return sheet


def status_of(assignment):
    """ "not_started", "draft" or "submitted" (uses a select_related or prefetched scoresheet)."""
    try:
        sheet = assignment.scoresheet
    except Scoresheet.DoesNotExist:
        return NOT_STARTED
    return sheet.status


def lock_reason(scoresheet_or_none, round, now=None):
    """Why the scoresheet cannot change now, or "" when it can."""
    now = now or timezone.now()
    if round.is_closed(now):
        return _("The round closed on %(date)s, so these scores can no longer change.") % {
            "date": date_format(timezone.localtime(round.closes_at), "DATETIME_FORMAT")
        }
    if now < round.opens_at:
        return _("Scoring opens on %(date)s. You can read the entry until then.") % {
            "date": date_format(timezone.localtime(round.opens_at), "DATETIME_FORMAT")
        }
    if scoresheet_or_none is not None and scoresheet_or_none.is_submitted:
        return _(
            "You submitted these scores, so they can no longer change. If something must be "
            "corrected, ask the awards team to reopen the scoresheet."
        )
    return ""


def _check_unlocked(scoresheet, now):
    reason = lock_reason(scoresheet, scoresheet.assignment.round, now)
    if reason:
        raise ScoresheetLocked(reason)


def _refused(scoresheet, now):
    """After a conditional update changed nothing: locked meanwhile, or stale."""
    current = Scoresheet.objects.get(pk=scoresheet.pk)
    if current.is_submitted:
        raise ScoresheetLocked(lock_reason(current, scoresheet.assignment.round, now))
    raise StaleScoresheet(current.version)


def _validated(scoresheet, scores, recommendation):
    rubric = rubric_of(scoresheet.assignment)
    criteria = {criterion.pk: criterion for criterion in rubric.criteria.all()}
    cleaned = {}
    for criterion_id, (score, comment) in scores.items():
        criterion = criteria.get(int(criterion_id))
        if criterion is None:
            raise InvalidScore(_("This criterion is not part of the entry's rubric."))
        if score is not None:
            score = int(score)
            if not rubric.scale_min <= score <= rubric.scale_max:
                raise InvalidScore(
                    _("Give “%(name)s” a score from %(min)s to %(max)s.")
                    % {"name": criterion.name, "min": rubric.scale_min, "max": rubric.scale_max}
                )
        cleaned[criterion.pk] = (score, (comment or "").strip())
    if recommendation not in {"", *Recommendation.values}:
        raise InvalidScore(_("Choose one of the recommendations offered."))
    return cleaned


def _write_scores(scoresheet, cleaned):
    """Every given criterion's score and comment in one statement (INSERT ... ON CONFLICT DO
    UPDATE), whatever the number of criteria."""
    CriterionScore.objects.bulk_create(
        [
            CriterionScore(
                scoresheet=scoresheet, criterion_id=criterion_id, score=score, comment=comment
            )
            for criterion_id, (score, comment) in cleaned.items()
        ],
        update_conflicts=True,
        unique_fields=["scoresheet", "criterion"],
        update_fields=["score", "comment"],
    )


def save(scoresheet, expected_version, scores, overall_comment, recommendation, user, now=None):
    """Save a draft: scores maps criterion id -> (score or None, comment). Returns the sheet
    with its new version."""
    now = now or timezone.now()
    _check_unlocked(scoresheet, now)
    cleaned = _validated(scoresheet, scores, recommendation or "")
    overall_comment = (overall_comment or "").strip()
    with transaction.atomic():
        changed = Scoresheet.objects.filter(
            pk=scoresheet.pk, version=expected_version, status=ScoresheetStatus.DRAFT
        ).update(
            version=F("version") + 1,
            overall_comment=overall_comment,
            recommendation=recommendation or "",
            updated_at=now,
            # The scores are for the version of the entry the judge reads now.
            nomination_version=scoresheet.assignment.nomination_version_id,
        )
        if not changed:
            _refused(scoresheet, now)
        _write_scores(scoresheet, cleaned)
    scoresheet.version = expected_version + 1
    scoresheet.overall_comment = overall_comment
    scoresheet.recommendation = recommendation or ""
    scoresheet.updated_at = now
    scoresheet.nomination_version_id = scoresheet.assignment.nomination_version_id
    return scoresheet


def save_for(assignment, expected_version, scores, overall_comment, recommendation, user, now=None):
    """Save the assignment's draft (as `save`), making its scoresheet on the first save: the
    sheet is inserted with the scores, in one transaction, so a refused save leaves no empty
    sheet behind. Two first saves at once (two tabs): the second is told the sheet changed."""
    sheet = existing_sheet(assignment)
    if sheet is not None:
        return save(sheet, expected_version, scores, overall_comment, recommendation, user, now)
    now = now or timezone.now()
    sheet = Scoresheet(
        assignment=assignment,
        nomination_version_id=assignment.nomination_version_id,
        created_at=now,
        updated_at=now,
    )
    _check_unlocked(sheet, now)
    cleaned = _validated(sheet, scores, recommendation or "")
    if expected_version != sheet.version:
        raise StaleScoresheet(sheet.version)
    sheet.version = expected_version + 1
    sheet.overall_comment = (overall_comment or "").strip()
    sheet.recommendation = recommendation or ""
    try:
        with transaction.atomic():
            sheet.save(force_insert=True)
            _write_scores(sheet, cleaned)
    except IntegrityError:
        # Another tab's first save made the sheet meanwhile (one sheet per assignment).
        current = Scoresheet.objects.filter(assignment=assignment).first()
        if current is None:
            raise
        current.assignment = assignment
        _refused(current, now)
    return sheet


def missing_in(rubric, scores, recommendation):
    """(criteria without a score, whether the recommendation is missing) in scores as `save`
    takes them (criterion id -> (score, comment)): what a save just wrote, without a query."""
    criteria = [
        criterion
        for criterion in rubric.criteria.all()
        if scores.get(criterion.pk, (None, ""))[0] is None
    ]
    return criteria, not recommendation


def missing(scoresheet):
    """(criteria without a score, whether the recommendation is missing), from what is saved
    (the sheet's prefetched scores when they are there)."""
    rubric = rubric_of(scoresheet.assignment)
    scored = {score.criterion_id for score in scoresheet.scores.all() if score.score is not None}
    criteria = [criterion for criterion in rubric.criteria.all() if criterion.pk not in scored]
    return criteria, not scoresheet.recommendation


def _complete(scoresheet):
    """A condition on scoresheets: a score for every criterion of the sheet's rubric, and a
    recommendation."""
    scored = CriterionScore.objects.filter(
        scoresheet=OuterRef(OuterRef("pk")), criterion=OuterRef("pk"), score__isnull=False
    )
    unscored = Criterion.objects.filter(rubric=rubric_id_of(scoresheet.assignment)).exclude(
        Exists(scored)
    )
    return ~Exists(unscored) & ~Q(recommendation="")


def submit(scoresheet, expected_version, user, now=None):
    """Submit a complete scoresheet: it is locked from then on. One conditional UPDATE decides,
    under concurrency too: the version the judge saw, still a draft, complete; it stores the
    sheet's figures. When it changes nothing, the sheet is read again to say why: changed in
    another tab (first: the judge did not see that sheet), or incomplete."""
    now = now or timezone.now()
    _check_unlocked(scoresheet, now)
    rubric_id = rubric_id_of(scoresheet.assignment)
    with transaction.atomic():
        changed = sheet_figures.mark_submitted(
            Scoresheet.objects.filter(
                _complete(scoresheet),
                pk=scoresheet.pk,
                version=expected_version,
                status=ScoresheetStatus.DRAFT,
            ),
            top_criteria=sheet_figures.top_criterion_of(rubric_id),
            submitted_at=now,
            updated_at=now,
            version=F("version") + 1,
            nomination_version=scoresheet.assignment.nomination_version_id,
        )
        if not changed:
            current = Scoresheet.objects.get(pk=scoresheet.pk)
            if current.is_submitted or current.version != expected_version:
                _refused(scoresheet, now)
            current.assignment = scoresheet.assignment
            raise IncompleteScoresheet(*missing(current))
        scoresheet.refresh_from_db(
            fields=[
                "status",
                "submitted_at",
                "version",
                "nomination_version",
                *sheet_figures.cleared(),
            ]
        )
        log(
            scoresheet,
            "judging.submit",
            user=user,
            data={
                "assignment": scoresheet.assignment_id,
                "nomination": scoresheet.assignment.nomination_id,
                "round": scoresheet.assignment.round_id,
            },
            timestamp=now,
        )
    return scoresheet


def reopen(scoresheet, user, reason, now=None):
    """An administrator sends a submitted scoresheet back to draft (recorded with the reason)."""
    now = now or timezone.now()
    round = scoresheet.assignment.round
    if round.is_closed(now):
        raise ScoresheetLocked(lock_reason(scoresheet, round, now))
    with transaction.atomic():
        changed = Scoresheet.objects.filter(
            pk=scoresheet.pk, status=ScoresheetStatus.SUBMITTED
        ).update(
            status=ScoresheetStatus.DRAFT,
            submitted_at=None,
            updated_at=now,
            version=F("version") + 1,
            **sheet_figures.cleared(),
        )
        if not changed:
            raise ScoringError(
                _("This scoresheet is not submitted, so there is nothing to reopen.")
            )
        scoresheet.refresh_from_db(
            fields=["status", "submitted_at", "updated_at", "version", *sheet_figures.cleared()]
        )
        log(
            scoresheet,
            "judging.reopen",
            user=user,
            data={
                "assignment": scoresheet.assignment_id,
                "nomination": scoresheet.assignment.nomination_id,
                "round": scoresheet.assignment.round_id,
                "reason": reason,
            },
        )
    return scoresheet


def others_visible(assignment, now=None):
    """Whether the judge may see the other judges' scores of this entry now."""
    round = assignment.round
    if round.score_visibility == ScoreVisibility.AFTER_OWN:
        return status_of(assignment) == ScoresheetStatus.SUBMITTED
    if round.score_visibility == ScoreVisibility.AFTER_CLOSE:
        return round.is_closed(now)
    return False


def weighted_score(scoresheet, rubric=None):
    """The sheet's score from 0 to 100 (each criterion's place on the scale times its weight),
    rounded as every score is (judging/scoring/rounding.py). None until every criterion has a score.
    Uses prefetched scores and criteria when there."""
    rubric = rubric or rubric_of(scoresheet.assignment)
    scores = {score.criterion_id: score.score for score in scoresheet.scores.all()}
    points = 0
    for criterion in rubric.criteria.all():
        score = scores.get(criterion.pk)
        if score is None:
            return None
        points += (score - rubric.scale_min) * criterion.weight
    return rounding.weighted(points, rubric.scale_max - rubric.scale_min)


def take_version(assignment, version, user, now=None):
    """The judge moves to a newer version of the entry (sent after they were given theirs):
    their scores are for it from then on. Not once the scoresheet is submitted (the awards team
    reopens it first) or the round has closed."""
    now = now or timezone.now()
    sheet = Scoresheet.objects.filter(assignment=assignment).first()
    reason = lock_reason(sheet, assignment.round, now)
    if reason:
        raise ScoresheetLocked(reason)
    if version.nomination_id != assignment.nomination_id:
        raise ScoringError(_("This version is not one of the entry's."))
    given = assignment.nomination_version
    if given is not None and version.number <= given.number:
        return assignment
    with transaction.atomic():
        type(assignment).objects.filter(pk=assignment.pk).update(nomination_version=version)
        if sheet is not None:
            Scoresheet.objects.filter(pk=sheet.pk).update(
                nomination_version=version, version=F("version") + 1, updated_at=now
            )
        log(
            assignment,
            "judging.take_version",
            user=user,
            data={
                "nomination": assignment.nomination_id,
                "from": given.number if given else None,
                "to": version.number,
            },
        )
    assignment.nomination_version = version
    return assignment
