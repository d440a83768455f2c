"""What the Django admin does not offer (awards_site/security/django_admin.py says why): groups,
tags and
email addresses. Their packages register them first, so they are imported here before being
unregistered (INSTALLED_APPS lists this app before them)."""

from allauth.account import admin as _allauth_account_admin  # noqa: F401 (registers)
from allauth.account.models import EmailAddress
from django.contrib import admin
from django.contrib.auth import admin as _auth_admin  # noqa: F401 (registers)
from django.contrib.auth.models import Group
from taggit import admin as _taggit_admin  # noqa: F401 (registers)
from taggit.models import Tag

for model in (Group, Tag, EmailAddress):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
