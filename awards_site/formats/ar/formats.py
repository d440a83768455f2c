"""Arabic dates and times (awards_site/formats/__init__.py): 30 يونيو 2027; 30 يونيو 2027،
23:59 WAT. Month names are Arabic (Django's catalogue); digits stay Western (0-9), the ones
people type in forms and the ones used across North Africa, so a number reads the same in a
form, an email and a PDF. The comma between date and time is the Arabic comma (U+060C)."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y\u060c H:i e"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
