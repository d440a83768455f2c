"""Who may see nominations in the admin: their answers, evidence and contact people. One
predicate for every screen that shows them (the list and review screen follow Wagtail's model
permissions; the evidence download, the cycle reports and the dashboard's awards overview ask
here)."""


def can_see_nominations(user):
    """Whoever may view or change nominations (superusers may do both)."""
    return user.is_active and (
        user.has_perm("nominations.view_nomination")
        or user.has_perm("nominations.change_nomination")
    )
