"""URLs of the judging app: the judge portal (portal_urls.py) and entrants' feedback
(feedback_urls.py), under one namespace."""

from . import feedback_urls, portal_urls

app_name = "judging"

urlpatterns = [*portal_urls.urlpatterns, *feedback_urls.urlpatterns]
