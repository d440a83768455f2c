"""Whether nominations are open, from the dates an administrator set."""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone


@dataclass(frozen=True)
class AwardsState:
    state: str  # "not_open_yet", "open" or "closed"
    opens_at: datetime | None = None
    closes_at: datetime | None = None

    @property
    def is_open(self):
        return self.state == "open"


def awards_state(enabled, opens_at, closes_at, now=None):
    now = now or timezone.now()
    if opens_at and now < opens_at:
        return AwardsState("not_open_yet", opens_at, closes_at)
    if not enabled or (closes_at and now >= closes_at):
        return AwardsState("closed", opens_at, closes_at)
    return AwardsState("open", opens_at, closes_at)
