"""Background work of the feedback platform, through the django-tasks API (retried, then
reported: awards_site/background/retry.py)."""

from awards_site.background.retry import retried_task
from feedback.retention import pruning as retention


@retried_task()
def prune_feedback_answers():
    """Delete answers past retention and blank old rejected comments (retention/pruning.py)."""
    pruned = retention.prune()
    return {"answers": pruned.answers, "rejected_comments": pruned.rejected_comments}
