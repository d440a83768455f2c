"""Retention of citizens' answers: what goes when (pruning.py) and the background task that runs
it (tasks.py). docs/feedback.md "Privacy", docs/privacy.md."""
