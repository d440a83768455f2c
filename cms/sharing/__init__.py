"""Pages that share well (issue 18): the Open Graph and card tags, canonical and hreflang links
of every page (meta.py), the generated share card of a page without a social image (cards.py),
the share links of campaign pages (links.py), the news feeds (feeds.py) and the schema.org
JSON-LD of events, the program and news (structured.py). docs/editors.md, "Share cards and
feeds", says what editors see of it."""
