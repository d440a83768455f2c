"""{% logo_picture %} and {% content_picture %}: every image of the public pages, as a
<picture> of the renditions cms/uploads/renditions.py declares. Lazy unless `eager`: only the
first image a page shows above the fold is eager, so that it is not fetched after the rest."""

from django import template

from cms.uploads import renditions

register = template.Library()


def _attrs(alt, eager, **more):
    return {"alt": alt, "loading": None if eager else "lazy", **more}


@register.simple_tag
def logo_picture(image, alt, eager=False):
    if not image:
        return ""
    return renditions.LOGO.html(image, _attrs(alt, eager))


@register.simple_tag
def content_picture(image, alt, eager=False):
    if not image:
        return ""
    return renditions.CONTENT.html(image, _attrs(alt, eager, sizes=renditions.CONTENT_SIZES))


@register.simple_tag
def eager_image_block(body, image_above=None):
    """The id of the body's first image block, which shows above the fold unless the page
    already showed an image before its body (a news article's own image)."""
    if image_above:
        return None
    return next((block.id for block in body if block.block_type == "image"), None)
