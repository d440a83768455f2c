"""What the judging admin's screens share: the permission a screen needs, the base views of a
screen and of a round's screen (with the round's links), and the delete view that explains
what protects an object.

Permissions follow the models the views change, so a "judging administrators" group is set up
in Settings ▸ Groups with the rubric, round, judge and assignment permissions:
- judges: invite = judging.add_judgeprofile; conflicts (see and clear) =
  judging.change_judgeprofile;
- assignments: run = judging.add_assignment; progress and overdue = judging.follow_progress (any
  assignment permission, judging/rules.py); reminders = judging.change_assignment.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import ProtectedError
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from judging.models import Round


def url_or_none(name, *args):
    """The URL, or None while the view behind it does not exist (another part of the admin)."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


class PermissionMixin:
    permission_required = "judging.follow_progress"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission_required):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class JudgingView(PermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    def index_crumbs(self):
        return []

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            *self.index_crumbs(),
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]


class RoundView(JudgingView):
    """A view of one round (the pk in the URL)."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.round = get_object_or_404(
            Round.objects.select_related("cycle", "rubric"), pk=kwargs["pk"]
        )

    def get_page_subtitle(self):
        return str(self.round)

    def index_crumbs(self):
        return [
            {"url": reverse("judging_rounds:index"), "label": _("Judging rounds")},
            {"url": reverse("judging_rounds:edit", args=[self.round.pk]), "label": self.round},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["round"] = self.round
        context["links"] = round_links(self.round)
        return context


def round_links(round):
    links = [
        (_("Assignment run"), reverse("judging_rounds:assign", args=[round.pk])),
        (_("Progress"), reverse("judging_rounds:progress", args=[round.pk])),
        (_("Assignments"), reverse("judging_assignments:index") + f"?round={round.pk}"),
    ]
    results = url_or_none("judging_results", round.pk)
    if results:
        links.append((_("Results"), results))
    return links


class ProtectedDeleteView(generic.DeleteView):
    """Deleting something still in use says so, instead of failing."""

    def refuse(self):
        messages.error(
            self.request,
            _(
                "“%(object)s” is still used (by a round or by judges' scores), so it cannot "
                "be deleted."
            )
            % {"object": self.object},
        )
        return redirect(self.get_success_url())

    def form_valid(self, form):
        if self.usage and self.usage.is_protected:
            return self.refuse()
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ProtectedError:
            return self.refuse()


def menu_item_shown_to(permission):
    """A menu item class shown only to users with `permission`."""

    class PermissionMenuItem(MenuItem):
        def is_shown(self, request):
            return request.user.has_perm(permission)

    return PermissionMenuItem
