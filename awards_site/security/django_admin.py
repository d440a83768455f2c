"""The Django admin (/django-admin/) for superusers only, with nothing that Wagtail's admin or
the site's account pages already do (docs/security.md, "Side paths for staff").

What stays there is what only an operator needs: task results of the background worker,
authenticators and user sessions (to look at; `manage.py reset_mfa` is the way to reset one).
Editors are staff but do their work in the Wagtail admin; before, any staff user reached
/django-admin/ and the views that check no more than staff (django-taggit's tag merge).

Closed or moved (awards_site/admin.py, awards_site/urls.py):
- the log-in, log-out and password change pages go to the site's own (rate limits, two-step
  verification, re-authentication and the security log apply there);
- groups (Wagtail's Settings ▸ Groups), tags (merged or renamed nowhere: Wagtail edits them on
  images and documents) and email addresses (confirmed only by their owner's code: a "mark as
  verified" action would skip that) are not registered.
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig


class SuperuserAdminSite(admin.AdminSite):
    site_header = "CX Awards – operator console"

    def has_permission(self, request):
        return request.user.has_perm("awards_site.use_django_admin")


class SuperuserAdminConfig(AdminConfig):
    default_site = "awards_site.security.django_admin.SuperuserAdminSite"
