"""The project's URLs, as each role: every one of them is a row of MATRIX (what a GET gets),
and of POSTS where a POST gets something else."""

from tests.site.security.access_matrix.admin_screens import ADMIN_SCREENS
from tests.site.security.access_matrix.outcomes import ALLOWED, OUTCOMES, section
from tests.site.security.access_matrix.site_pages import SITE_PAGES

MATRIX = {**SITE_PAGES, **ADMIN_SCREENS}

# fmt: off
# What a POST gets, where it differs from a GET (views that take only POST, or where a GET is
# open to all but a POST is not). Everyone refused is also checked to have changed nothing.
POSTS = {
    **section("nominations:", {
        #                            anon  A     B     judge other confl spons other staff ostaf edit  admin
        # Anyone may read how to nominate; starting a nomination needs an account.
        "start":                    "LOG   -     -     -     -     -     -     -     -     -     -     -",
        # Each person asks for a new link to their own address.
        "resend_verification":      "LOG   -     -     -     -     -     -     -     -     -     -     -",
        # The owner asks for their nomination's confirmation again; nobody else finds it.
        "resend_submission":        "LOG   -     404   404   404   404   404   404   404   404   404   404",
    }, allowed=OUTCOMES | {ALLOWED}),
    # A held answer's review: its agency's staff and the administrators.
    **section("feedback:", {
        #                            anon  A     B     judge other confl spons other staff ostaf edit  admin
        "held_answer":              "LOG   404   404   404   404   404   404   404   -     404   404   -",
    }, allowed=OUTCOMES | {ALLOWED}),
    **section("", {
        #                            anon  A     B     judge other confl spons other staff ostaf edit  admin
        "judging_results_shortlist":"ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   A403  -",
        "judging_results_decide":   "ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   A403  -",
        "judging_rounds:remind":    "ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   A403  -",
        "judging_conflicts:clear":  "ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   A403  -",
        "library_make_case_study":  "ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   -     -",
    }, allowed=OUTCOMES | {ALLOWED}),
    # Signing the open letter or the pledge: anyone (an empty form comes back with its errors).
    **section("", {
        #                            anon  A     B     judge other confl spons other staff ostaf edit  admin
        "sign":                     "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
    }, allowed=OUTCOMES | {ALLOWED}),
    # The SMS webhook: a gateway's secret, not an account, lets a message in.
    **section("feedback:", {
        #                            anon  A     B     judge other confl spons other staff ostaf edit  admin
        "sms":                      "403   403   403   403   403   403   403   403   403   403   403   403",
    }),
}
# fmt: on
