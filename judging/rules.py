"""Who may do what in judging (docs/permissions.md). The admin's screens otherwise ask Django's
model permissions by name (`judging.add_judgeprofile`, `judging.change_assignment`...;
judging/admin_base.py says which screen needs which); a judge's own entries are a query
(judging/portal/access.py, own_assignments), and what a scoresheet's state allows is
judging/scoring/rules.py."""

import rules

from awards_site.rules import add_personal_perm, django_perm


@rules.predicate
def is_active_judge(user):
    """A person with an active judge profile (the profile is cached on the user, so the page's
    account menu and the portal's views ask the database once)."""
    profile = getattr(user, "judge_profile", None)
    return profile is not None and profile.is_active


# Progress, overdue scoresheets and the dashboard's progress links: anyone with any permission on
# assignments (a "judging administrators" group).
can_follow_progress = (
    django_perm("judging.view_assignment")
    | django_perm("judging.add_assignment")
    | django_perm("judging.change_assignment")
    | django_perm("judging.delete_assignment")
)
# Results decide outcomes, and certificates follow them: whoever may change rounds.
can_manage_results = django_perm("judging.change_round")

add_personal_perm("judging.use_portal", is_active_judge)
rules.add_perm("judging.follow_progress", can_follow_progress)
rules.add_perm("judging.manage_results", can_manage_results)
