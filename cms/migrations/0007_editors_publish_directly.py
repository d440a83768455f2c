"""Editors publish directly: the Editors group gets exactly the permissions of cms/editors.py
(pages of both languages' trees, translation, images, documents, partners, site settings) and
Wagtail's default "Moderators approval" workflow is detached from the page tree.

The code lives in cms/editors.py, written against the historical `apps` it is given, so the
demo loader runs the same rules; it uses only Django's and Wagtail's own models."""

from django.db import migrations


def forwards(apps, schema_editor):
    from cms.editors import set_up_editors

    set_up_editors(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0006_partner_manage_sponsorship"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0090_remove_grouppagepermission_permission_type"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("simple_translation", "0001_initial"),
    ]

    # Going back leaves the permissions as they are (there is nothing safe to restore).
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
