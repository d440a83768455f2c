"""The sizes and formats in which the public site shows images, declared once: the template tags
(cms/templatetags/pictures.py) render them and the demo loader makes them in advance, so the
two can never ask for different files.

An uploaded image is never served as it is: each place that shows one asks Wagtail for
renditions at the sizes the page lays it out at (1x) and twice that (2x screens), in AVIF and
WebP. A browser takes the first format it can decode from the <picture>'s sources; every one in
use decodes WebP. The <img> always carries the 1x rendition's width and height, so the page
keeps the image's place before the file arrives (no layout shift).
"""

from dataclasses import dataclass

from PIL import features
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

# AVIF first: a sixth to a third smaller than WebP for the demo's logos. A Pillow built without
# libavif cannot write it, and the site then serves WebP alone.
FORMATS = ("avif", "webp") if features.check("avif") else ("webp",)


class DensityPicture(Picture):
    """A <picture> whose candidates are "1x, 2x": for an image shown at one fixed size (a logo),
    where the browser needs no `sizes` to pick."""

    @classmethod
    def get_width_srcset(cls, renditions):
        base = renditions[0]
        if len(renditions) == 1:
            return base.url
        return ", ".join(f"{r.url} {r.width / base.width:.3g}x" for r in renditions)


@dataclass(frozen=True)
class Shown:
    """One way the site shows an image: the sizes made of it, the first the one laid out at 1x
    (its width and height go on the <img>), and how the browser chooses among them."""

    sizes: tuple[str, ...]
    picture: type[Picture] = Picture

    @property
    def specs(self):
        return [f"{size}|format-{image_format}" for image_format in FORMATS for size in self.sizes]

    def renditions(self, image):
        """The renditions, made on first use and read afterwards. Wagtail never enlarges an
        image, so a size the upload is too small for repeats a smaller one: left out."""
        kept, seen = {}, set()
        for spec, rendition in get_renditions_or_not_found(image, self.specs).items():
            same_file = (spec.rsplit("|", 1)[1], rendition.width)
            if same_file not in seen:
                seen.add(same_file)
                kept[spec] = rendition
        return kept

    def html(self, image, attrs):
        return self.picture(self.renditions(image), attrs).__html__()


# A logo fits a box of 12rem by 4rem (static/css/site.css, `.logos img`): 192 by 64 CSS pixels.
LOGO = Shown(("max-192x64", "max-384x128"), DensityPicture)

# An image in a page's text, as wide as the text column (--measure, 42rem: 672 pixels) or the
# phone's screen; then a phone's size, and for 2x screens.
CONTENT = Shown(("width-672", "width-480", "width-1008", "width-1344"))
CONTENT_SIZES = "(max-width: 44rem) calc(100vw - 2rem), 42rem"


def prepare(image, *shown):
    """Make an image's renditions now, so that the first visitor does not wait for them."""
    for way in shown:
        way.renditions(image)
