"""Who may do what in cms (docs/permissions.md): the sponsor area, the administrators' full
reports, the editors' translation report. Which reports a sponsor's partner may see is a rule
about the partner (cms/reports/access.py), not about the person."""

import rules
from wagtail.permission_policies.pages import PagePermissionPolicy

from awards_site.rules import add_personal_perm, django_perm, is_active, is_superuser


@rules.predicate
def is_sponsor_member(user):
    """A user of a sponsor organisation (a SponsorMember; cached on the user, so the page's
    account menu and the area's views ask the database once)."""
    return getattr(user, "sponsor_membership", None) is not None


# Whoever may edit or publish some page sees the editors' translation report (of the pages they
# may edit); its view asks Wagtail's page policy for the same actions.
TRANSLATION_REPORT_ACTIONS = ["change", "publish"]


@rules.predicate
def edits_some_page(user):
    """Whoever may edit or publish some page (Wagtail's page permissions, on any page)."""
    return PagePermissionPolicy().user_has_any_permission(user, TRANSLATION_REPORT_ACTIONS)


# The administrators' full reports hold the contact person of every nomination: the same rule as
# the nominations' evidence in the admin.
can_see_full_reports = django_perm("nominations.see_nominations")

add_personal_perm("cms.use_sponsor_area", is_sponsor_member)
rules.add_perm("cms.see_full_reports", can_see_full_reports)
rules.add_perm("cms.see_translation_report", edits_some_page)
# Every page, without asking which (the translation report skips the query of editable pages).
rules.add_perm("cms.edit_every_page", is_active & is_superuser)
