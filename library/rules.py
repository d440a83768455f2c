"""Who may do what in the library (docs/permissions.md); rules' autodiscovery imports this
module, which imports each package's rules. Resources are managed with Django's model
permissions on `library.Resource`, which the Editors group holds (cms/editors.py) and
administrators hold as superusers; the downloads report follows them."""

import rules

from awards_site.rules import django_perm
from library.cases import rules as cases_rules  # noqa: F401

can_manage_resources = django_perm("library.change_resource")

rules.add_perm("library.see_download_report", can_manage_resources)
