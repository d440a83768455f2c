"""Public media in an S3-compatible bucket. Wagtail keeps its documents in the same storage as
images, but a document may sit in a private collection and is always served through Wagtail's
view, which checks the collection's privacy (WAGTAILDOCS_SERVE_METHOD): only images are written
readable by anyone, every other file stays the bucket owner's alone."""

from storages.backends.s3 import S3Storage

# Wagtail's original images and their renditions, the only files shown at the bucket's address.
PUBLIC_PREFIXES = ("original_images/", "images/")


class PublicMediaStorage(S3Storage):
    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        if name.startswith(PUBLIC_PREFIXES):
            parameters.setdefault("ACL", "public-read")
        else:
            parameters.pop("ACL", None)
        return parameters
