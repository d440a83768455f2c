"""Certificates through the test client: the public verification page (valid, revoked,
unknown, malformed; English and French), nominators' and judges' downloads (their own only,
404 otherwise), the links on the nomination's page and the judge's dashboard, and the admin
(permissions, preview and issue, the batch page and its ZIP, the list, revoke and re-issue,
the signatories and their titles in each language)."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.template.defaultfilters import filesizeformat
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from judging.certificates import issuing as certificates
from judging.certificates import pdf as certificate_pdf
from judging.models import Certificate, CertificateBatch, JudgeProfile, Signatory
from tests.factories.accounts import UserFactory
from tests.factories.judging import (
    CertificateBatchFactory,
    JudgeCertificateFactory,
    SignatoryFactory,
)
from tests.pages import page_text as text
from tests.pdf import pdf_text

pytestmark = pytest.mark.django_db


def verify_url(code, language="en"):
    url = reverse("judging:certificate_verify", kwargs={"code": code})
    return f"/fr{url}" if language == "fr" else url


# Verification ------------------------------------------------------------------------------------


def test_a_valid_certificate_shows_what_it_says(client, issued):
    winner = issued.winner
    response = client.get(verify_url(winner.display_code))
    assert response.status_code == 200
    page = text(response)
    assert "Valid certificate" in page
    for detail in ["Agency 1", "Winner", "Digital", "Initiative 1", "Results cycle"]:
        assert detail in page
    assert timezone.localdate(winner.issued_at).strftime("%Y") in page
    assert winner.display_code in page
    assert response["X-Robots-Tag"] == "noindex"
    assert "download" not in page.lower() and ".pdf" not in response.content.decode()


def test_codes_are_found_in_any_case_with_or_without_hyphens(client, issued):
    code = issued.winner.code
    for typed in [code, code.lower(), issued.winner.display_code.lower()]:
        assert "Valid certificate" in text(client.get(verify_url(typed)))


def test_a_revoked_certificate_says_so_with_its_date_and_nothing_else(client, issued):
    certificates.revoke(issued.winner, issued.admin, "Disqualified after an audit.")
    response = client.get(verify_url(issued.winner.display_code))
    assert response.status_code == 200
    page = text(response)
    assert "Revoked certificate" in page and "Valid certificate" not in page
    assert timezone.localdate().strftime("%Y") in page
    assert "Agency 1" not in page and "Disqualified" not in page
    new = certificates.reissue(issued.participation, issued.admin, "Name corrected.")
    page = text(client.get(verify_url(issued.participation.code)))
    assert "A new certificate, with another code, was issued in its place." in page
    assert "Valid certificate" in text(client.get(verify_url(new.code)))


@pytest.mark.parametrize(
    "code", ["ABCD-EFGH-JKLM-NPQR", "ZZZZZZZZZZZZZZZZ", "not-a-code", "O0O0", "%3Cscript%3E"]
)
def test_unknown_and_malformed_codes_are_unknown(client, issued, code):
    response = client.get(f"/certificates/verify/{code}/")
    assert response.status_code == 404
    page = text(response)
    assert "Unknown certificate" in page
    assert "<script>" not in response.content.decode()


def test_the_french_page(client, issued):
    """The page says what the certificate says in the page's language, whichever language the
    certificate was issued in."""
    assert issued.winner.language == "en"
    response = client.get(verify_url(issued.winner.display_code, "fr"))
    assert response.status_code == 200
    assert 'lang="fr"' in response.content.decode()
    page = text(response)
    assert "Certificat valide" in page and "Lauréat" in page and "Numérique" in page
    assert "Winner" not in page and "Digital" not in page
    assert client.get("/fr/certificates/verify/nothing/").status_code == 404


def test_the_lookup_form_sends_to_the_code_page(client, issued):
    assert client.get("/certificates/verify/").status_code == 200
    response = client.get("/certificates/verify/", {"code": issued.winner.display_code.lower()})
    assert response.status_code == 302
    assert response["Location"] == verify_url(issued.winner.code)
    for nonsense in ["nonsense", "a/b", "../x", "<b>"]:
        response = client.get("/certificates/verify/", {"code": nonsense})
        assert response.status_code == 404 and "Unknown certificate" in text(response)


def test_verification_asks_the_database_once(client, issued):
    """One query for the certificate, besides what every page of the site asks."""

    def count(code):
        with CaptureQueriesContext(connection) as queries:
            client.get(verify_url(code))
        return len(queries)

    count("ZZZZ-ZZZZ-ZZZZ-ZZZZ")  # warm the menu caches
    unknown = count("ZZZZ-ZZZZ-ZZZZ-ZZZZ")
    assert count("not-a-code") == unknown - 1  # a malformed code is not even looked up
    assert count(issued.winner.code) <= unknown


# Nominators' downloads ---------------------------------------------------------------------------


def nomination_download(certificate, nomination=None):
    nomination = nomination or certificate.nomination
    return reverse(
        "judging:nomination_certificate",
        kwargs={"uuid": nomination.uuid, "code": certificate.display_code},
    )


def test_the_nominator_downloads_their_certificates(client, issued):
    client.force_login(issued.entries[0].nominator)
    detail = client.get(f"/my-nominations/{issued.entries[0].uuid}/")
    page = detail.content.decode()
    assert nomination_download(issued.winner) in page
    assert nomination_download(issued.participation) in page
    assert "Download your winner's certificate in English (PDF" in text(detail)
    assert "Download your winner's certificate in French (PDF" in text(detail)
    response = client.get(nomination_download(issued.winner))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert f"{issued.winner.display_code}-en.pdf" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private"
    assert response["X-Content-Type-Options"] == "nosniff"
    pdf = b"".join(response.streaming_content)
    assert issued.winner.display_code in pdf_text(pdf)
    # Once rendered, the link says how big the file is (for people on slow connections).
    detail = client.get(f"/my-nominations/{issued.entries[0].uuid}/")
    size = filesizeformat(len(pdf)).replace("\xa0", " ")
    assert f"Download your winner's certificate in English (PDF, {size})" in text(detail)
    assert "Download your winner's certificate in French (PDF)" in text(detail)


def test_the_nominator_chooses_the_language_of_their_certificate(client, issued):
    """English or French, whatever the nomination's language; by default the language of the
    nominator's account, whose link comes first."""
    nominator = issued.entries[0].nominator
    client.force_login(nominator)
    url = nomination_download(issued.winner)
    french = client.get(url, {"language": "fr"})
    assert f"{issued.winner.display_code}-fr.pdf" in french["Content-Disposition"]
    page = pdf_text(b"".join(french.streaming_content))
    assert "Lauréat" in page and "Numérique" in page and "Winner" not in page
    english = pdf_text(b"".join(client.get(url, {"language": "en"}).streaming_content))
    assert "Winner" in english and "Lauréat" not in english
    # Default: the account's language (English here), then French once the account says so.
    assert "Winner" in pdf_text(b"".join(client.get(url).streaming_content))
    nominator.language = "fr"
    nominator.save()
    assert "Lauréat" in pdf_text(b"".join(client.get(url).streaming_content))
    assert "Lauréat" in pdf_text(b"".join(client.get(url, {"language": "xx"}).streaming_content))
    detail = text(client.get(f"/fr/my-nominations/{issued.entries[0].uuid}/"))
    assert detail.index("lauréat en français") < detail.index("lauréat en anglais")
    # Each language's PDF was rendered once and kept.
    issued.winner.refresh_from_db()
    assert [language for language, _pdf in issued.winner.stored_pdfs()] == ["en", "fr"]


def test_nobody_else_gets_a_nominators_certificate(client, issued):
    url = nomination_download(issued.winner)
    response = client.get(url)
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    for user in [
        issued.entries[1].nominator,  # another nominator
        issued.judges[0].user,  # a judge
        UserFactory(email="stranger@example.org"),
    ]:
        client.force_login(user)
        assert client.get(url).status_code == 404, user
        assert client.get(url, {"language": "fr"}).status_code == 404, user
    # Their own nomination's address with another nomination's certificate: 404 too.
    client.force_login(issued.entries[1].nominator)
    assert client.get(nomination_download(issued.winner, issued.entries[1])).status_code == 404
    # Nor a judge's certificate through a nomination.
    client.force_login(issued.entries[0].nominator)
    judge_code = issued.judge_certificate
    assert client.get(nomination_download(judge_code, issued.entries[0])).status_code == 404


def test_a_revoked_certificate_is_no_longer_offered(client, issued):
    client.force_login(issued.entries[0].nominator)
    url = nomination_download(issued.winner)
    certificates.revoke(issued.winner, issued.admin, "Disqualified.")
    assert client.get(url).status_code == 404
    detail = client.get(f"/my-nominations/{issued.entries[0].uuid}/").content.decode()
    assert url not in detail and nomination_download(issued.participation) in detail


def test_a_cached_download_is_fast(client, issued):
    import time

    client.force_login(issued.entries[0].nominator)
    url = nomination_download(issued.winner)
    b"".join(client.get(url).streaming_content)  # renders and stores it
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        response = client.get(url)
        b"".join(response.streaming_content)
        timings.append(time.perf_counter() - start)
    assert sorted(timings)[2] < 0.3


# Judges' downloads -------------------------------------------------------------------------------


def judge_download(certificate):
    return reverse("judging:judge_certificate", kwargs={"code": certificate.display_code})


def test_the_judge_finds_their_certificate_on_the_dashboard(client, issued):
    client.force_login(issued.judges[0].user)
    dashboard = client.get(reverse("judging:dashboard"))
    assert "Your certificates" in text(dashboard)
    assert judge_download(issued.judge_certificate) in dashboard.content.decode()
    response = client.get(judge_download(issued.judge_certificate))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private"
    assert "Certificate of appreciation" in pdf_text(b"".join(response.streaming_content))
    # In French on asking, and by default once the judge's account is in French.
    assert f'{judge_download(issued.judge_certificate)}?language=fr"' in dashboard.content.decode()
    french = client.get(judge_download(issued.judge_certificate), {"language": "fr"})
    assert "Certificat de remerciement" in pdf_text(b"".join(french.streaming_content))
    issued.judges[0].user.language = "fr"
    issued.judges[0].user.save()
    default = client.get(judge_download(issued.judge_certificate))
    assert "Certificat de remerciement" in pdf_text(b"".join(default.streaming_content))


def test_nobody_else_gets_a_judges_certificate(client, issued):
    url = judge_download(issued.judge_certificate)
    assert client.get(url).status_code == 302
    for user in [
        issued.judges[1].user,
        issued.entries[0].nominator,
        UserFactory(email="x@example.org"),
    ]:
        client.force_login(user)
        assert client.get(url).status_code == 404, user
        assert client.get(url, {"language": "fr"}).status_code == 404, user
    # A judge cannot fetch a nominee's certificate through the judge portal.
    client.force_login(issued.judges[0].user)
    assert client.get(judge_download(issued.winner)).status_code == 404
    # Nor their own once revoked; the dashboard then lists nothing.
    certificates.revoke(issued.judge_certificate, issued.admin, "Wrong person.")
    assert client.get(url).status_code == 404
    assert "Your certificates" not in text(client.get(reverse("judging:dashboard")))


def test_the_dashboard_query_count_does_not_grow_with_certificates(
    client, issued, django_assert_max_num_queries
):
    judge = issued.judges[0]
    client.force_login(judge.user)
    with django_assert_max_num_queries(40) as captured:
        client.get(reverse("judging:dashboard"))
    baseline = len(captured)
    # More certificates of other cycles for the same judge.
    for n in range(3):
        JudgeCertificateFactory(judge=judge, cycle__name_en=f"Old cycle {n}")
    with django_assert_max_num_queries(baseline):
        response = client.get(reverse("judging:dashboard"))
    assert text(response).count("Certificate of appreciation") == 4


# Admin -------------------------------------------------------------------------------------------


def admin_urls(issued, batch):
    return [
        ("get", reverse("judging_certificates")),
        ("get", reverse("judging_certificates_issue", args=[issued.round.pk])),
        ("post", reverse("judging_certificates_issue", args=[issued.round.pk])),
        ("get", reverse("judging_certificates_batch", args=[batch.pk])),
        ("post", reverse("judging_certificates_batch", args=[batch.pk])),
        ("get", reverse("judging_certificates_batch_zip", args=[batch.pk])),
        ("get", reverse("judging_certificates_pdf", args=[issued.winner.pk])),
        ("get", reverse("judging_certificates_revoke", args=[issued.winner.pk])),
        ("post", reverse("judging_certificates_revoke", args=[issued.winner.pk])),
        ("get", reverse("judging_certificates_reissue", args=[issued.winner.pk])),
        ("post", reverse("judging_certificates_reissue", args=[issued.winner.pk])),
    ]


def test_the_admin_needs_the_round_permission(client, issued):
    batch = CertificateBatchFactory(round=issued.round, status="failed")
    for method, url in admin_urls(issued, batch):
        response = getattr(client, method)(url, {"reason": "x"})
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url
    editor = UserFactory(email="editor@awards.example")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for user in (issued.entries[0].nominator, editor):
        client.force_login(user)
        for method, url in admin_urls(issued, batch):
            response = getattr(client, method)(url, {"reason": "x"})
            assert response.status_code in (302, 403), (user, url)
            assert b"Agency 1" not in response.content
    issued.winner.refresh_from_db()
    assert issued.winner.is_valid
    assert Certificate.objects.filter(cycle=issued.cycle).count() == 12
    batch.refresh_from_db()
    assert batch.status == "failed"


def test_a_moderator_with_the_round_permission_gets_in(client, issued):
    user = UserFactory(email="moderator@awards.example")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_round"),
    )
    client.force_login(user)
    response = client.get(reverse("judging_certificates"))
    assert response.status_code == 200 and issued.winner.display_code in text(response)
    # The Judging menu links to the certificates.
    assert reverse("judging_certificates") in client.get("/admin/").content.decode()


def test_issuing_from_the_admin_previews_then_runs_the_batch(
    client, awarded, django_capture_on_commit_callbacks
):
    client.force_login(awarded.admin)
    url = reverse("judging_certificates_issue", args=[awarded.round.pk])
    page = text(client.get(url))
    assert "Issue 12 certificates and make the PDFs" in page
    assert "no signatories yet" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    batch = CertificateBatch.objects.get(round=awarded.round)
    assert response.status_code == 302
    assert response["Location"] == reverse("judging_certificates_batch", args=[batch.pk])
    page = client.get(response["Location"])
    assert "12 of 12 PDFs made" in text(page)
    assert reverse("judging_certificates_batch_zip", args=[batch.pk]) in page.content.decode()
    status = client.get(response["Location"], {"format": "json"}).json()
    assert status == {
        "status": "done",
        "status_label": "Done",
        "done": 12,
        "total": 12,
        "finished": True,
        "stalled": False,
    }
    archive = client.get(reverse("judging_certificates_batch_zip", args=[batch.pk]))
    assert archive["Content-Type"] == "application/zip"
    assert archive["Content-Disposition"].startswith('attachment; filename="certificates-res-')
    # Again: nothing new, the page says so.
    assert "Nothing new to issue" in text(client.get(url))


def test_an_unpublished_round_cannot_issue_from_the_admin(client, scene, superuser):
    client.force_login(superuser)
    url = reverse("judging_certificates_issue", args=[scene.round.pk])
    assert "not published yet" in text(client.get(url))
    response = client.post(url, follow=True)
    assert "not published yet" in text(response)
    assert not Certificate.objects.filter(cycle=scene.cycle).exists()
    assert not CertificateBatch.objects.filter(round=scene.round).exists()


def test_the_list_filters_by_cycle_kind_and_state(client, issued, django_assert_max_num_queries):
    client.force_login(issued.admin)
    certificates.revoke(issued.winner, issued.admin, "Disqualified.")
    url = reverse("judging_certificates")
    base = {"cycle": issued.cycle.pk}
    page = text(client.get(url, {**base, "kind": "judge"}))
    assert "2 certificates" in page
    page = text(client.get(url, {**base, "state": "revoked"}))
    assert "1 certificate" in page and issued.winner.display_code in page
    page = text(client.get(url, {**base, "state": "valid"}))
    assert "11 certificates" in page and issued.winner.display_code not in page
    page = text(client.get(url, {"q": issued.winner.display_code.lower()}))
    assert "1 certificate" in page
    with django_assert_max_num_queries(30) as captured:
        client.get(url, base)
    baseline = len(captured)
    certificates.issue(issued.round, issued.admin, run=False)
    for n in range(9, 14):
        issued.entry(n)
    certificates.issue(issued.round, issued.admin, run=False)
    with django_assert_max_num_queries(baseline):
        client.get(url, base)


def test_revoking_from_the_admin_needs_a_reason(client, issued):
    client.force_login(issued.admin)
    url = reverse("judging_certificates_revoke", args=[issued.winner.pk])
    response = client.post(url, {"reason": "  "})
    assert response.status_code == 200 and "Say why the certificate is revoked" in text(response)
    issued.winner.refresh_from_db()
    assert issued.winner.is_valid
    response = client.post(url, {"reason": "Disqualified after an audit."})
    assert response.status_code == 302
    issued.winner.refresh_from_db()
    assert not issued.winner.is_valid
    assert "Revoked" in text(client.get(response["Location"]))


def test_reissuing_from_the_admin(client, issued):
    client.force_login(issued.admin)
    url = reverse("judging_certificates_reissue", args=[issued.winner.pk])
    assert client.post(url, {"reason": ""}).status_code == 200
    response = client.post(url, {"reason": "Name misspelt."}, follow=True)
    new = Certificate.objects.get(replaces=issued.winner)
    page = text(response)
    assert new.display_code in page and issued.winner.display_code in page
    assert "re-issued as" in page
    # The admin downloads either PDF, in either language.
    pdf = client.get(reverse("judging_certificates_pdf", args=[new.pk]))
    assert new.display_code in pdf_text(b"".join(pdf.streaming_content))
    french = client.get(reverse("judging_certificates_pdf", args=[new.pk]), {"language": "fr"})
    assert "Lauréat" in pdf_text(b"".join(french.streaming_content))
    # Re-issuing the revoked one again is refused with a message.
    response = client.post(url, {"reason": "Again."})
    assert "already re-issued" in text(response)


def test_signatories_are_managed_in_the_admin(client, issued):
    client.force_login(issued.admin)
    list_url = reverse("wagtailsnippets_judging_signatory:list")
    assert client.get(list_url).status_code == 200
    response = client.post(
        reverse("wagtailsnippets_judging_signatory:add"),
        {
            "cycle": issued.cycle.pk,
            "name": "Amina Diallo",
            "title_en": "Chair of the jury",
            "title_fr": "Présidente du jury",
            "sort_order": 1,
        },
    )
    assert response.status_code == 302, text(response)[:2000]
    assert Signatory.objects.get(cycle=issued.cycle).title_fr == "Présidente du jury"
    html_ = certificate_pdf.certificate_html(issued.winner)
    assert "Amina Diallo" in html_


def test_signatories_have_a_title_in_each_language_in_the_admin(client, scene, superuser):
    signatory = SignatoryFactory(cycle=scene.cycle, name="Ngozi Okafor", title_pt="Presidente")
    client.force_login(superuser)
    url = reverse("wagtailsnippets_judging_signatory:edit", args=[signatory.pk])
    form = client.get(url).content.decode()
    for field in ["title_en", "title_fr", "title_pt", "title_ar"]:
        assert f'name="{field}"' in form
    assert 'value="Presidente"' in form
    response = client.post(
        url,
        {
            "cycle": scene.cycle.pk,
            "name": "Ngozi Okafor",
            "title_en": "Chair of the jury",
            "title_fr": "Présidente du jury",
            "title_pt": "Presidente do júri",
            "title_ar": "رئيسة لجنة التحكيم",
            "sort_order": 0,
        },
    )
    assert response.status_code == 302, text(response)[:2000]
    signatory.refresh_from_db()
    assert (signatory.title_pt, signatory.title_ar) == ("Presidente do júri", "رئيسة لجنة التحكيم")
    assert "Ngozi Okafor" in text(client.get(response["Location"]))  # "… updated."
    # The list finds a signatory by any of their titles.
    listing = reverse("wagtailsnippets_judging_signatory:list")
    for query in ["júri", "لجنة التحكيم"]:
        assert "Ngozi Okafor" in text(client.get(listing, {"q": query}))
    assert "Ngozi Okafor" not in text(client.get(listing, {"q": "Tesoureira"}))


def test_a_judge_no_longer_active_keeps_their_certificate(client, issued):
    JudgeProfile.objects.filter(pk=issued.judges[0].pk).update(is_active=False)
    client.force_login(issued.judges[0].user)
    assert client.get(judge_download(issued.judge_certificate)).status_code == 200
