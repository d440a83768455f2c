"""Who may do what with nominations (docs/permissions.md). Rules about a nomination's state
(may it be sent again, changed, withdrawn) are domain rules in their packages, not here."""

import rules

from awards_site.rules import add_personal_perm, django_perm, is_active, is_authenticated


@rules.predicate
def owns_nomination(user, nomination):
    """The nomination's author: nobody else reaches a nominator's pages of it (superusers
    included; the admin's review screen is their way in)."""
    return nomination is not None and nomination.nominator_id == user.pk


# Their answers, evidence and contact people: every admin screen that shows them outside
# Wagtail's own model permissions (the evidence download, the cycle reports, the dashboard's
# awards overview) asks this.
can_see_nominations = is_active & (
    django_perm("nominations.view_nomination") | django_perm("nominations.change_nomination")
)

rules.add_perm("nominations.see_nominations", can_see_nominations)
add_personal_perm("nominations.manage_own_nomination", is_authenticated & owns_nomination)
