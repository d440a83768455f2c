"""Which object each URL parameter of the matrix names, as each role would follow it."""

from cms.campaigns.subscribing import confirmation_token, unsubscribe_token
from cms.signing.confirmation import make_token

# By parameter name; IDS_BY_NAME overrides it for some URLs (a URL name, or a prefix ending in
# ":" for a whole namespace).
IDS = {
    "uuid": lambda w, role: w.nomination.uuid,
    "step": lambda w, role: "organisation",
    "evidence_id": lambda w, role: w.evidence.pk,
    "consent_id": lambda w, role: w.consent.pk,
    # The conflicted judge asks for their own assignment, which the conflict hides; everyone else
    # asks for the assigned judge's.
    "assignment_id": lambda w, role: (
        (w.conflicted_assignment if role == "conflicted_judge" else w.assignment).pk
    ),
    "code": lambda w, role: w.certificate.display_code,
    "cycle_code": lambda w, role: w.cx26.code,
    "cycle_id": lambda w, role: w.cx26.pk,
    "category_id": lambda w, role: w.digital_2026.pk,
    "round_id": lambda w, role: w.final_2026.pk,
    "nomination_id": lambda w, role: w.past_nomination.pk,
    "batch_id": lambda w, role: w.batch.pk,
    "certificate_id": lambda w, role: w.certificate.pk,
    "token": lambda w, role: make_token(w.letter_signature),
    # The open letter's page (its form posts to cms/signing/views.py).
    "page_id": lambda w, role: _open_letter().pk,
}


def _open_letter():
    from wagtail.models import Page

    return Page.objects.get(slug="open-letter", locale__language_code="en")


def _sms_gateway(world):
    from feedback.models import SmsGateway

    country = world.service_point.agency.country
    gateway = SmsGateway.objects.filter(country=country).first()
    return gateway or SmsGateway.objects.create(
        name="Matrix gateway", provider="africastalking", country=country, number="21234"
    )


def _home_card(world):
    """(page id, language, digest) of the English home page's share card (cms/sharing/)."""
    from wagtail.models import Site

    from cms.sharing import cards
    from cms.sharing.meta import share_title

    home = Site.objects.get(is_default_site=True).root_page.specific
    return home.pk, "en", cards.digest(share_title(home), "en")


def _resource(world, role):
    """A published demo resource of the guides and tools library (library/resources/demo.py)."""
    from library.resources.models import Resource

    return Resource.objects.filter(live=True, locale__language_code="en").order_by("pk")[0].pk


def _campaign():
    from cms.models import CampaignEmailPage

    return CampaignEmailPage.objects.get(
        slug="campaign-nominations-open", locale__language_code="en"
    )


def _subscriber(email):
    from cms.models import Subscriber

    return Subscriber.objects.get(email=email)


def _pk(attribute):
    return {"pk": lambda w, role: getattr(w, attribute).pk}


def _portuguese_page():
    from wagtail.models import Page

    return Page.objects.filter(locale__language_code="pt", depth__gt=1).order_by("path").first()


IDS_BY_NAME = {
    # The demo's campaign email and subscribers (cms/campaigns/demo.py).
    "cms_campaign_send": {"page_id": lambda w, role: _campaign().pk},
    "news_subscribers:": {"pk": lambda w, role: _subscriber("amina.reader@demo.test").pk},
    "subscription_confirm": {
        "token": lambda w, role: confirmation_token(_subscriber("waiting.reader@demo.test"))
    },
    "unsubscribe": {
        "token": lambda w, role: unsubscribe_token(_subscriber("amina.reader@demo.test"))
    },
    # A page translation awaiting review (cms/translations/review.py): the Portuguese home.
    "cms_translation_mark_reviewed": {"page_id": lambda w, role: _portuguese_page().pk},
    # The home page's share card, public like the page.
    "share_card": {
        "page_id": lambda w, role: _home_card(w)[0],
        "language": lambda w, role: _home_card(w)[1],
        "digest": lambda w, role: _home_card(w)[2],
    },
    "judging:evidence": {"evidence_id": lambda w, role: w.entry_evidence.pk},
    "judging:feedback": {"uuid": lambda w, role: w.past_nomination.uuid},
    "judging:nomination_certificate": {"uuid": lambda w, role: w.past_nomination.uuid},
    "judging:judge_certificate": {"code": lambda w, role: w.judge_certificate.display_code},
    "feedback:": {
        "code": lambda w, role: w.service_point.code,
        # The agency staff portal: the point's agency, the point, one of its comments.
        "slug": lambda w, role: w.service_point.agency.slug,
        "point_id": lambda w, role: w.service_point.pk,
        "response_id": lambda w, role: w.point_comment.pk,
    },
    "feedback:held_answer": {"response_id": lambda w, role: w.held_answer.pk},
    "feedback:country": {"cc": lambda w, role: w.service_point.agency.country.lower()},
    "feedback:agency": {"slug": lambda w, role: w.service_point.agency.slug},
    "feedback_agencies:": {"pk": lambda w, role: w.service_point.agency_id},
    "feedback_points:": _pk("service_point"),
    # An SMS gateway of the point's country (feedback/sms/), made on first use.
    "feedback:sms": {"gateway_id": lambda w, role: _sms_gateway(w).pk},
    "feedback_sms_gateways:": {"pk": lambda w, role: _sms_gateway(w).pk},
    # The sponsor's whole-cycle reports are CX26's; its category reports CX27's digital one
    # (ids_for sets the cycle).
    "sponsors:": {"category_id": lambda w, role: w.digital_2027.pk},
    "nominations_admin_evidence": _pk("evidence"),
    "nomination:": _pk("entry"),
    "awardcycle:": _pk("cx27"),
    "category:": _pk("digital_2027"),
    "deletion_requests:": _pk("deletion_request"),
    "judging_rubrics:": {"pk": lambda w, role: w.screening.rubric_id},
    "judging_rounds:": _pk("screening"),
    "judging_judges:": {"pk": lambda w, role: w.assignment.judge_id},
    "judging_assignments:": _pk("assignment"),
    "failed_tasks:": _pk("failed_task"),
    "wagtailusers_users:": {"pk": lambda w, role: w.users["nominator_a"].pk},
    "wagtailsnippets_cms_partner:": _pk("partner"),
    "wagtailsnippetchoosers_cms_partner:": _pk("partner"),
    "wagtailsnippets_cms_sponsormember:": _pk("sponsor_member"),
    "wagtailsnippetchoosers_cms_sponsormember:": _pk("sponsor_member"),
    "wagtailsnippets_cms_openlettersignature:": _pk("letter_signature"),
    "wagtailsnippetchoosers_cms_openlettersignature:": _pk("letter_signature"),
    "wagtailsnippets_cms_pledgesignature:": _pk("pledge_signature"),
    "wagtailsnippetchoosers_cms_pledgesignature:": _pk("pledge_signature"),
    "wagtailsnippets_judging_signatory:": _pk("signatory"),
    "resources:": {"pk": _resource},
    "wagtailsnippets_library_resource:": {"pk": _resource},
    "wagtailsnippetchoosers_library_resource:": {"pk": _resource},
    "wagtailsnippetchoosers_judging_signatory:": _pk("signatory"),
}


def ids_for(endpoint, world, role):
    """The values of the endpoint's parameters, as `role` would follow them."""
    chosen = dict(IDS)
    url_name = endpoint.name or ""
    for name, overrides in IDS_BY_NAME.items():
        if url_name == name or (name.endswith(":") and url_name.startswith(name)):
            chosen.update(overrides)
    unknown = [param for param in endpoint.params if param not in chosen]
    assert not unknown, f"{endpoint.key}: say in IDS which object {unknown} names"
    values = {param: chosen[param](world, role) for param in endpoint.params}
    if "cycle_code" in values and "category_id" in values:
        values["cycle_code"] = world.cx27.code  # a category report: the sponsor's CX27 one
    return values
