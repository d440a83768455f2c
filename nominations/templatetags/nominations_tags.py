"""Template tags of the nominator's pages: until when changes are accepted, and the buttons
that send a confirmation again."""

from django import template

from nominations.sending.resend import can_resend_submission, unconfirmed_address
from nominations.wizard.deadlines import after_sending_sentence, changes_sentence, moment

register = template.Library()


@register.simple_tag
def changes_until(nomination):
    """ "You can change this nomination until 30 June 2027 at 23:59 (WAT)." (or "" if not)."""
    return changes_sentence(nomination)


@register.filter
def as_moment(value):
    """A datetime as "30 June 2027, 23:59 WAT" (the language's DATETIME_FORMAT)."""
    return moment(value) if value else ""


@register.simple_tag
def after_sending(nomination):
    return after_sending_sentence(nomination)


@register.inclusion_tag("nominations/includes/email_confirmation_notice.html", takes_context=True)
def email_confirmation_notice(context, inside_form=False):
    """While the account's address is not confirmed: what that blocks, and a button that sends
    the link again. `inside_form`: the button sits in another form (the wizard's) and sends
    itself to the resend address (formaction), as forms cannot be nested."""
    request = context["request"]
    address = unconfirmed_address(request.user) if request.user.is_authenticated else None
    return {"address": address, "inside_form": inside_form, "request": request}


@register.inclusion_tag("nominations/includes/resend_submission.html", takes_context=True)
def resend_submission_form(context, nomination):
    """On a sent nomination's page: send its confirmation, with the reference, again."""
    return {
        "nomination": nomination,
        "can_resend": can_resend_submission(nomination),
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
    }
