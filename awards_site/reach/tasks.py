"""The flush of the reach counts (buffer.py) as a background task: queued by the first page view
of each minute (middleware.py), run inline by the immediate backend of development, by a
worker in production; `manage.py flush_reach` runs the same for cron."""

from awards_site.background.retry import retried_task
from awards_site.reach import buffer


@retried_task()
def flush_reach():
    """Move the closed minutes' counts from the cache into the database."""
    return {"slots": buffer.flush()}
