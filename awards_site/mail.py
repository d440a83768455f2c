"""The one way the platform sends templated email.

A message is two templates, `<template>_subject.txt` and `<template>_body.txt`, rendered in the
recipient's language with the site's address in the context (links in emails use SITE_URL:
awards_site/site_url.py). Callers are tasks (they run after the commit, on a worker), so a
message never tells of something that was rolled back. Each send is logged without the
addresses (personal data stays out of the logs).

    from awards_site import mail

    mail.send_templated("judging/email/reminder", [user.email], language=user.language, **context)

A message built elsewhere (a campaign email: cms/campaigns/rendering.py) goes through
`send_prepared`, with its HTML part and its headers (List-Unsubscribe).

Where the context itself depends on the language (a link whose path carries /fr/), build it
inside `mail.speaking(language)` and call `send_templated` there without `language`.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, send_mail
from django.template.loader import render_to_string
from django.utils import translation

from awards_site.site_url import site_url

logger = logging.getLogger("awards_site.mail")


def speaking(language):
    """Render (and build links) in `language`, or the site's default language."""
    return translation.override(language or settings.LANGUAGE_CODE)


def render_templated(template, context):
    """The subject (one line) and the body of `template`, in the active language."""
    context = {"site_url": site_url(), **context}
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    body = render_to_string(f"{template}_body.txt", context)
    return subject, body


def send_templated(template, recipients, language=None, **context):
    """Send `template` to `recipients`; in `language` when given, else in the active one."""
    if language is None:
        subject, body = render_templated(template, context)
    else:
        with speaking(language):
            subject, body = render_templated(template, context)
    send_mail(subject, body, None, list(recipients))
    logger.info("mail sent template=%s recipients=%d", template, len(recipients))


def send_prepared(subject, text, recipient, html=None, headers=None):
    """Send one message whose parts are ready: plain text, and HTML as its alternative."""
    message = EmailMultiAlternatives(subject, text, None, [recipient], headers=headers or {})
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
    logger.info("mail sent prepared recipients=1")
