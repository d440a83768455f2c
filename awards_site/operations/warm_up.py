"""What every process that serves the site needs, made once when it starts (awards_site/wsgi.py)
instead of by its first requests: the view modules, the URL tables of each language, the
translation catalogues and the template engines with their tag libraries.

gunicorn loads the application before it forks its workers (deploy/gunicorn.conf.py), so this
runs once, in its master: every worker starts with it, including one that replaces another
after GUNICORN_MAX_REQUESTS, and shares its memory with the others. Without it a new worker's
first page took about 240 ms instead of 2 (the URL tables 190 ms, the catalogues 50 ms, the
template engines 20 ms), and visitors who arrived at once behind that page waited up to 600 ms
(bench/README.md).

Nothing here opens a database connection: one opened before the fork would be shared by every
worker."""

from django.conf import settings
from django.template import engines
from django.urls import get_resolver
from django.utils import translation


def prepare_process():
    resolver = get_resolver()
    # Imports every view module: a release with a broken import fails at start.
    resolver.url_patterns  # noqa: B018 (the property does the work)
    for code, _name in settings.LANGUAGES:
        # Loads the language's catalogues, then builds its table of URL names (each language
        # has its own: the public pages are under /fr/, /pt/, /ar/).
        with translation.override(code):
            resolver.reverse_dict  # noqa: B018 (the property does the work)
    # The template engines, each with every app's template tag libraries imported.
    engines.all()
