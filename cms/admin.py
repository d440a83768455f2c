"""The Django admin (/django-admin/) does not take images or documents: Wagtail registers its
models there, where a file would skip the checks of cms/uploads/images.py and
cms/uploads/documents.py and the
collections' permissions. They are managed in the Wagtail admin only."""

from django.contrib import admin
from wagtail.documents import admin as _wagtail_documents_admin  # noqa: F401 (registers them)
from wagtail.documents.models import Document
from wagtail.images import admin as _wagtail_images_admin  # noqa: F401 (registers them)
from wagtail.images.models import Image

for model in (Document, Image):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
