"""The people's roles on the site, each with the group that gives it: one declaration (ROLES)
that the flows giving a role (judge invitations, the editors' setup, the demo) read the group
name from, and that says which roles must use two-step verification (the default of the
MFA_REQUIRED_GROUPS setting, which an installation may widen: tests/site/test_vocabularies.py
holds the two together). What each role may do is in the apps' rules.py (docs/permissions.md)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from awards_site.vocabularies.terms import Term, Vocabulary


@dataclass(frozen=True)
class Role(Term):
    group: str = ""  # the name of the Django group that gives the role (stored, never translated)
    two_step: bool = False  # its members must use two-step verification


ROLES = Vocabulary(
    "role",
    [
        Role("administrator", _("Administrator"), group="Administrators", two_step=True),
        Role("editor", _("Editor"), group="Editors", two_step=True),
        Role("judge", _("Judge"), group="Judges", two_step=True),
        Role("sponsor", _("Sponsor"), group="Sponsors"),
        Role("nominator", _("Nominator"), group="Nominators"),
    ],
)


def group_of(role):
    """The name of the group that gives this role ("judge" -> "Judges")."""
    return ROLES[role].group
