"""The project's permissions, in one style (docs/permissions.md): small named predicates
(django-rules), each registered as a named permission `<app>.<verb>_<thing>` that views, admin
screens, templates and hooks ask with `user.has_perm(name[, obj])`. Each app's rules.py holds its
own; this one the shared ones (superusers, staff flags, admin access) and the helpers they use.
rules' autodiscovery (INSTALLED_APPS) imports every app's rules.py at start-up."""

from functools import wraps

import rules
from django.conf import settings
from django.http import Http404

from awards_site.vocabularies.roles import group_of

# Permissions that say who a person is (a judge, a sponsor's user, a nomination's author) rather
# than what the site lets them do: a superuser does not hold them by being one (User.has_perm),
# or the administrator would get a "Judging" link to a portal that has nothing for them.
PERSONAL_PERMISSIONS = set()


def add_personal_perm(name, predicate):
    rules.add_perm(name, predicate)
    PERSONAL_PERMISSIONS.add(name)


def django_perm(name):
    """A predicate over one of Django's own permissions (a model's, or Wagtail's admin access),
    to combine with ours."""

    @rules.predicate(name=f"has {name}")
    def has(user):
        return user.has_perm(name)

    return has


def area_required(permission, sign_in=None):
    """A view for one kind of person (judges, sponsors' users): an anonymous visitor goes to sign
    in (`sign_in(request)`, by default the log-in page with `next`); a signed-in person without
    `permission` gets 404, so the area does not even say what it holds."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                if sign_in is not None:
                    return sign_in(request)
                # Imported here: auth's views import the User model, which imports this module.
                from django.contrib.auth.views import redirect_to_login

                return redirect_to_login(request.get_full_path())
            if not request.user.has_perm(permission):
                raise Http404
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


is_active = rules.is_active
is_authenticated = rules.is_authenticated
is_superuser = rules.is_superuser
is_staff = rules.is_staff
# The flags that open the admin sites whatever the person's groups say.
has_admin_flags = is_staff | is_superuser
can_access_admin = django_perm("wagtailadmin.access_admin")


@rules.predicate
def in_two_step_groups(user):
    """Members of the groups settings.MFA_REQUIRED_GROUPS names (judges, editors...)."""
    return user.groups.filter(name__in=settings.MFA_REQUIRED_GROUPS).exists()


# The Django admin (/django-admin/) is the operators' console: active superusers only.
rules.add_perm("awards_site.use_django_admin", is_active & is_superuser)
# An account that runs the site: the privacy tool does not close it (it would lock people out).
rules.add_perm("awards_site.hold_admin_flags", has_admin_flags)
# The roles that must use two-step verification, whether or not the rule is on
# (awards_site/accounts/mfa.py applies it when MFA_REQUIRED_FOR_ROLES is on).
rules.add_perm(
    "awards_site.must_use_two_step",
    is_authenticated & (has_admin_flags | in_two_step_groups | can_access_admin),
)


EDITORS_AND_ADMINISTRATORS = (group_of("editor"), group_of("administrator"))


@rules.predicate
def is_editor_or_administrator(user):
    """A member of the Editors or the Administrators group. Asked once a request: the answer is
    kept on the user object, since several admin menu items ask (the reach report, the case
    study candidates)."""
    kept = getattr(user, "_is_editor_or_administrator", None)
    if kept is None:
        kept = user.groups.filter(name__in=EDITORS_AND_ADMINISTRATORS).exists()
        user._is_editor_or_administrator = kept
    return kept


# The reach figures (awards_site/reach/report.py): administrators and editors, as the other
# editors' reports.

rules.add_perm(
    "awards_site.see_reach_report", is_active & (is_superuser | is_editor_or_administrator)
)
