from django import template

from nominations.models import AwardCycle

register = template.Library()


@register.inclusion_tag("cms/includes/nominations_status.html", takes_context=True)
def nominations_status(context):
    """Whether the current cycle takes nominations, with its dates and the way in when open."""
    cycle = AwardCycle.objects.current()
    return {
        "cycle": cycle,
        "state": cycle.state() if cycle else None,
        "request": context.get("request"),
    }
