"""How the project's admin screens answer each role: the reports, results and certificates
screens, the awards and judging viewsets, the users screens, the snippets and their choosers."""

from tests.site.security.access_matrix.outcomes import screens

# Model viewsets: Wagtail's generic screens, one URL name each (plus a viewset's own extras).
VIEWSET = ["index", "index_results", "add", "edit", "delete", "history", "history_results"]
VIEWSET += ["usage"]
SNIPPETS = ["list", "list_results", "add", "edit", "delete", "usage", "history"]
SNIPPETS += ["history_results"]
CHOOSER = ["choose", "choose_results", "chosen", "chosen_multiple", "create"]

# fmt: off
# How the project's admin screens answer: nobody without admin access gets in (ADM).
#                  anon  A     B     judge other confl spons other staff ostaf edit  admin
ADMINS_ONLY =     "ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   A403  OK"
# The model's permission policy allows this action to nobody, administrators included.
NOBODY =          "ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   A403  A403"
# POST only (see POSTS).
ADMINS_POST =     "ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   A403  405"
# Any admin user: choosers of public names (the editor picks them in other screens).
ANY_ADMIN_USER =  "ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   OK    OK"
# The editors' work (cms/editors.py): partners, the report of translations to update.
EDITORS =         "ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   OK    OK"
# fmt: on

# fmt: off
ADMIN_SCREENS = {
    # The project's admin screens: reports, results, certificates, evidence ----------------
    **screens("", [
        "cms_reports_index", "cms_reports_workbook", "cms_reports_summary",
        "nominations_admin_evidence",
        "judging_results_index", "judging_results", "judging_results_publish",
        "judging_results_entry", "judging_results_export",
        "judging_certificates", "judging_certificates_issue", "judging_certificates_batch",
        "judging_certificates_batch_zip", "judging_certificates_pdf",
        "judging_certificates_revoke", "judging_certificates_reissue",
    ], ADMINS_ONLY,
        judging_results_shortlist=ADMINS_POST,
        judging_results_decide=ADMINS_POST,
    ),
    # The editors' report of translations to update (cms/translations/report.py) ------------
    **screens("", ["cms_translation_report", "cms_translation_report_results"], EDITORS),
    # Translations awaiting a native speaker's review, and marking a page reviewed (its
    # confirmation; cms/translations/review.py) ----------------------------------------------
    **screens(
        "",
        [
            "cms_translation_review_report",
            "cms_translation_review_report_results",
            "cms_translation_mark_reviewed",
        ],
        EDITORS,
    ),
    # The case study candidates and the action making one (library.make_case_study: editors
    # and administrators; the action takes only POST, see POSTS) -----------------------------
    **screens("", ["library_case_candidates"], EDITORS,
              library_make_case_study="ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   405   405"),
    # The guides and tools library's downloads report (library/resources/report.py) ----------
    **screens("", ["library_downloads_report", "library_downloads_report_results"], EDITORS),
    # Campaign emails: the send screen, for whoever may publish the page; the news
    # subscribers, which only the people themselves add or change (cms/campaigns/) ----------
    **screens("", ["cms_campaign_send"], EDITORS),
    **screens("news_subscribers:", [*VIEWSET, "inspect"], EDITORS,
              add=NOBODY, edit=NOBODY, usage=NOBODY),
    # The campaign reach report (awards_site/reach/report.py): editors and administrators ----
    **screens("", ["reach_report", "reach_report_results"], EDITORS),
    # Awards viewsets (nominations/wagtail_hooks.py) -----------------------------------------
    # Nominations come from the nomination form; deletion requests from the person, and are
    # never deleted (the record of the erasure).
    # The review screen is the inspect view; the edit address leads there (3XX).
    **screens("nomination:", [*VIEWSET, "inspect"], ADMINS_ONLY, add=NOBODY,
              edit="ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   ADM   A403  3XX"),
    **screens("awardcycle:", VIEWSET, ADMINS_ONLY),
    **screens("category:", [*VIEWSET, "copy"], ADMINS_ONLY),
    **screens("deletion_requests:", [*VIEWSET, "inspect"], ADMINS_ONLY,
              add=NOBODY, delete=NOBODY),
    # Judging viewsets (judging/*/admin_views.py) ------------------------------------------
    **screens("judging_rubrics:", [*VIEWSET, "copy"], ADMINS_ONLY),
    **screens("judging_rounds:", [*VIEWSET, "assign", "progress"], ADMINS_ONLY,
              remind=ADMINS_POST),
    **screens("judging_judges:", VIEWSET, ADMINS_ONLY),
    **screens("judging_conflicts:", ["index"], ADMINS_ONLY, clear=ADMINS_POST),
    **screens("judging_assignments:", VIEWSET, ADMINS_ONLY),
    **screens("judging_overdue:", ["index"], ADMINS_ONLY),
    # The citizen feedback platform's viewsets (feedback/admin_views.py) ---------------------
    **screens("feedback_agencies:", VIEWSET, ADMINS_ONLY),
    **screens("feedback_points:", VIEWSET, ADMINS_ONLY),
    **screens("feedback_sms_gateways:", VIEWSET, ADMINS_ONLY),
    # Failed background tasks (awards_site/background/failed_admin.py): read and dismissed, never
    # added or edited ("usage" goes with editing).
    **screens("failed_tasks:", [*VIEWSET, "inspect"], ADMINS_ONLY,
              add=NOBODY, edit=NOBODY, usage=NOBODY),
    # Users (the project's user model, in Wagtail's users screens) --------------------------
    **screens("wagtailusers_users:", [*VIEWSET, "copy"], ADMINS_ONLY),
    # Snippets (cms/wagtail_hooks.py, judging/certificates/admin.py) ------------------------
    # Editors add and change partners (not what they sponsor, a field they do not get); deleting
    # one ends its sponsor users' access: administrators only.
    **screens("wagtailsnippets_cms_partner:", [*SNIPPETS, "copy"], EDITORS, delete=ADMINS_ONLY),
    **screens("wagtailsnippets_cms_sponsormember:", SNIPPETS, ADMINS_ONLY),
    **screens("wagtailsnippets_cms_openlettersignature:", [*SNIPPETS, "copy"], ADMINS_ONLY),
    **screens("wagtailsnippets_cms_pledgesignature:", [*SNIPPETS, "copy"], ADMINS_ONLY),
    **screens("wagtailsnippets_judging_signatory:", [*SNIPPETS, "copy"], ADMINS_ONLY),
    # The guides and tools library (library/resources/admin.py): editors manage resources.
    **screens("wagtailsnippets_library_resource:", [*SNIPPETS, "copy"], EDITORS),
    # Choosers: partners and signatories are public names that any admin user may pick (adding
    # one from the chooser needs the "add" permission); sponsor users and signatures are
    # personal data, for users with a permission on them only (PersonalDataChooserViewSet).
    # Partners are added on their own screen: the chooser's "create" address, which Wagtail
    # registers without a form for it, is refused (it failed with a server error).
    **screens("wagtailsnippetchoosers_cms_partner:", CHOOSER, ANY_ADMIN_USER, create=NOBODY),
    **screens("wagtailsnippetchoosers_judging_signatory:", CHOOSER, ANY_ADMIN_USER,
              create=ADMINS_ONLY),
    **screens("wagtailsnippetchoosers_cms_sponsormember:", CHOOSER, ADMINS_ONLY),
    **screens("wagtailsnippetchoosers_cms_openlettersignature:", CHOOSER, ADMINS_ONLY),
    **screens("wagtailsnippetchoosers_cms_pledgesignature:", CHOOSER, ADMINS_ONLY),
    # Resources are public: any admin user may pick one; adding one needs the permission.
    **screens("wagtailsnippetchoosers_library_resource:", CHOOSER, ANY_ADMIN_USER),
}
# fmt: on
