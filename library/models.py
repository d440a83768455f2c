"""The library's models, by package (docs/architecture.md)."""

from library.resources.models import DownloadDay, Resource  # noqa: F401
