"""How the site's own pages answer each role: the site's log-in and log-out addresses, the
nominations of nominator A, the judge portal, the sponsor area."""

from tests.site.security.access_matrix.outcomes import section

# fmt: off
SITE_PAGES = {
    # The site ------------------------------------------------------------------------------
    **section("", {
        #                            anon  A     B     judge other confl spons other staff ostaf edit  admin
        "search":                   "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        # The proxy's probe: the state of each service, nothing secret (awards_site/operations/).
        "health":                   "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        # Every page of the page tree (the home page as the sample; cms/pages/routing.py).
        "page":                     "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        # Wagtail's log-in for private pages, the admins' log-ins: all go to the site's log-in
        # (signed in: on to where they were going, or home).
        "site_login_redirect":      "LOG   LOG   LOG   LOG   LOG   LOG   LOG   LOG   LOG   LOG   LOG   LOG",
        "admin_login_redirect":     "LOG   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX",
        "django_admin_login_redirect":
                                    "LOG   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX",
        # The admins' log-outs: a GET goes to the site's sign-out page, which asks first
        # (tests/site/security/test_attack_staff_paths.py: a GET changes nothing, a POST signs
        # out).
        "admin_logout":             "3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX",
        "django_admin_logout":      "3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX",
        # The Django admin's password change: to Account security's.
        "django_admin_password_change":
                                    "3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX",
        "django_admin_password_change_done":
                                    "3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX",
        # A signature's confirmation link: for whoever holds it (it came in their email).
        "signature_confirm":        "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        # The open letter's and the pledge's form: POST only, by anyone (POSTS).
        "sign":                     "405   405   405   405   405   405   405   405   405   405   405   405",
        # The news by email (cms/campaigns/): the form, and the emailed links, for whoever
        # holds them (the unsubscribe page asks before it unsubscribes).
        "subscribe":                "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        "subscription_confirm":     "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        "unsubscribe":              "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        # Sharing (cms/sharing/): a public page's share card, the news feeds of each language.
        "share_card":               "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        "news_feed_atom":           "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        "news_feed_rss":            "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
    }),
    # Nominations: A's 2027 nomination, still open to changes -------------------------------
    **section("nominations:", {
        #                            anon  A     B     judge other confl spons other staff ostaf edit  admin
        "start":                    "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        # The wizard's own address sends the owner on to the first step.
        "wizard":                   "LOG   3XX   404   404   404   404   404   404   404   404   404   404",
        "step":                     "LOG   OK    404   404   404   404   404   404   404   404   404   404",
        "my_nominations":           "LOG   OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        "detail":                   "LOG   OK    404   404   404   404   404   404   404   404   404   404",
        "submitted":                "LOG   OK    404   404   404   404   404   404   404   404   404   404",
        "withdraw":                 "LOG   OK    404   404   404   404   404   404   404   404   404   404",
        "pdf":                      "LOG   OK    404   404   404   404   404   404   404   404   404   404",
        "evidence":                 "LOG   OK    404   404   404   404   404   404   404   404   404   404",
        # POST only (see POSTS).
        "resend_verification":      "405   405   405   405   405   405   405   405   405   405   405   405",
        "resend_submission":        "405   405   405   405   405   405   405   405   405   405   405   405",
        "my_data":                  "LOG   OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        "my_data_download":         "LOG   OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        # B has already asked for deletion (world.py): sent back to "My data".
        "request_deletion":         "LOG   OK    3XX   OK    OK    OK    OK    OK    OK    OK    OK    OK",
        "withdraw_consent":         "LOG   OK    404   404   404   404   404   404   404   404   404   404",
        # Withdrawing consent to a case study: A gave none, so sent back to the nomination.
        "withdraw_case_study_consent":
                                    "LOG   3XX   404   404   404   404   404   404   404   404   404   404",
    }),
    # Judging: A's 2027 entry in the open screening round, A's 2026 nomination's feedback and
    # certificate, the assigned judge's own certificate ----------------------------------------
    **section("judging:", {
        #                            anon  A     B     judge other confl spons other staff ostaf edit  admin
        "dashboard":                "LOG   404   404   OK    OK    OK    404   404   404   404   404   404",
        "conflicts":                "LOG   404   404   OK    OK    OK    404   404   404   404   404   404",
        "entry":                    "LOG   404   404   OK    404   404   404   404   404   404   404   404",
        "conflict_check":           "LOG   404   404   OK    404   404   404   404   404   404   404   404",
        # The judge's scoresheet is already sent: back to the entry.
        "submit":                   "LOG   404   404   3XX   404   404   404   404   404   404   404   404",
        "evidence":                 "LOG   404   404   OK    404   404   404   404   404   404   404   404",
        "pdf":                      "LOG   404   404   OK    404   404   404   404   404   404   404   404",
        "feedback":                 "LOG   OK    404   404   404   404   404   404   404   404   404   404",
        # Public by design: what a certificate says, for whoever holds its code.
        "certificate_verify_form":  "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        "certificate_verify":       "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        "nomination_certificate":   "LOG   OK    404   404   404   404   404   404   404   404   404   404",
        "judge_certificate":        "LOG   404   404   OK    404   404   404   404   404   404   404   404",
    }),
    # The citizen feedback platform: a demo service point's form, thank-you and results, public
    # by design (no account; nothing personal shown) ------------------------------------------
    **section("feedback:", {
        #                            anon  A     B     judge other confl spons other staff ostaf edit  admin
        "form":                     "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        "thanks":                   "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        "results":                  "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        # The agency staff portal (feedback/staff/): the point's agency's staff and the
        # administrators (every agency); another agency's staff are sent on from the list of
        # their agencies to their own dashboard, and get 404 at this one.
        # Editors moderate every agency's comments (and see nothing else of an agency).
        # Nominator A is also staff of Huduma Kenya (the demo's measured results; another agency
        # than the point's): sent on to that dashboard.
        "manage":                   "LOG   3XX   404   404   404   404   404   404   3XX   3XX   OK    OK",
        "dashboard":                "LOG   404   404   404   404   404   404   404   OK    404   404   OK",
        "figures_csv":              "LOG   404   404   404   404   404   404   404   OK    404   404   OK",
        "figures_xlsx":             "LOG   404   404   404   404   404   404   404   OK    404   404   OK",
        "point_add":                "LOG   404   404   404   404   404   404   404   OK    404   404   OK",
        "point_edit":               "LOG   404   404   404   404   404   404   404   OK    404   404   OK",
        "comments":                 "LOG   404   404   404   404   404   404   404   OK    404   OK    OK",
        "comment":                  "LOG   404   404   404   404   404   404   404   OK    404   OK    OK",
        "held":                     "LOG   404   404   404   404   404   404   404   OK    404   404   OK",
        # POST only (see POSTS).
        "held_answer":              "405   405   405   405   405   405   405   405   405   405   405   405",
        # Public figures and open data (feedback/public/): roll-ups and published comments only.
        "index":                    "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        "country":                  "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        "agency":                   "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        "open_data":                "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        "open_data_csv":            "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        # Posters (feedback/posters/): the point's agency staff and administrators only.
        "poster_a4":                "LOG   404   404   404   404   404   404   404   OK    404   404   OK",
        "card_a6":                  "LOG   404   404   404   404   404   404   404   OK    404   404   OK",
        # The SMS webhook (feedback/sms/) takes only a gateway's POST (POSTS: 403 without
        # the secret).
        "sms":                      "405   405   405   405   405   405   405   405   405   405   405   405",
    }),
    # The feedback platform's read-only open-data API (docs/open-data.md): public by design.
    **section("feedback_api:", {
        #                            anon  A     B     judge other confl spons other staff ostaf edit  admin
        "monthly":                  "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        "agencies":                 "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        "countries":                "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
    }),
    # The guides and tools library (library/resources/): public by design; a download counts
    # (nothing about the person) and goes on to the resource's own document or link.
    **section("resources:", {
        #                            anon  A     B     judge other confl spons other staff ostaf edit  admin
        "index":                    "OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK",
        "download":                 "3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX   3XX",
    }),
    # The sponsor area: the whole of CX26, and CX27's "Digital public service" ----------------
    **section("sponsors:", {
        #                            anon  A     B     judge other confl spons other staff ostaf edit  admin
        "index":                    "LOG   404   404   404   404   404   OK    OK    404   404   404   404",
        "workbook":                 "LOG   404   404   404   404   404   OK    404   404   404   404   404",
        "summary":                  "LOG   404   404   404   404   404   OK    404   404   404   404   404",
    }),
}
# fmt: on
