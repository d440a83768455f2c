"""Caching that an editor never has to think about (docs/architecture.md, "Caching").

- `generation.py`: one number that names the current state of everything the public pages show.
  Any change to it (a page published, unpublished, moved or deleted; a setting, a snippet, an
  image, a cycle's dates, published results) moves the number on, and every cached page and
  fragment is then a miss. Apps declare what they show publicly (`shown_publicly`); the number
  moves on after the change is committed.
- `pages.py`: whole pages for visitors who are not signed in, shared between them, for the views
  and page types that say they may be (`shareable`), with conditional GET (a repeat visit is a
  304). Nothing with a session, a CSRF token or a cookie is ever stored.
- `memo.py`: what cannot change within one request (the active locale) is looked up once per
  request instead of once per template tag.
"""
