"""Background work of the case studies, through the django-tasks API (ids in, what is needed
fetched on the worker)."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse

from awards_site import mail
from awards_site.background.retry import retried_task
from awards_site.site_url import absolute_url
from awards_site.vocabularies.roles import group_of
from library.cases.models import CaseStudyPage


def editors():
    """The active editors and administrators with an address."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(groups__name__in=[group_of("editor"), group_of("administrator")])
            | Q(is_superuser=True)
        )
        .exclude(email="")
        .distinct()
    )


@retried_task()
def tell_editors_consent_withdrawn(page_pks):
    """The editors learn which case studies were taken off the site, and why."""
    pages = list(CaseStudyPage.objects.filter(pk__in=page_pks).order_by("path"))
    if not pages:
        return
    rows = [
        {
            "title": page.title,
            "language": page.locale.language_code,
            "edit_url": absolute_url(reverse("wagtailadmin_pages:edit", args=[page.pk])),
        }
        for page in pages
    ]
    for user in editors():
        mail.send_templated(
            "library/cases/email/consent_withdrawn",
            [user.email],
            language=user.language or None,
            pages=rows,
        )
