"""The models Django loads for the library app, by package (docs/architecture.md): the case
studies (cases/models.py) and the guides and tools (resources/models.py)."""

from library.cases.models import CaseStudyIndexPage, CaseStudyPage  # noqa: F401
from library.resources.models import DownloadDay, Resource  # noqa: F401
