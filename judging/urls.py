"""URLs of the judging app: the judge portal (judging/portal/urls.py), entrants' feedback
(judging/results/feedback_urls.py) and certificates (judging/certificates/urls.py), under one
namespace."""

from judging.certificates import urls as certificate_urls
from judging.portal import urls as portal_urls
from judging.results import feedback_urls

app_name = "judging"

urlpatterns = [
    *portal_urls.urlpatterns,
    *feedback_urls.urlpatterns,
    *certificate_urls.urlpatterns,
]
