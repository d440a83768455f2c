from django import template

from ..deadlines import after_sending_sentence, changes_sentence, moment

register = template.Library()


@register.simple_tag
def changes_until(nomination):
    """ "You can change this nomination until 30 June 2027 at 23:59 (WAT)." (or "" if not)."""
    return changes_sentence(nomination)


@register.filter
def as_moment(value):
    """A datetime as "30 June 2027 at 23:59 (WAT)"."""
    return moment(value) if value else ""


@register.simple_tag
def after_sending(nomination):
    return after_sending_sentence(nomination)
