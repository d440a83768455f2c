"""Who may do what on the citizen feedback platform (docs/permissions.md). Agency staff see and
manage only their own agency's points, answers and comments; administrators manage all agencies
through the admin's viewsets (Django's model permissions on feedback's models)."""

import rules

from awards_site.rules import django_perm


@rules.predicate
def is_agency_staff(user):
    """A member of some agency's staff (AgencyMembership)."""
    return user.is_authenticated and user.agency_memberships.exists()


@rules.predicate
def is_staff_of_agency(user, agency):
    """A member of this agency's staff."""
    if agency is None or not user.is_authenticated:
        return False
    return user.agency_memberships.filter(agency=agency).exists()


@rules.predicate
def is_staff_of_point(user, point):
    return point is not None and is_staff_of_agency(user, point.agency)


# Administrators of the platform: whoever may change agencies in the admin.
can_administer_feedback = django_perm("feedback.change_agency")
# Moderators of every agency's comments (the Editors group: cms/editors.py). They see the
# comments, not the figures, points or held answers.
can_moderate_everywhere = django_perm("feedback.moderate_any_comment")

# obj: a ServicePoint
rules.add_perm("feedback.print_posters", is_staff_of_point | can_administer_feedback)


# The agency staff portal (feedback/staff/, docs/feedback.md) ------------------------------------
@rules.predicate
def is_staff_of_answer(user, response):
    """A member of the staff of the agency of the answer's service point."""
    return response is not None and is_staff_of_point(user, response.point)


# Who may open the portal at all: agency staff, and administrators (who see every agency).
rules.add_perm(
    "feedback.open_agency_portal",
    is_agency_staff | can_administer_feedback | can_moderate_everywhere,
)
# obj: an Agency. Its dashboard, figures and exports, its points and comments.
rules.add_perm("feedback.view_agency", is_staff_of_agency | can_administer_feedback)
# obj: an Agency (adding one of its points) or a ServicePoint (changing it).
rules.add_perm("feedback.add_point", is_staff_of_agency | can_administer_feedback)
rules.add_perm("feedback.change_point", is_staff_of_point | can_administer_feedback)
# obj: an Agency. Its comments' list.
rules.add_perm(
    "feedback.moderate_agency_comments",
    is_staff_of_agency | can_administer_feedback | can_moderate_everywhere,
)
# obj: a Response. Publishing or rejecting its comment, and replying to it.
rules.add_perm(
    "feedback.moderate_comment",
    is_staff_of_answer | can_administer_feedback | can_moderate_everywhere,
)
# obj: a Response held by the burst detector: counting or rejecting it.
rules.add_perm("feedback.review_answer", is_staff_of_answer | can_administer_feedback)
