"""The awards overview on the Wagtail admin's dashboard (the `construct_homepage_panels` hook):
the numbers of judging/results/overview.py, each with a link into the admin list it counts
(filtered), for users who may see nominations (nominations.see_nominations, nominations/rules.py).
A link is shown only where the user may open its screen; the number is shown either way."""

from urllib.parse import urlencode

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component

from judging.results.overview import awards_overview


def _nominations_url(**filters):
    return f"{reverse('nomination:index')}?{urlencode(filters)}"


class AwardsOverviewPanel(Component):
    name = "awards_overview"
    template_name = "judging/admin/overview_panel.html"
    order = 50  # first on the dashboard, above Wagtail's own panels

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        overview = awards_overview()
        if overview is None:
            return {"overview": None}
        cycle = overview.cycle.pk
        progress = self.user.has_perm("judging.follow_progress")
        certificates = self.user.has_perm("judging.manage_results")
        return {
            "overview": overview,
            "cycle_url": _nominations_url(cycle=cycle),
            "statuses": [
                (line, _nominations_url(cycle=cycle, status=line.key))
                for line in overview.by_status
            ],
            "categories": [
                (line, _nominations_url(cycle=cycle, category=line.key))
                for line in overview.by_category
            ],
            "rounds": [
                (
                    item,
                    reverse("judging_rounds:progress", args=[item.round.pk]) if progress else None,
                )
                for item in overview.rounds
            ],
            "certificates_url": (
                f"{reverse('judging_certificates')}?{urlencode({'cycle': cycle, 'state': 'valid'})}"
                if certificates
                else None
            ),
        }


@hooks.register("construct_homepage_panels")
def add_awards_overview(request, panels):
    if request.user.has_perm("nominations.see_nominations"):
        panels.append(AwardsOverviewPanel(request.user))
