"""The one lookup of the nominator's pages: a person reaches only their own nominations (the
rule is nominations.manage_own_nomination, nominations/rules.py)."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from nominations.models import Nomination


def own_nomination(request, uuid):
    """The request user's nomination, or 404: nobody reaches another person's nomination, nor
    learns whether it exists."""
    nomination = get_object_or_404(
        Nomination.objects.select_related("cycle", "category"), uuid=uuid
    )
    if not request.user.has_perm("nominations.manage_own_nomination", nomination):
        raise Http404
    return nomination
