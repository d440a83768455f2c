"""The statuses of a nomination, judging's outcomes among them: one declaration (STATUSES), from
which the status field's choices, the NominationStatus and Outcome enums and every group of
statuses the code asks about are derived (awards_site/vocabularies/terms.py).

A nomination moves draft -> submitted -> eligible or not eligible (the review), and an eligible
one gets judging's outcome when a round's results are published (judging/results/decisions.py):
an outcome a round decided, or "not placed". A new outcome is one entry here (with
`decidable=True`, and a `placing` if the winners page shows it), plus its French translation;
an outcome that earns a certificate adds a kind in judging/certificates/kinds.py.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise, lazy
from django.utils.translation import gettext_lazy as _

from awards_site.vocabularies.terms import Term, Vocabulary


@dataclass(frozen=True)
class Status(Term):
    # Sent to the program (not a draft, not withdrawn).
    sent: bool = True
    # Out of judging whatever else is true of it: not sent, or found ineligible. Never in a
    # round's results (a submitted entry not yet reviewed may be, once assigned).
    out_of_judging: bool = False
    # Taking part: found eligible, and any status judging gives after that. Such entries earn a
    # certificate of participation.
    entered: bool = False
    # The nominator may still change the entry (until the cycle's cut-off).
    changeable: bool = False
    # Judging has settled it: an outcome, or "not placed". The review no longer changes it.
    judged: bool = False
    # A round may decide it for an entry (judging's RoundDecision.outcome).
    decidable: bool = False
    # Its place on the winners page (1 first), with the heading of its group there.
    placing: int | None = None
    plural: Promise | str = ""
    # What the results email tells the nominator, with %(reference)s for the entry's reference.
    announcement: Promise | str = ""

    def announcement_for(self, reference):
        """The announcement for this entry, translated when it is read (an email renders it in
        its recipient's language)."""
        return lazy(lambda: str(self.announcement) % {"reference": reference}, str)()


STATUSES = Vocabulary(
    "nomination status",
    [
        Status("draft", _("Draft"), sent=False, out_of_judging=True, changeable=True),
        Status("submitted", _("Submitted"), changeable=True),
        Status("withdrawn", _("Withdrawn"), sent=False, out_of_judging=True),
        Status("eligible", _("Eligible"), entered=True, changeable=True),
        Status("ineligible", _("Not eligible"), out_of_judging=True),
        Status(
            "shortlisted",
            _("Shortlisted"),
            entered=True,
            judged=True,
            decidable=True,
            announcement=_(
                "Good news: nomination %(reference)s is on the shortlist and goes forward to the "
                "next round of judging."
            ),
        ),
        Status(
            "finalist",
            _("Finalist"),
            entered=True,
            judged=True,
            decidable=True,
            placing=3,
            plural=_("Finalists"),
            announcement=_("Good news: nomination %(reference)s is a finalist."),
        ),
        Status(
            "merit",
            _("Certificate of merit"),
            entered=True,
            judged=True,
            decidable=True,
            placing=2,
            plural=_("Certificates of merit"),
            announcement=_("Good news: nomination %(reference)s receives a certificate of merit."),
        ),
        Status(
            "winner",
            _("Winner"),
            entered=True,
            judged=True,
            decidable=True,
            placing=1,
            plural=_("Winners"),
            announcement=_("Congratulations: nomination %(reference)s is a winner."),
        ),
        # An eligible entry that got no outcome when its round's results were published.
        Status(
            "not_placed",
            _("Not placed"),
            entered=True,
            judged=True,
            announcement=_(
                "Nomination %(reference)s was not selected this time. Thank you for taking part."
            ),
        ),
    ],
)


def status_choices():
    """The status field's choices (a callable: migrations name it, so it stays)."""
    return STATUSES.choices


def outcome_choices():
    """The outcomes a round may decide (RoundDecision.outcome's choices; migrations name it)."""
    return [(term.value, term.label) for term in STATUSES.where(decidable=True)]


def counted(nominations):
    """[(status, label, count)] of these nominations, in the vocabulary's order, leaving out the
    statuses none has. One query."""
    counts = dict(nominations.order_by().values_list("status").annotate(n=models.Count("pk")))
    return [
        (term.value, term.label, counts[term.value]) for term in STATUSES if term.value in counts
    ]


NominationStatus = STATUSES.enum("NominationStatus")

# The winners page's places, in the order it shows them within a category.
PLACINGS = tuple(
    term.value
    for term in sorted(STATUSES.where(judged=True), key=lambda t: t.placing or 0)
    if term.placing
)
# Statuses in which the nominator may still change the nomination (until the cut-off,
# Nomination.changes_close_at): "Eligible" does not lock an entry.
CHANGEABLE_STATUSES = STATUSES.values(changeable=True)
# Sent and being read: what a nominator may change and "Send changes".
SENT_CHANGEABLE_STATUSES = STATUSES.values(changeable=True, sent=True)
