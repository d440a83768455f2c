"""The kinds of conversion the reach figures count, a vocabulary (awards_site/vocabularies/
terms.py). Each app records its own through awards_site/reach/conversions.py,
`record_conversion(request, CONVERSIONS.<KIND>)`; the report has a column per kind, in order."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from awards_site.vocabularies.terms import Term, Vocabulary


@dataclass(frozen=True)
class ConversionKind(Term):
    column: str = ""  # the report's short column heading


KINDS = Vocabulary(
    "conversion",
    [
        ConversionKind(
            "nomination_started", _("Nomination started"), column=_("Nominations started")
        ),
        ConversionKind("nomination_sent", _("Nomination sent"), column=_("Nominations sent")),
        ConversionKind(
            "signed", _("Pledge or open letter signed"), column=_("Pledges and letters signed")
        ),
        ConversionKind("enquiry_sent", _("Enquiry sent"), column=_("Enquiries sent")),
        ConversionKind("subscribed", _("Subscribed"), column=_("Subscriptions")),
    ],
)

# CONVERSIONS.NOMINATION_STARTED == "nomination_started", ... CONVERSIONS.SUBSCRIBED.
CONVERSIONS = KINDS.enum("Conversion")


def conversion_choices():
    return KINDS.choices
