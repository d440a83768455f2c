"""A service point's poster and counter card (feedback/posters/): the PDF opens and says what a
citizen needs (code, address, SMS line), in each language, with the QR code of the address;
only the point's agency staff and administrators download it."""

import io

import pypdf
import pytest
import segno
from django.contrib.auth.models import Permission

from feedback.models import SmsGateway
from feedback.posters import documents
from tests.factories.accounts import UserFactory
from tests.factories.feedback import AgencyFactory, AgencyMembershipFactory, ServicePointFactory
from tests.pdf import pdf_pages, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, point):
    client.force_login(AgencyMembershipFactory(agency=point.agency).user)
    return client


def gateway(country="KE", **fields):
    from feedback.models import SmsGateway

    values = {"name": "Test gateway", "provider": "africastalking", "number": "21234"}
    return SmsGateway.objects.create(country=country, **{**values, **fields})


def page_sizes(data):
    pages = pypdf.PdfReader(io.BytesIO(data)).pages
    return [
        (round(float(p.mediabox.width) / 72 * 25.4), round(float(p.mediabox.height) / 72 * 25.4))
        for p in pages
    ]


def test_the_poster_holds_the_code_address_and_sms_line_in_each_language(staff_client, point):
    gateway()
    response = staff_client.get(f"/feedback/{point.code}/poster-a4.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="{point.code}-poster-a4.pdf"' in response["Content-Disposition"]
    data = response.content
    # The site's languages (the agency chose none): English, French, Portuguese, Arabic.
    assert page_sizes(data) == [(210, 297)] * 4
    english, french, portuguese, arabic = (pdf_text(_page(data, n)) for n in range(4))
    for text in (english, french, portuguese, arabic):
        assert point.code in text and "Huduma Centre Test" in text and point.agency.name in text
        assert "21234" in text
    for text in (english, french, portuguese):
        assert f"{point.code} 4 6" in text
    assert f"testserver/pt/feedback/{point.code}/" in portuguese
    assert f"testserver/ar/feedback/{point.code}/" in arabic
    assert "30 seconds" not in portuguese and "30 seconds" not in arabic
    assert f"testserver/feedback/{point.code}/" in english
    assert "30 seconds, no account" in english and "No internet? Send an SMS to 21234" in english
    assert f"testserver/fr/feedback/{point.code}/" in french
    assert "30 secondes, sans compte" in french and "30 seconds" not in french
    assert f"{point.code} 4 6 O 9" in french


def _page(data, number):
    reader = pypdf.PdfReader(io.BytesIO(data))
    writer = pypdf.PdfWriter()
    writer.add_page(reader.pages[number])
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_the_counter_card_is_a6(staff_client, point):
    point.agency.poster_languages = ["fr"]
    point.agency.save()
    data = staff_client.get(f"/feedback/{point.code}/card-a6.pdf").content
    assert page_sizes(data) == [(105, 148)]
    assert "30 secondes, sans compte" in pdf_text(data)


def test_without_an_active_gateway_of_the_country_there_is_no_sms_line(staff_client, point):
    SmsGateway.objects.filter(country=point.agency.country).delete()  # the demo's
    gateway(country="SN", number="30000")
    gateway(number="40000", active=False)
    text = pdf_text(staff_client.get(f"/feedback/{point.code}/poster-a4.pdf").content)
    assert point.code in text
    assert "SMS" not in text and "30000" not in text and "40000" not in text


def test_the_languages_are_the_agencys_and_lang_picks_one(staff_client, point):
    agency = point.agency
    assert documents.poster_languages(agency) == ["en", "fr", "pt", "ar"]
    agency.poster_languages = ["sw", "fr", "fr", "en"]  # Swahili: no form in it yet
    assert documents.poster_languages(agency) == ["fr", "en"]
    assert documents.poster_languages(agency, asked="en") == ["en"]
    assert documents.poster_languages(agency, asked="xx") == ["fr", "en"]
    response = staff_client.get(f"/feedback/{point.code}/poster-a4.pdf?lang=fr")
    assert pdf_pages(response.content) == 1
    assert "sans compte" in pdf_text(response.content)
    assert (
        'filename="' in response["Content-Disposition"]
        and "-fr.pdf" in response["Content-Disposition"]
    )


def test_the_qr_code_encodes_the_points_address(point):
    for language, url in [
        ("en", f"http://testserver/feedback/{point.code}/"),
        ("fr", f"http://testserver/fr/feedback/{point.code}/"),
    ]:
        assert documents.form_url(point, language) == url
        expected = segno.make(url, error="m", micro=False)
        assert documents.qr_code(url).matrix == expected.matrix
        drawn = expected.svg_inline(border=0, omitsize=True, dark="#1b1b1b")
        html = documents.poster_html(point, documents.A4, [language])
        assert drawn in html  # an inline SVG: drawn as vectors, no raster image
        assert "<img" not in html.replace('<img src="img/logo.svg" alt="">', "")


# Who may download --------------------------------------------------------------------------------
@pytest.mark.parametrize("address", ["poster-a4.pdf", "card-a6.pdf"])
def test_an_anonymous_visitor_is_asked_to_sign_in(client, point, address):
    response = client.get(f"/feedback/{point.code}/{address}")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("address", ["poster-a4.pdf", "card-a6.pdf"])
def test_staff_of_another_agency_cannot_fetch_it(client, point, address):
    """The attack: a member of another agency (same country) asks for this point's poster."""
    other = AgencyMembershipFactory(agency=AgencyFactory(country=point.agency.country)).user
    client.force_login(other)
    assert client.get(f"/feedback/{point.code}/{address}").status_code == 404


def test_a_signed_in_person_without_the_permission_gets_404(client, point):
    client.force_login(UserFactory())
    assert client.get(f"/feedback/{point.code}/poster-a4.pdf").status_code == 404


def test_administrators_download_any_points_poster(client, point):
    admin = UserFactory()
    admin.user_permissions.add(Permission.objects.get(codename="change_agency"))
    client.force_login(admin)
    assert client.get(f"/feedback/{point.code}/card-a6.pdf").status_code == 200


def test_the_admin_list_of_points_links_to_the_posters(demo_admin_client, point):
    response = demo_admin_client.get(f"/admin/feedback/points/?q={point.code}")
    assert f'href="/feedback/{point.code}/poster-a4.pdf"' in response.content.decode()
    assert f'href="/feedback/{point.code}/card-a6.pdf"' in response.content.decode()


def test_an_unknown_code_is_404_for_staff(staff_client):
    assert staff_client.get("/feedback/AAAAAA/poster-a4.pdf").status_code == 404


def test_a_long_name_still_fits_one_page_per_language(staff_client, point):
    gateway()
    long_point = ServicePointFactory(
        agency=point.agency,
        name="Ministère de la Fonction Publique et de la Réforme Administrative, guichet " * 2,
        town="Saint-Louis",
    )
    for address in ("poster-a4.pdf", "card-a6.pdf"):
        data = staff_client.get(f"/feedback/{long_point.code}/{address}").content
        assert pdf_pages(data) == 4  # one page per language
        assert long_point.code in pdf_text(data)
