"""French dates and times (awards_site/formats/__init__.py): 30 juin 2027; 30 juin 2027 à
23 h 59 WAT (the hour without a leading zero, no-break spaces around the "h", as the French
typographic rules write it)."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y \\à G\u00a0\\h\u00a0i e"
TIME_FORMAT = "G\u00a0\\h\u00a0i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
