"""Images uploaded in the Wagtail admin (its image pages, its multiple upload and its choosers).

Wagtail's image field already judges a file by its content: it opens it with Willow, refuses a
format outside WAGTAILIMAGES_EXTENSIONS (no SVG: a drawing can carry scripts), a content that
does not match the name's extension (an SVG or a PSD named .png), a file over
WAGTAILIMAGES_MAX_UPLOAD_SIZE and an image over WAGTAILIMAGES_MAX_IMAGE_PIXELS. This form only
words its refusals so that each says what to do next."""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


def explain_refusals(field):
    formats = field.supported_formats_text
    limit = field.max_upload_size_text
    field.error_messages.update(
        {
            "invalid_image_extension": _(
                "Images must be %(formats)s files (SVG drawings are not accepted). Save the "
                "image as PNG or JPEG and upload it again."
            )
            % {"formats": formats},
            "invalid_image_known_format": _(
                "This file's name ends in .%(extension)s but it is a %(image_format)s file. "
                "Save the image as PNG or JPEG and upload it again."
            ),
            "invalid_image": _(
                "This file is not an image the site can read (SVG drawings are not accepted). "
                "Save the image as PNG or JPEG and upload it again."
            ),
            "file_too_large": _(
                "This image is %(file_size)s, more than the %(max_filesize)s allowed. Save it "
                "smaller (as JPEG, or with fewer pixels) and upload it again."
            ),
            "file_too_large_unknown_size": _(
                "This image is larger than the %(max_filesize)s allowed. Save it smaller (as "
                "JPEG, or with fewer pixels) and upload it again."
            )
            % {"max_filesize": limit},
            "file_too_many_pixels": _(
                "This image has %(num_pixels)s pixels, more than the %(max_pixels_count)s "
                "allowed. Resize it (for example to 4000 × 3000 pixels) and upload it again."
            ),
        }
    )


class CheckedImageForm(BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE: every form of the admin that takes an image file."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            explain_refusals(self.fields["file"])
