"""Portuguese dates and times (awards_site/formats/__init__.py): 30 de junho de 2027;
30 de junho de 2027, 23:59 WAT (month names in lower case, as Portuguese writes them)."""

DATE_FORMAT = "j \\d\\e F \\d\\e Y"
DATETIME_FORMAT = "j \\d\\e F \\d\\e Y, H:i e"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j \\d\\e F"
YEAR_MONTH_FORMAT = "F \\d\\e Y"
