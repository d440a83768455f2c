"""The generated share card: a page's title on the program's colours, with its logo and name,
1200 by 630 pixels, drawn with Pillow in the bundled fonts (static/fonts/: Noto Sans, Noto Naskh
Arabic for an Arabic title, Noto Sans Ethiopic for Ge'ez), chosen by the title's script.

A card is drawn once per page, title and language and kept in the default storage under a name
carrying a digest of what it shows (`share-cards/<page>-<language>-<digest>.png`): a new title
makes a new name, so the address in the page's og:image changes with it and every cache (the
site's, a social network's) can keep a card for ever. Page 0 is the site's own card, shared by
the pages that are not Wagtail pages (the nomination form, the feedback form, search...)."""

import hashlib
import io
import unicodedata

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext, override

from awards_site.pdf.fonts import ARABIC, ETHIOPIC, FONTS_DIR

WIDTH, HEIGHT = 1200, 630
# Bump to redraw every card (a new layout): the digests, so the addresses, change.
VERSION = "1"
FOLDER = "share-cards"
SITE_CARD = 0  # the page id of the site's own card

# The brand (static/css/site.css: --brand, --brand-dark, --focus, --accent).
BRAND = "#0b5d3b"
BRAND_DARK = "#07402a"
YELLOW = "#ffbf47"
ACCENT = "#b3541e"
WHITE = "#ffffff"

MARGIN = 80
TITLE_BOX = (WIDTH - 2 * MARGIN, 330)  # the title's room, above the program's band
LARGEST, SMALLEST = 76, 40
MOST_LINES = 4

# Faces by script: (regular, bold) files in static/fonts/.
LATIN = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")
SCRIPTS = [
    (ARABIC, ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf")),
    (ETHIOPIC, ("NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf")),
]


def program_name(language):
    with override(language):
        return gettext("Africa Public Sector CX Awards")


def site_card_title(language):
    with override(language):
        return gettext("Recognising the public services that serve people well")


def digest(title, language):
    text = f"{VERSION}|{language}|{title}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def name(page_id, language, title):
    return f"{page_id}-{language}-{digest(title, language)}.png"


def path(page_id, language, title):
    return f"{FOLDER}/{name(page_id, language, title)}"


# Drawing ---------------------------------------------------------------------------------------


def script_faces(text):
    """The (regular, bold) files for the text's first letter's script: Latin unless it is one
    the bundle draws with a font of its own."""
    for character in text:
        if not unicodedata.category(character).startswith("L"):
            continue
        codepoint = ord(character)
        for blocks, faces in SCRIPTS:
            if any(start <= codepoint <= end for start, end in blocks):
                return faces
        return LATIN
    return LATIN


def is_right_to_left(text):
    for character in text:
        direction = unicodedata.bidirectional(character)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def _font(file, size):
    # Pillow's text drawing (FreeType, Raqm) is loaded by the first card drawn, not by every
    # web worker: a card is drawn once, then read from the storage (test_light_workers.py).
    from PIL import ImageFont

    return ImageFont.truetype(str(FONTS_DIR / file), size, layout_engine=ImageFont.Layout.RAQM)


def _direction(text):
    return "rtl" if is_right_to_left(text) else "ltr"


def wrap(text, font, width, direction="ltr"):
    """The text's words in lines no wider than `width` (a word longer than a line has a line
    of its own)."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and font.getlength(candidate, direction=direction) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def fit_title(title, file):
    """(font, lines): the largest size at which the title fits its box in MOST_LINES lines; at
    the smallest size, the lines that fit, the last one ending in an ellipsis."""
    direction = _direction(title)
    width, height = TITLE_BOX
    for size in range(LARGEST, SMALLEST - 1, -4):
        font = _font(file, size)
        lines = wrap(title, font, width, direction)
        line_height = int(size * 1.25)
        fits_across = all(font.getlength(line, direction=direction) <= width for line in lines)
        if len(lines) <= MOST_LINES and len(lines) * line_height <= height and fits_across:
            return font, lines
    font = _font(file, SMALLEST)
    lines = wrap(title, font, width, direction)[:MOST_LINES]
    last = lines[-1]
    while last and font.getlength(last + "…", direction=direction) > width:
        last = last[:-1]
    lines[-1] = last.rstrip() + "…"
    return font, lines


def _draw_logo(draw, x, y, size):
    """The program's logo (static/img/logo.svg): a yellow tick in a circle, here on the band."""
    draw.ellipse((x, y, x + size, y + size), fill=YELLOW)
    scale = size / 40
    tick = [(12, 21.5), (17, 26.5), (28, 14.5)]
    points = [(x + px * scale, y + py * scale) for px, py in tick]
    draw.line(points, fill=BRAND_DARK, width=max(2, int(4 * scale)), joint="curve")


def draw_card(title, language):
    """The card as PNG bytes."""
    from PIL import Image, ImageDraw  # with the fonts, on the first card drawn (_font)

    image = Image.new("RGB", (WIDTH, HEIGHT), BRAND)
    draw = ImageDraw.Draw(image)
    right_to_left = is_right_to_left(title) or language.split("-")[0] in ("ar", "fa", "he", "ur")

    # An accent rule on the reading side, the program's band at the bottom.
    rule_x = WIDTH - MARGIN - 120 if right_to_left else MARGIN
    draw.rectangle((rule_x, 70, rule_x + 120, 80), fill=ACCENT)
    band_top = HEIGHT - 150
    draw.rectangle((0, band_top, WIDTH, HEIGHT), fill=BRAND_DARK)

    font, lines = fit_title(title, script_faces(title)[1])
    direction = _direction(title)
    line_height = int(font.size * 1.25)
    top = 120 + (TITLE_BOX[1] - line_height * len(lines)) // 2
    for number, line in enumerate(lines):
        y = top + number * line_height
        if direction == "rtl":
            draw.text(
                (WIDTH - MARGIN, y),
                line,
                font=font,
                fill=WHITE,
                anchor="ra",
                direction="rtl",
                language="ar",
            )
        else:
            draw.text((MARGIN, y), line, font=font, fill=WHITE, anchor="la")

    logo_size = 72
    logo_y = band_top + (150 - logo_size) // 2
    program = program_name(language)
    program_font = _font(script_faces(program)[1], 34)
    if right_to_left:
        _draw_logo(draw, WIDTH - MARGIN - logo_size, logo_y, logo_size)
        draw.text(
            (WIDTH - MARGIN - logo_size - 28, band_top + 75),
            program,
            font=program_font,
            fill=WHITE,
            anchor="rm",
            direction=_direction(program),
        )
    else:
        _draw_logo(draw, MARGIN, logo_y, logo_size)
        draw.text(
            (MARGIN + logo_size + 28, band_top + 75),
            program,
            font=program_font,
            fill=WHITE,
            anchor="lm",
        )

    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


# Keeping -----------------------------------------------------------------------------------------


def card_file(page_id, language, title):
    """The card's PNG bytes: from the storage, drawn and stored on first use."""
    stored = path(page_id, language, title)
    if default_storage.exists(stored):
        with default_storage.open(stored, "rb") as kept:
            return kept.read()
    png = draw_card(title, language)
    default_storage.save(stored, ContentFile(png))
    return png
