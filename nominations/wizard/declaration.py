"""The declaration a nominator confirms. Its version is stored with each acceptance, so a later
change of wording never rewrites what somebody agreed to."""

from django.utils.translation import gettext_lazy as _

DECLARATION_VERSION = "2026-11"

DECLARATION_POINTS = [
    _("The information in this nomination is true and complete to the best of my knowledge."),
    _("I may share it, and the evidence attached, with the program and its judges."),
    _("The nominated organisation knows about this nomination, or will be told of it."),
    _("The program may contact the contact person named in this nomination."),
    _(
        "The program stores these details to run the awards, as its privacy notice explains, "
        "and may publish the organisation’s name, the initiative and its results if it is "
        "shortlisted or wins."
    ),
]
