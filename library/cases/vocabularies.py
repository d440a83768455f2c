"""The sectors and CX themes a case study is filed under (awards_site/vocabularies/terms.py).
Nominations keep no list of sectors (an organisation's kind is not its sector), so the library
declares its own. Stored values never change; labels are translated."""

from django.utils.translation import gettext_lazy as _

from awards_site.vocabularies.terms import Term, Vocabulary

SECTORS = Vocabulary(
    "case study sector",
    [
        Term("health", _("Health")),
        Term("education", _("Education")),
        Term("identity", _("Identity and civil registration")),
        Term("tax", _("Tax and revenue")),
        Term("transport", _("Transport and licensing")),
        Term("water_energy", _("Water and energy")),
        Term("local", _("Local government services")),
        Term("justice", _("Justice and policing")),
        Term("social", _("Social protection")),
        Term("business", _("Business and permits")),
        Term("other", _("Other public services")),
    ],
)

# The themes follow the award's categories (nominations/demo.py) so an entry's category suggests
# one; a case study may be filed under another.
THEMES = Vocabulary(
    "case study CX theme",
    [
        Term("omnichannel", _("Omni-channel service")),
        Term("digital", _("Digital public service")),
        Term("feedback", _("Citizen feedback and listening")),
        Term("frontline", _("Frontline service excellence")),
        Term("waiting", _("Shorter waits and fewer visits")),
        Term("complaints", _("Complaints handling")),
        Term("inclusion", _("Inclusion and accessibility")),
    ],
)


def sector_choices():
    return SECTORS.choices


def theme_choices():
    return THEMES.choices
