"""Dates and times as each language writes them (settings.FORMAT_MODULE_PATH): one format per
language on every page, email and PDF. Templates name the format, never spell it:
`{{ value|date:"DATE_FORMAT" }}` (a day), `{{ value|date:"DATETIME_FORMAT" }}` (a moment, with
the site's time zone), `{{ value|time:"TIME_FORMAT" }}`; Python says
`django.utils.formats.date_format(value, "DATE_FORMAT")`.

    English   30 June 2027      30 June 2027, 23:59 WAT      09:30      1 July 2027
    French    30 juin 2027      30 juin 2027 à 23 h 59 WAT   9 h 30     1er juillet 2027
    Portuguese 30 de junho de 2027  30 de junho de 2027, 23:59 WAT  09:30  1 de julho de 2027
    Arabic    30 يونيو 2027     30 يونيو 2027، 23:59 WAT     09:30      1 يوليو 2027

Arabic keeps Western digits (0-9): the ones people type in forms and read across North Africa;
the month names are Arabic.

Moments carry the time zone's abbreviation (WAT for Africa/Lagos): nominators live in several
African time zones and a deadline must say which one it is in. Machine-readable values (the
datetime attribute of <time>, file names, exports) keep ISO 8601.

French writes the first day of a month as an ordinal, "1er juillet", and every other day as a
cardinal, "2 juillet". Django's "S" (the day's ordinal suffix) only knows English's
st/nd/rd/th, so `install_date_words` (called by the awards_site app when it is ready) makes
"S" answer in the active language: "er" on the first in French, nothing on other days. The
French formats say "jS"; the English ones do not use "S", which keeps its English meaning.

Portuguese writes month names in lower case ("30 de junho"), but Django's Portuguese catalogue
capitalises them ("Junho"): `install_date_words` also makes "F" (the month's name) lower-case
in Portuguese.
"""

from django.utils import dateformat
from django.utils.translation import get_language

ENGLISH_SUFFIX = dateformat.DateFormat.S
DJANGO_MONTH_NAME = dateformat.DateFormat.F


def _language():
    return (get_language() or "").split("-")[0]


def day_suffix(self):
    """The "S" of a date format: the day's ordinal suffix in the active language."""
    if _language() == "fr":
        return "er" if self.data.day == 1 else ""
    return ENGLISH_SUFFIX(self)


def month_name(self):
    """The "F" of a date format: the month's name as the active language writes it."""
    name = DJANGO_MONTH_NAME(self)
    return name.lower() if _language() == "pt" else name


def install_date_words():
    dateformat.DateFormat.S = day_suffix
    dateformat.DateFormat.F = month_name
