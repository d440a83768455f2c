"""An award cycle's name in English and in French, like its categories: the existing name
becomes the English one; the French one stays empty (the English is shown) until an
administrator gives it."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("nominations", "0006_first_versions"),
    ]

    operations = [
        migrations.RenameField(model_name="awardcycle", old_name="name", new_name="name_en"),
        migrations.AlterField(
            model_name="awardcycle",
            name="name_en",
            field=models.CharField(
                help_text="For example “2027 Awards”.", max_length=80, verbose_name="name (English)"
            ),
        ),
        migrations.AddField(
            model_name="awardcycle",
            name="name_fr",
            field=models.CharField(
                default="",
                help_text=(
                    "For example “Prix 2027”: the French pages say “les Prix 2027”, certificates "
                    "in French print it."
                ),
                max_length=80,
                verbose_name="name (French)",
            ),
            preserve_default=False,
        ),
    ]
