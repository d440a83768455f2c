"""Caching that an editor never has to think about (docs/architecture.md, "Caching").

- `generation.py`: one number that names the current state of everything the public pages show.
  Any change to it (a page published, unpublished, moved or deleted; a setting, a snippet, an
  image, a cycle's dates, published results) moves the number on, and every cached page and
  fragment is then a miss. Apps declare what they show publicly (`shown_publicly`); the number
  moves on after the change is committed.
- `pages.py`: whole pages for visitors who are not signed in, shared between them, for the views
  and page types that say they may be (`shareable`), with conditional GET (a repeat visit is a
  304). Nothing with a session, a CSRF token or a cookie is ever stored.
- `fragments.py`: parts of pages everyone sees alike (a page's body), kept with Django's
  `{% cache %}` tag under the same number, for signed-in visitors too; never in a preview.
- `memo.py` and `lookups.py`: what every page looks up (the site, the home page of each language,
  the locales, whether any page is restricted, the site settings, the page tree's routes) kept
  in each worker's memory until the number moves on.
"""
