from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for action, label, message in [
        ("judging.assign_run", _("Assignment run"), _("Judges assigned by an assignment run")),
        ("judging.assign", _("Assign judge"), _("Judge assigned by hand")),
        ("judging.unassign", _("Remove judge"), _("Judge's assignment removed")),
        ("judging.conflict", _("Conflict declared"), _("Conflict of interest declared")),
        ("judging.clear_conflict", _("Conflict cleared"), _("Likely conflict cleared")),
        ("judging.submit", _("Scoresheet submitted"), _("Scoresheet submitted")),
        ("judging.reopen", _("Scoresheet reopened"), _("Scoresheet reopened")),
        (
            "judging.take_version",
            _("Newer version taken"),
            _("Judge moved to a newer version of the entry"),
        ),
        ("judging.decision", _("Judging decision"), _("Outcome decided")),
        ("judging.publish", _("Results published"), _("Round results published")),
        ("judging.invite", _("Judge invited"), _("Judge invited")),
        ("judging.remind", _("Reminders sent"), _("Reminders sent to judges")),
        ("judging.certificates_issue", _("Certificates issued"), _("Certificates issued")),
        (
            "judging.certificates_retry",
            _("Certificate batch retried"),
            _("Certificate batch queued again"),
        ),
        ("judging.certificate_revoke", _("Certificate revoked"), _("Certificate revoked")),
        ("judging.certificate_reissue", _("Certificate re-issued"), _("Certificate re-issued")),
    ]:
        actions.register_action(action, label, message)


# The admin screens register their own hooks; importing them here is what loads them.
from judging import admin_menu, privacy  # noqa: E402, F401
from judging.certificates import admin as certificates_admin  # noqa: E402, F401
from judging.results import admin as results_admin  # noqa: E402, F401
from judging.results import overview_admin  # noqa: E402, F401


@hooks.register("nomination_detail_links")
def judges_feedback_link(request, nomination):
    """The "Judges' feedback" link on the nominator's page of a nomination, once there is some."""
    from judging.results.feedback import detail_links

    return detail_links(request, nomination)


@hooks.register("nomination_detail_links")
def certificate_links(request, nomination):
    """Links to the nomination's certificates on the nominator's page of it."""
    from judging.certificates.views import detail_links

    return detail_links(request, nomination)


# Personal data of judges, and nominators' certificates (judging/privacy.py, docs/privacy.md) ----


hooks.register("personal_data_sections", privacy.personal_data_sections)
hooks.register("erase_personal_data", privacy.erase_personal_data)


@hooks.register("login_start_page", order=10)
def judges_start_on_their_entries(user):
    """After signing in without a `next`, a judge lands on their entries
    (awards_site.accounts.adapters)."""
    from django.urls import reverse

    if user.has_perm("judging.use_portal"):
        return reverse("judging:dashboard")
    return None
