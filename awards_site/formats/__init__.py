"""Dates and times as each language writes them (settings.FORMAT_MODULE_PATH): one format per
language on every page, email and PDF. Templates name the format, never spell it:
`{{ value|date:"DATE_FORMAT" }}` (a day), `{{ value|date:"DATETIME_FORMAT" }}` (a moment, with
the site's time zone), `{{ value|time:"TIME_FORMAT" }}`; Python says
`django.utils.formats.date_format(value, "DATE_FORMAT")`.

    English   30 June 2027      30 June 2027, 23:59 WAT      09:30
    French    30 juin 2027      30 juin 2027 à 23 h 59 WAT   9 h 30

Moments carry the time zone's abbreviation (WAT for Africa/Lagos): nominators live in several
African time zones and a deadline must say which one it is in. Machine-readable values (the
datetime attribute of <time>, file names, exports) keep ISO 8601.
"""
