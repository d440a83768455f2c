"""Who may see nominations in the admin: their answers, evidence and contact people. One
predicate for every screen that shows them (the list and review screen follow Wagtail's model
permissions; the evidence download, the cycle reports and the dashboard's awards overview ask
here); and the one rule of the nominator's pages: a person reaches only their own nominations."""

from django.shortcuts import get_object_or_404

from nominations.models import Nomination


def can_see_nominations(user):
    """Whoever may view or change nominations (superusers may do both)."""
    return user.is_active and (
        user.has_perm("nominations.view_nomination")
        or user.has_perm("nominations.change_nomination")
    )


def own_nomination(request, uuid):
    """The request user's nomination, or 404: nobody reaches another person's nomination."""
    return get_object_or_404(
        Nomination.objects.select_related("cycle", "category"), uuid=uuid, nominator=request.user
    )
