"""Reach figures without tracking people (docs/reach.md): page views and conversions counted per
page and day, with the external referrer's domain and the link's utm_campaign and utm_source.
No cookie, no address, no User-Agent kept; bots left out. A view costs no database write: it is
added up in the process's memory, handed to the cache every few seconds (buffer.py) and moved
into the database once a minute (the flush)."""
