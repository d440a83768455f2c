"""A GIN index on what the search matches, `(title || body)` of the index entries, on PostgreSQL
(awards_site/search/postgres_ranking.py): without it every search reads every entry. SQLite's
full-text search has its own index; nothing is done there."""

from django.db import migrations

INDEX = "search_entry_title_body_gin"
CREATE = (
    f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
    "USING gin ((title || body))"
)
DROP = f"DROP INDEX IF EXISTS {INDEX}"


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("awards_site", "0004_reach"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP))]
