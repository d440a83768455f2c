"""Scoring rules: a judge's scoresheet for an assignment, saved as a draft and then submitted.

- A submitted scoresheet is locked; an administrator may reopen it (recorded), until the round
  closes. Before the round opens and after it closes nothing changes.
- Saves are optimistic: every save raises the sheet's version, and a save based on an older
  version is refused (`StaleScoresheet`), so two tabs never silently overwrite each other. The
  check is one conditional UPDATE, which the database decides even under concurrency.
- A judge sees the other judges' scores of an entry only when the round's rule allows it.
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from judging.models import (
    CriterionScore,
    Recommendation,
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


def rubric_of(assignment):
    """The rubric the assignment's entry is scored against."""
    return assignment.round.rubric_for(assignment.nomination.category_id)


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
        for criterion_id, (score, comment) in cleaned.items():
            CriterionScore.objects.update_or_create(
                scoresheet=scoresheet,
                criterion_id=criterion_id,
                defaults={"score": score, "comment": comment},
            )
    scoresheet.version = expected_version + 1
    scoresheet.overall_comment = overall_comment
    scoresheet.recommendation = recommendation or ""
    scoresheet.updated_at = now
    scoresheet.nomination_version_id = scoresheet.assignment.nomination_version_id
    return scoresheet


def missing(scoresheet):
    """(criteria without a score, whether the recommendation is missing), from what is saved."""
    rubric = rubric_of(scoresheet.assignment)
    scored = set(
        CriterionScore.objects.filter(scoresheet=scoresheet, score__isnull=False).values_list(
            "criterion_id", flat=True
        )
    )
    criteria = [criterion for criterion in rubric.criteria.all() if criterion.pk not in scored]
    return criteria, not scoresheet.recommendation


def submit(scoresheet, expected_version, user, now=None):
    """Submit a complete scoresheet: it is locked from then on."""
    now = now or timezone.now()
    _check_unlocked(scoresheet, now)
    with transaction.atomic():
        still_this_draft = Scoresheet.objects.select_for_update().filter(
            pk=scoresheet.pk, version=expected_version, status=ScoresheetStatus.DRAFT
        )
        # A save from another tab that landed first makes this submit stale: say so, rather
        # than judge the completeness of a sheet the judge did not see.
        if not still_this_draft.exists():
            _refused(scoresheet, now)
        criteria, no_recommendation = missing(scoresheet)
        if criteria or no_recommendation:
            raise IncompleteScoresheet(criteria, no_recommendation)
        changed = sheet_figures.mark_submitted(
            still_this_draft,
            submitted_at=now,
            updated_at=now,
            version=F("version") + 1,
            nomination_version=scoresheet.assignment.nomination_version_id,
        )
        if not changed:
            _refused(scoresheet, now)
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
