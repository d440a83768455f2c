"""Who may do what in the library (docs/permissions.md). Resources are managed with Django's
model permissions on `library.Resource`, which the Editors group holds (cms/editors.py) and
administrators hold as superusers; the downloads report follows them."""

import rules

from awards_site.rules import django_perm

can_manage_resources = django_perm("library.change_resource")

rules.add_perm("library.see_download_report", can_manage_resources)
