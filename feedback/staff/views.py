"""The staff portal's pages (/feedback/manage/...). Views stay thin: who may see what is in
access.py and feedback/rules.py, the figures in figures.py, moderation and reviews in
moderation.py, the files in exports.py. Objects are always looked up within the agency of the
address, so another agency's point, comment or answer is a 404."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from awards_site import exports as files
from awards_site.site_url import absolute_url
from feedback.giving.bursts import reason_label
from feedback.measures import MINIMUM_ANSWERS
from feedback.models import ServicePoint
from feedback.staff import exports, figures, moderation
from feedback.staff.access import (
    agencies_of,
    agency_required,
    comments_required,
    manages_figures,
    moderates_only,
    portal_area,
)
from feedback.staff.forms import CommentFilter, PeriodForm, PointForm, ReplyForm

COMMENTS_PER_PAGE = 20
HELD_PER_PAGE = 50


@require_GET
@portal_area
def index(request):
    """My agencies; straight to the dashboard when there is one. Editors, who moderate
    comments only, see every agency with the comments waiting for them."""
    if moderates_only(request.user):
        return render(
            request,
            "feedback/staff/moderation_index.html",
            {"agencies": moderation.agencies_with_waiting_comments()},
        )
    agencies = list(agencies_of(request.user))
    if len(agencies) == 1:
        return redirect("feedback:dashboard", slug=agencies[0].slug)
    return render(request, "feedback/staff/index.html", {"agencies": agencies})


def _board(request, agency):
    form = PeriodForm(request.GET if ("first" in request.GET or "last" in request.GET) else None)
    return form, figures.dashboard(agency, form.period())


@require_GET
@agency_required
def dashboard(request, agency):
    form, board = _board(request, agency)
    waiting = moderation.waiting_of(agency)
    return render(
        request,
        "feedback/staff/dashboard.html",
        {
            "agency": agency,
            "form": form,
            "board": board,
            "waiting": waiting,
            "minimum": MINIMUM_ANSWERS,
            "query": request.GET.urlencode() if form.is_bound and form.is_valid() else "",
        },
    )


@require_GET
@agency_required
def figures_csv(request, agency):
    _form, board = _board(request, agency)
    return files.attachment_response(
        exports.filename(board, "csv"), exports.csv_content(board), files.CSV_CONTENT_TYPE
    )


@require_GET
@agency_required
def figures_xlsx(request, agency):
    _form, board = _board(request, agency)
    return files.xlsx_response(exports.filename(board, "xlsx"), exports.workbook(board))


# Service points -----------------------------------------------------------------------------------
def _point_page(request, agency, form, point=None):
    return render(
        request,
        "feedback/staff/point_form.html",
        {
            "agency": agency,
            "form": form,
            "point": point,
            "address": absolute_url(point.get_absolute_url()) if point else "",
        },
    )


@agency_required
def point_add(request, agency):
    if not request.user.has_perm("feedback.add_point", agency):
        raise Http404
    form = PointForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.agency = agency
        point = form.save()
        messages.success(
            request,
            _("%(name)s is added. Its code is %(code)s; its address is %(address)s.")
            % {
                "name": point.name,
                "code": point.code,
                "address": absolute_url(point.get_absolute_url()),
            },
        )
        return redirect("feedback:point_edit", slug=agency.slug, point_id=point.pk)
    return _point_page(request, agency, form)


@agency_required
def point_edit(request, agency, point_id):
    point = get_object_or_404(ServicePoint.objects.filter(agency=agency), pk=point_id)
    point.agency = agency
    if not request.user.has_perm("feedback.change_point", point):
        raise Http404
    form = PointForm(request.POST or None, instance=point)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The service point is saved."))
        return redirect("feedback:point_edit", slug=agency.slug, point_id=point.pk)
    return _point_page(request, agency, form, point)


# Comments -------------------------------------------------------------------------------------
@require_GET
@comments_required
def comments(request, agency):
    points = list(agency.points.order_by("name"))
    filters = CommentFilter(request.GET, points)
    page = Paginator(
        moderation.comments_of(agency).filter(**filters.filters()), COMMENTS_PER_PAGE
    ).get_page(request.GET.get("page"))
    for response in page:
        response.reply_form = ReplyForm(
            instance=getattr(response, "reply", None), prefix=f"c{response.pk}"
        )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "feedback/staff/comments.html",
        {
            "agency": agency,
            "comments_only": not manages_figures(request.user, agency),
            "filters": filters,
            "listing": page,
            "query": query.urlencode(),
        },
    )


def _comment_or_404(request, agency, response_id):
    response = moderation.comment_of(agency, response_id)
    if response is None:
        raise Http404
    response.point.agency = agency
    if not request.user.has_perm("feedback.moderate_comment", response):
        raise Http404
    return response


PUBLISH, REJECT, REPLY = "publish", "reject", "reply"


@comments_required
def comment(request, agency, response_id):
    """One comment with its reply form (GET); a POST publishes it, does not publish it, or
    saves the reply alone, with the reply's text in every case."""
    response = _comment_or_404(request, agency, response_id)
    reply = getattr(response, "reply", None)
    form = ReplyForm(request.POST or None, instance=reply, prefix=f"c{response.pk}")
    if request.method == "POST":
        action = request.POST.get("action")
        if action in (PUBLISH, REJECT, REPLY) and form.is_valid():
            moderation.save_reply(response, request.user, form.cleaned_data["text"])
            if action == REPLY:
                messages.success(request, _("The reply is saved."))
            else:
                moderation.moderate(response, request.user, publish=action == PUBLISH)
                messages.success(
                    request,
                    _("The comment is published.")
                    if action == PUBLISH
                    else _("The comment will not be published."),
                )
            return redirect(_back_to_list(request, agency))
    return render(
        request,
        "feedback/staff/comment.html",
        {
            "agency": agency,
            "comments_only": not manages_figures(request.user, agency),
            "response": response,
            "form": form,
        },
    )


def _back_to_list(request, agency):
    """The comments' list the form was sent from (with its filters and page), if it is one of
    this agency's addresses; else the list."""
    address = reverse("feedback:comments", kwargs={"slug": agency.slug})
    back = request.POST.get("next", "")
    if back.startswith(address + "?") and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return back
    return address


# Held answers -------------------------------------------------------------------------------------
@require_GET
@agency_required
def held(request, agency):
    page = Paginator(moderation.held_of(agency), HELD_PER_PAGE).get_page(request.GET.get("page"))
    for response in page:
        response.reason = reason_label(response.held_reason)
    return render(request, "feedback/staff/held.html", {"agency": agency, "listing": page})


COUNT = "count"


@require_POST
@agency_required
def held_answer(request, agency, response_id):
    response = get_object_or_404(moderation.answers_of(agency), pk=response_id)
    response.point.agency = agency
    if not request.user.has_perm("feedback.review_answer", response):
        raise Http404
    action = request.POST.get("action")
    if action not in (COUNT, REJECT):
        messages.error(request, _("Choose whether to count the answer or reject it."))
    elif moderation.review(response, count=action == COUNT):
        messages.success(
            request,
            _("The answer is counted in the figures.")
            if action == COUNT
            else _("The answer is rejected; it stays out of the figures."),
        )
    else:  # a second click, or a colleague was quicker
        messages.info(request, _("This answer was already reviewed."))
    return redirect("feedback:held", slug=agency.slug)
