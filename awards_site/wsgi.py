import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "awards_site.settings.production")
application = get_wsgi_application()

# Refuse to serve with a SITE_URL nobody else can reach (awards_site/checks.py).
from awards_site.checks import refuse_to_start_on_errors  # noqa: E402

refuse_to_start_on_errors()

# What each request needs is made now, once, not by the first requests of each worker
# (awards_site/operations/warm_up.py).
from awards_site.operations.warm_up import prepare_process  # noqa: E402

prepare_process()
