"""The cms app's part of a person's data, added through the hooks of nominations/privacy/hooks.py
(docs/privacy.md, "Signatures, enquiries and sponsor users").

Signatures of the pledge and the open letter and enquiries sent with the site's forms carry no
account: they are the person's when they were made with one of the account's **verified**
addresses (case-insensitive). An unverified address proves nothing, so it neither shows nor
erases what someone else may have signed with it.

Erasure keeps the counts the public pages show: a signature stays with its page, kind, country,
language and date, and loses its name, organisation and address (and its place in the public
lists). Enquiries are deleted (they were kept only to answer them), and so is the link of a
sponsor user to their sponsor.
"""

import operator
from functools import reduce

from allauth.account.models import EmailAddress
from django.db.models import CharField, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.forms.utils import get_form_types
from wagtail.models import Page

from awards_site.caching.generation import public_content_changed
from cms.models import OpenLetterSignature, PledgeSignature, SponsorMember
from nominations.privacy.archive import PersonalDataSection
from nominations.privacy.audit_log import identifying_strings, scrub_log_entries

# A signature's address once erased: unique per signature, so the one-signature-per-address
# constraint still holds, and never a real address (".invalid", RFC 2606).
ERASED_SIGNATURE_EMAIL = ("deleted-signature-", "@invalid")

# What the audit log calls them once erased.
DELETED_SIGNATORY = _("Signatory (deleted)")
DELETED_SPONSOR_USER = _("Sponsor user (deleted)")

# Each signature model and the field saying whether it is shown in a public list.
SIGNATURES = {"pledge_signatures": PledgeSignature, "open_letter_signatures": OpenLetterSignature}
PUBLIC_FLAG = {PledgeSignature: "show_publicly", OpenLetterSignature: "list_publicly"}


def verified_addresses(user):
    return sorted(
        {
            address.lower()
            for address in EmailAddress.objects.filter(user=user, verified=True).values_list(
                "email", flat=True
            )
        }
    )


def matching(queryset, lookup, addresses):
    """The rows whose `lookup` is one of `addresses`, case-insensitive."""
    if not addresses:
        return queryset.none()
    return queryset.filter(
        reduce(operator.or_, (Q(**{f"{lookup}__iexact": address}) for address in addresses))
    )


# Archive ----------------------------------------------------------------------------------------


def personal_data_sections(user):
    """The "personal_data_sections" hook."""
    addresses = verified_addresses(user)
    sections = [
        PersonalDataSection(key, _signatures_data(model, addresses))
        for key, model in SIGNATURES.items()
    ]
    sections.append(PersonalDataSection("enquiries", _enquiries_data(addresses)))
    membership = SponsorMember.objects.filter(user=user).select_related("partner").first()
    if membership is not None:
        sections.append(
            PersonalDataSection(
                "sponsor_user",
                {"sponsor": membership.partner.name, "added_at": membership.added_at},
            )
        )
    return sections


def _signatures_data(model, addresses):
    signatures = list(matching(model.objects.all(), "email", addresses).order_by("created_at"))
    pages = _page_titles({signature.page_key for signature in signatures})
    public_flag = PUBLIC_FLAG[model]
    return [
        {
            "page": pages.get(signature.page_key, ""),
            "signed_at": signature.created_at,
            "name": signature.name,
            "organisation": signature.organisation,
            "country": signature.country,
            "email": signature.email,
            **({"kind": signature.kind} if model is PledgeSignature else {}),
            public_flag: getattr(signature, public_flag),
            "language": signature.language,
        }
        for signature in signatures
    ]


def _page_titles(translation_keys):
    """{translation key: title} of the signed pages, in one of their languages."""
    titles = {}
    for key, title in (
        Page.objects.filter(translation_key__in=translation_keys)
        .order_by("locale_id", "pk")
        .values_list("translation_key", "title")
    ):
        titles.setdefault(key, title)
    return titles


def _enquiries_data(addresses):
    return [
        {
            "form": submission.page.title,
            "sent_at": submission.submit_time,
            "answers": submission.form_data,
        }
        for submission in _enquiries(addresses).select_related("page").order_by("submit_time")
    ]


def _enquiries(addresses):
    """Submissions of the site's forms (the enquiry forms) whose email field holds one of the
    addresses."""
    query = Q()
    pages = Page.objects.filter(content_type__in=get_form_types()).specific()
    for page in pages:
        for form_field in page.get_form_fields():
            if form_field.field_type == "email" and form_field.clean_name:
                for address in addresses:
                    lookup = f"form_data__{form_field.clean_name}__iexact"
                    query |= Q(page=page, **{lookup: address})
    if not query:
        return FormSubmission.objects.none()
    return FormSubmission.objects.filter(query)


# Erasure ----------------------------------------------------------------------------------------


def erase_personal_data(user, deletion_request):
    """The "erase_personal_data" hook. Runs inside the transaction completing the request,
    before the account is anonymised."""
    addresses = verified_addresses(user)
    summary = {}
    for key, model in SIGNATURES.items():
        summary[f"{key}_anonymised"] = anonymise_signatures(model, addresses)
    summary["enquiries_deleted"] = _enquiries(addresses).delete()[0]
    summary["sponsor_memberships_removed"] = _remove_sponsor_membership(user)
    return summary


def anonymise_signatures(model, addresses):
    """Blank the name, organisation and address of the signatures, take them out of the public
    list; their page, kind, country, language and date stay, so every count stays."""
    signatures = matching(model.objects.all(), "email", addresses)
    rows = list(signatures.values_list("pk", "name", "organisation", "email"))
    if not rows:
        return 0
    prefix, suffix = ERASED_SIGNATURE_EMAIL
    pks = [row[0] for row in rows]
    model.objects.filter(pk__in=pks).update(
        name="",
        organisation="",
        email=Concat(Value(prefix), Cast("pk", CharField()), Value(suffix)),
        **{PUBLIC_FLAG[model]: False},
    )
    # An update sends no save signal: the pages that listed these names must drop them now.
    public_content_changed()
    identifying = [text for row in rows for text in row[1:]]
    scrub_log_entries({model: pks}, identifying, str(DELETED_SIGNATORY))
    return len(rows)


def _remove_sponsor_membership(user):
    membership = SponsorMember.objects.filter(user=user).first()
    if membership is None:
        return 0
    scrub_log_entries(
        {SponsorMember: [membership.pk]}, identifying_strings(user), str(DELETED_SPONSOR_USER)
    )
    membership.delete()
    return 1
