"""Background work of the project package, through the django-tasks API (tasks take ids; a
failing task is retried, then reported: awards_site/background/retry.py)."""

from awards_site.background.retry import retried_task


@retried_task()
def send_staff_access_email(user_pk):
    """The email to someone given a role in Settings ▸ Users
    (awards_site/accounts/users_admin.py)."""
    from awards_site.accounts.users_admin import send_access_email

    send_access_email(user_pk)
