"""The models of the judging app, as Django loads them: each package keeps its own
(judging/<package>/models.py); this module gathers them, so `from judging.models import X`
works and the migrations are untouched."""

from judging.assignment.models import Assignment
from judging.certificates.models import (
    CERTIFICATE_LANGUAGES,
    Certificate,
    CertificateBatch,
    CertificateBatchStatus,
    CertificateKind,
    Signatory,
    batch_zip_path,
    certificate_pdf_path,
    private_storage,
)
from judging.panel.models import Conflict, ConflictClearance, JudgeProfile, PanelMembership
from judging.results.models import ModerationNote, Outcome, PublishedResults, RoundDecision
from judging.rounds.models import (
    ENTERING_STATUS_CHOICES,
    CategoryRubric,
    Round,
    RoundKind,
    ScoreVisibility,
)
from judging.rubrics.models import Criterion, Rubric, ScaleLevel, WeightsDoNotAddUp
from judging.scoring.models import CriterionScore, Recommendation, Scoresheet, ScoresheetStatus

__all__ = [
    "Rubric",
    "WeightsDoNotAddUp",
    "Criterion",
    "ScaleLevel",
    "RoundKind",
    "ScoreVisibility",
    "Round",
    "CategoryRubric",
    "ENTERING_STATUS_CHOICES",
    "JudgeProfile",
    "PanelMembership",
    "Conflict",
    "ConflictClearance",
    "Assignment",
    "ScoresheetStatus",
    "Recommendation",
    "Scoresheet",
    "CriterionScore",
    "ModerationNote",
    "Outcome",
    "RoundDecision",
    "PublishedResults",
    "private_storage",
    "Signatory",
    "CertificateKind",
    "CertificateBatchStatus",
    "batch_zip_path",
    "CertificateBatch",
    "certificate_pdf_path",
    "Certificate",
    "CERTIFICATE_LANGUAGES",
]
