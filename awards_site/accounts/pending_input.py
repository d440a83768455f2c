"""What someone typed on a page whose session ended before they sent it, kept for after they
sign in again: one way for every form that must not lose its input (the nomination wizard, the
judges' scoresheet).

When the session has ended (awards_site/accounts/sessions.py logs it out before the view runs), the
view
sees an anonymous POST. It calls `keep` and sends the person to sign in: the posted fields go
into the new session, with the address they were sent to. Signing in keeps the session's data
(Django cycles its key), so when the page is opened again at that address, `take` gives the
input back once, and the page shows it, bound to its form, for the person to check and send.

Only the same address takes it back, and each page looks its object up as the signed-in
user's (another account gets a 404 there), so input never reaches someone else's page. The
CSRF token is not kept: the page shown after signing in has its own.
"""

from django.contrib.auth.views import redirect_to_login
from django.http import QueryDict

SESSION_KEY = "awards_site:pending-input"


def keep(request):
    """Keep the request's posted fields (as lists, without the CSRF token) for its address."""
    request.session[SESSION_KEY] = {
        "path": request.path,
        "data": {
            key: values for key, values in request.POST.lists() if key != "csrfmiddlewaretoken"
        },
    }


def take(request):
    """The input kept for this address ({name: [values]}), removed from the session; None when
    there is none."""
    pending = request.session.get(SESSION_KEY)
    if not pending or pending.get("path") != request.path:
        return None
    del request.session[SESSION_KEY]
    return pending["data"]


def as_query_dict(data):
    """Kept input as a QueryDict, to bind a form with."""
    query = QueryDict(mutable=True)
    for key, values in data.items():
        query.setlist(key, values)
    return query


def sign_in_keeping_input(request):
    """The response to a request without a signed-in user: a POST's input is kept, then the
    log-in page, which comes back to this address."""
    if request.method == "POST":
        keep(request)
    return redirect_to_login(request.get_full_path() if request.method != "POST" else request.path)
