"""The 54 African states that are members of the United Nations, by ISO 3166-1 alpha-2
code, with names marked for translation. Used by every form that asks for a country
(pledges, co-signatures, nominations)."""

from django.utils.translation import gettext_lazy as _

AFRICAN_COUNTRIES = [
    ("DZ", _("Algeria")),
    ("AO", _("Angola")),
    ("BJ", _("Benin")),
    ("BW", _("Botswana")),
    ("BF", _("Burkina Faso")),
    ("BI", _("Burundi")),
    ("CV", _("Cabo Verde")),
    ("CM", _("Cameroon")),
    ("CF", _("Central African Republic")),
    ("TD", _("Chad")),
    ("KM", _("Comoros")),
    ("CG", _("Congo")),
    ("CD", _("Democratic Republic of the Congo")),
    ("CI", _("Côte d’Ivoire")),
    ("DJ", _("Djibouti")),
    ("EG", _("Egypt")),
    ("GQ", _("Equatorial Guinea")),
    ("ER", _("Eritrea")),
    ("SZ", _("Eswatini")),
    ("ET", _("Ethiopia")),
    ("GA", _("Gabon")),
    ("GM", _("Gambia")),
    ("GH", _("Ghana")),
    ("GN", _("Guinea")),
    ("GW", _("Guinea-Bissau")),
    ("KE", _("Kenya")),
    ("LS", _("Lesotho")),
    ("LR", _("Liberia")),
    ("LY", _("Libya")),
    ("MG", _("Madagascar")),
    ("MW", _("Malawi")),
    ("ML", _("Mali")),
    ("MR", _("Mauritania")),
    ("MU", _("Mauritius")),
    ("MA", _("Morocco")),
    ("MZ", _("Mozambique")),
    ("NA", _("Namibia")),
    ("NE", _("Niger")),
    ("NG", _("Nigeria")),
    ("RW", _("Rwanda")),
    ("ST", _("São Tomé and Príncipe")),
    ("SN", _("Senegal")),
    ("SC", _("Seychelles")),
    ("SL", _("Sierra Leone")),
    ("SO", _("Somalia")),
    ("ZA", _("South Africa")),
    ("SS", _("South Sudan")),
    ("SD", _("Sudan")),
    ("TZ", _("Tanzania")),
    ("TG", _("Togo")),
    ("TN", _("Tunisia")),
    ("UG", _("Uganda")),
    ("ZM", _("Zambia")),
    ("ZW", _("Zimbabwe")),
]

# People outside Africa may sign the pledge or the open letter too.
OUTSIDE_AFRICA = ("XX", _("Outside Africa"))
COUNTRY_CHOICES = [*AFRICAN_COUNTRIES, OUTSIDE_AFRICA]
COUNTRY_NAMES = dict(COUNTRY_CHOICES)


def country_name(code):
    return COUNTRY_NAMES.get(code, code)


def _sort_key(name):
    """Alphabetical in any language: accents do not move a name (Égypte sorts with E)."""
    import unicodedata

    return unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode().casefold()


def country_choices_sorted(blank_label=None):
    """The country choices in the active language's alphabetical order, "outside Africa" last."""
    choices = sorted(AFRICAN_COUNTRIES, key=lambda choice: _sort_key(choice[1]))
    blank = [("", blank_label)] if blank_label else []
    return [*blank, *choices, OUTSIDE_AFRICA]
