"""The access-control matrix: who gets what at every URL of the project (issue 6, "Trust").
test_access_matrix.py requests each URL as each role and compares with the table; the top of
that module says how to add a row. The table, by area:

    outcomes.py       the words of the table (OK, LOG, ADM, ...) and how a response reads in them
    site_pages.py     the site's own pages: nominations, judging, the sponsor area
    admin_screens.py  the project's admin screens, viewsets, snippets and choosers
    project_urls.py   the two put together (MATRIX), and what a POST gets (POSTS)
    ids.py            which object each URL parameter names
    third_party.py    third-party URLs, by family (GROUPS)
    admin_actions.py  every Wagtail bulk action and Django admin action (ACTIONS)

Columns (world.py builds them on the demo data; endpoints.py reads the URLs):

    anon   anonymous visitor
    A      nominator A: owns the nominations, the evidence, the consent and the certificate
    B      nominator B: another nominator
    judge  a judge assigned to A's entry, with a scoresheet
    other  a judge on the same panel, not assigned to it
    confl  a judge assigned to it who declared a conflict with it (asks for their own
           assignment, which the conflict hides)
    spons  the sponsor of the cycle (supports all of CX26, one category of CX27)
    other  the sponsor of another partner (one other category of CX27)
    staff  agency staff of the demo service point's agency (the citizen feedback platform)
    ostaf  agency staff of another agency in the same country
    edit   the editor: Wagtail admin access, page permissions, no permission on awards data
    admin  the administrator (superuser)
"""
