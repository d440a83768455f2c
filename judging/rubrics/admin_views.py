"""The Wagtail admin of rubrics: the viewset (list, edit with criteria and levels) and the
copy screen, which asks judging/rubrics/copying.py for the copy."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet

from judging.admin_base import PermissionMixin, ProtectedDeleteView
from judging.models import Rubric, WeightsDoNotAddUp
from judging.rubrics.copying import copy_rubric
from judging.rubrics.forms import RubricForm


class RubricCopyView(PermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """Copy a rubric (confirmed by POST), e.g. to change a scored one for a new round."""

    permission_required = "judging.add_rubric"
    template_name = "judging/admin/rubric_copy.html"
    page_title = gettext_lazy("Copy a rubric")
    header_icon = "copy"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.rubric = get_object_or_404(Rubric, pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.rubric)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rubric"] = self.rubric
        context["name"] = self.copy_name()
        return context

    def copy_name(self):
        return _("%(name)s (copy)") % {"name": self.rubric.name}

    def post(self, request, *args, **kwargs):
        name = request.POST.get("name", "").strip()[:120] or self.copy_name()
        try:
            copy = copy_rubric(self.rubric, name)
        except WeightsDoNotAddUp as refused:
            # A rubric stored before the rule: its copy would break it too.
            messages.error(
                request,
                _("This rubric cannot be copied as it is: %(problem)s")
                % {"problem": " ".join(refused.messages)},
            )
            return redirect("judging_rubrics:edit", self.rubric.pk)
        messages.success(request, _("“%(name)s” created: change it as you need.") % {"name": name})
        return redirect("judging_rubrics:edit", copy.pk)


class RubricIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(criteria_count=Count("criteria"))


class RubricViewSet(ModelViewSet):
    model = Rubric
    name = "judging_rubrics"
    url_prefix = "judging/rubrics"
    icon = "list-ol"
    menu_label = gettext_lazy("Rubrics")
    index_view_class = RubricIndexView
    delete_view_class = ProtectedDeleteView
    copy_view_class = RubricCopyView
    list_display = [
        "name",
        Column(
            "scale",
            label=gettext_lazy("Scale"),
            accessor=lambda rubric: f"{rubric.scale_min}–{rubric.scale_max}",
        ),
        Column("criteria_count", label=gettext_lazy("Criteria")),
    ]
    search_fields = ["name"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldRowPanel(
                [FieldPanel("scale_min"), FieldPanel("scale_max")],
                heading=gettext_lazy("Scale"),
                help_text=gettext_lazy("Judges give each criterion a whole number on this scale."),
            ),
            InlinePanel(
                "criteria",
                heading=gettext_lazy("Criteria"),
                label=gettext_lazy("Criterion"),
                help_text=gettext_lazy("The weights add up to 100."),
                panels=[
                    FieldRowPanel([FieldPanel("name_en"), FieldPanel("name_fr")]),
                    FieldPanel("guidance_en"),
                    FieldPanel("guidance_fr"),
                    FieldPanel("weight"),
                ],
            ),
            InlinePanel(
                "levels",
                heading=gettext_lazy("What each score means"),
                label=gettext_lazy("Score"),
                help_text=gettext_lazy("One descriptor for every score of the scale."),
                panels=[
                    FieldPanel("value"),
                    FieldRowPanel([FieldPanel("descriptor_en"), FieldPanel("descriptor_fr")]),
                ],
            ),
        ],
        base_form_class=RubricForm,
    )

    def get_copy_view_kwargs(self, **kwargs):
        return {}
