from django.shortcuts import render
from django.utils.translation import gettext as _


def rate_limited(request, exception=None):
    """Shown when a public form is sent too often from one address (django-ratelimit)."""
    return render(
        request,
        "429.html",
        {
            "message": _(
                "You have sent this form many times in a short while. "
                "Please wait an hour and try again, or write to us by email."
            )
        },
        status=429,
    )
