"""Background work of the project package, through the django-tasks API (tasks take ids; a
failing task is retried, then reported: awards_site/task_retry.py)."""

from awards_site.task_retry import retried_task


@retried_task()
def send_staff_access_email(user_pk):
    """The email to someone given a role in Settings ▸ Users (awards_site/users_admin.py)."""
    from awards_site.users_admin import send_access_email

    send_access_email(user_pk)
