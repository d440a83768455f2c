"""URLs of the judging app: the judge portal (portal_urls.py), entrants' feedback
(feedback_urls.py) and certificates (certificate_urls.py), under one namespace."""

from judging import certificate_urls, feedback_urls, portal_urls

app_name = "judging"

urlpatterns = [
    *portal_urls.urlpatterns,
    *feedback_urls.urlpatterns,
    *certificate_urls.urlpatterns,
]
