"""French dates and times (awards_site/formats/__init__.py): 30 juin 2027; 30 juin 2027 à
23 h 59 WAT (the hour without a leading zero, no-break spaces around the "h", as the French
typographic rules write it); the first of a month as an ordinal, 1er juillet 2027 ("S")."""

DATE_FORMAT = "jS F Y"
DATETIME_FORMAT = "jS F Y \\à G\u00a0\\h\u00a0i e"
TIME_FORMAT = "G\u00a0\\h\u00a0i"
MONTH_DAY_FORMAT = "jS F"
YEAR_MONTH_FORMAT = "F Y"
