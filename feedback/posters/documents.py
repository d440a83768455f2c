"""The poster and counter card of a service point, as PDF (awards_site/pdf: WeasyPrint, the
bundled fonts, nothing fetched). One document holds one page per language of the agency's
posters (`Agency.poster_languages`; the site's languages when it chose none), each page with
the QR code of the form's address in that language, so a French page opens the French form.

- The QR code (segno, inline SVG: no raster, sharp at any print size) encodes the point's full
  public address, SITE_URL + /feedback/<code>/ (/fr/feedback/<code>/ on a French page).
- The SMS line names the number of an active SMS gateway of the agency's country; without one,
  the line is left out.
"""

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe

from awards_site.pdf.rendering import FONT_FACES, render_pdf
from awards_site.site_url import absolute_url
from feedback.models import SmsGateway

# Names longer than this (agency, point and town together) are set smaller in the top band.
LONG_NAMES = 70

# segno's options, as on certificates (judging/certificates/pdf.py): error correction M, so a
# scratched or folded poster still reads.
QR_ERROR = "m"
QR_SVG = {"border": 0, "omitsize": True, "dark": "#1b1b1b"}


@dataclass(frozen=True)
class Format:
    slug: str  # the URL's and the stylesheet's name
    page_size: str  # CSS @page size


A4 = Format("poster-a4", "A4")
A6 = Format("card-a6", "A6")
FORMATS = {A4.slug: A4, A6.slug: A6}


def site_languages():
    return [code for code, _name in settings.LANGUAGES]


def poster_languages(agency, asked=None):
    """The languages of the agency's posters, in its order, among those the site speaks (a
    page needs the form in its language); the site's languages when it chose none. `asked` (a
    `?lang=`) narrows them to one, when the site speaks it."""
    available = site_languages()
    if asked in available:
        return [asked]
    chosen = [code for code in (agency.poster_languages or []) if code in available]
    return list(dict.fromkeys(chosen)) or available


def form_url(point, language):
    """The point's full public address in `language` (what the QR code holds)."""
    with translation.override(language):
        return absolute_url(reverse("feedback:form", kwargs={"code": point.code}))


def qr_code(url):
    import segno

    return segno.make(url, error=QR_ERROR, micro=False)


def qr_svg(url):
    return qr_code(url).svg_inline(**QR_SVG)


def sms_number(agency):
    """The number citizens text in the agency's country, or None without an active gateway."""
    gateway = (
        SmsGateway.objects.filter(country=agency.country, active=True)
        .order_by("name", "pk")
        .first()
    )
    return gateway.number if gateway else None


def page_of(point, language, number):
    url = form_url(point, language)
    with translation.override(language):
        # The answers the SMS example shows; the resolved letter is the language's "yes".
        example = f"{point.code} 4 6 {translation.pgettext('sms yes', 'Y')} 9"
        return {
            "language": language,
            "url": url,
            "short_url": url.split("://", 1)[-1],
            "results_url": absolute_url(
                reverse("feedback:results", kwargs={"code": point.code})
            ).split("://", 1)[-1],
            "qr_svg": mark_safe(qr_svg(url)),  # segno's SVG of our own URL
            "sms_example": example if number else "",
        }


def poster_html(point, format, languages):
    number = sms_number(point.agency)
    pages = [page_of(point, language, number) for language in languages]
    return render_to_string(
        "feedback/posters/poster.html",
        {
            "point": point,
            "agency": point.agency,
            "format": format,
            "pages": pages,
            "language": languages[0],
            "sms_number": number,
            "long_names": len(f"{point.agency.name}{point.name}{point.town}") > LONG_NAMES,
            "font_faces": mark_safe(FONT_FACES),  # our own constant
        },
    )


def render_poster(point, format, languages):
    """The PDF (bytes): one page per language."""
    return render_pdf(poster_html(point, format, languages))
