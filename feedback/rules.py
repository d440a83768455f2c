"""Who may do what on the citizen feedback platform (docs/permissions.md). Agency staff see and
manage only their own agency's points, answers and comments; administrators manage all agencies
through the admin's viewsets (Django's model permissions on feedback's models)."""

import rules

from awards_site.rules import add_personal_perm, django_perm


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

add_personal_perm("feedback.use_agency_portal", is_agency_staff)
# obj: an Agency
rules.add_perm("feedback.manage_agency", is_staff_of_agency)
# obj: a ServicePoint
rules.add_perm("feedback.print_posters", is_staff_of_point | can_administer_feedback)
