"""The kinds of certificate: one declaration (KINDS) carrying, for each kind, who receives it and
every word the certificate and the site say of it. The Certificate.kind field's choices, the
CertificateKind enum, the order of kinds in every list, what a round calls for
(planning.py), the PDF (certificate.html) and the nominator's download links all read it.

A new kind is one entry here plus its French translation (docs/architecture.md shows the diff).
A kind awarded for an outcome names that outcome (nominations/statuses.py), and the round that
decided the outcome issues it; the kinds without one are issued once per cycle.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from awards_site.vocabularies.terms import Term, Vocabulary

# Who receives a kind: the entries a round decided an outcome for, every entry taking part in the
# cycle, or every judge who sent a scoresheet in a published round of the cycle.
OUTCOME, ENTRY, JUDGE = "outcome", "entry", "judge"


# What the issuing screen says of each group of recipients.
RECIPIENTS = {
    OUTCOME: _("The entries this round gave that outcome"),
    ENTRY: _("Every eligible nomination of the cycle"),
    JUDGE: _("Everyone with a submitted scoresheet in a published round of the cycle"),
}


@dataclass(frozen=True)
class Kind(Term):
    recipients: str = ENTRY
    # For OUTCOME kinds: the outcome (a decidable nomination status) that earns it.
    outcome: str = ""
    # The certificate's title, copied onto it in every language when it is issued.
    award: Promise | str = ""
    # The line above the recipient's name.
    presented: Promise | str = _("Presented to")
    # The line under it: HTML, with %(category)s (an entry's category) or %(cycle)s (the cycle).
    statement: Promise | str = ""
    # The link on the nominator's page of the entry (judges find theirs in the judging portal).
    download: Promise | str = ""

    @property
    def given_to(self):
        return RECIPIENTS[self.recipients]

    @property
    def per_cycle(self):
        """Issued once per cycle, by whichever round issues first (not by a decision)."""
        return self.recipients != OUTCOME

    def statement_for(self, certificate):
        """The statement of this certificate, its names escaped and set in bold."""
        names = {"category": certificate.category, "cycle": certificate.cycle_name}
        return mark_safe(str(self.statement) % {key: escape(v) for key, v in names.items()})


KINDS = Vocabulary(
    "certificate kind",
    [
        Kind(
            "winner",
            _("Winner"),
            recipients=OUTCOME,
            outcome="winner",
            award=_("Winner"),
            statement=_("for the winning entry in the category <strong>%(category)s</strong>"),
            download=_("Download your winner's certificate"),
        ),
        Kind(
            "finalist",
            _("Finalist"),
            recipients=OUTCOME,
            outcome="finalist",
            award=_("Finalist"),
            statement=_("for reaching the final in the category <strong>%(category)s</strong>"),
            download=_("Download your finalist's certificate"),
        ),
        Kind(
            "merit",
            _("Merit"),
            recipients=OUTCOME,
            outcome="merit",
            award=_("Certificate of merit"),
            statement=_(
                "for an entry of distinction in the category <strong>%(category)s</strong>"
            ),
            download=_("Download your certificate of merit"),
        ),
        Kind(
            "participation",
            _("Participation"),
            recipients=ENTRY,
            award=_("Certificate of participation"),
            statement=_("for taking part in the category <strong>%(category)s</strong>"),
            download=_("Download your certificate of participation"),
        ),
        Kind(
            "judge",
            _("Judge appreciation"),
            recipients=JUDGE,
            award=_("Certificate of appreciation"),
            presented=_("Presented with gratitude to"),
            statement=_("for serving on the judging panel of the <strong>%(cycle)s</strong>"),
        ),
    ],
)


def kind_choices():
    """Certificate.kind's choices (a callable: migrations name it, so it stays)."""
    return KINDS.choices


CertificateKind = KINDS.enum("CertificateKind")

# The order of kinds everywhere (preview, lists, the ZIP): the declaration's.
KIND_ORDER = KINDS.values()
# {outcome: kind} for the kinds a round's decisions earn.
OUTCOME_KINDS = {kind.outcome: kind.value for kind in KINDS.where(recipients=OUTCOME)}
# Per cycle, whichever round issues them; the other kinds belong to the round that decided them.
CYCLE_KINDS = tuple(kind.value for kind in KINDS if kind.per_cycle)
