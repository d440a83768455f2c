"""English dates and times (awards_site/formats/__init__.py): 30 June 2027; 30 June 2027,
23:59 WAT."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i e"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
