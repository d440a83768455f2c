"""The models Django loads for the library app: the case studies (cases/models.py)."""

from library.cases.models import CaseStudyIndexPage, CaseStudyPage  # noqa: F401
