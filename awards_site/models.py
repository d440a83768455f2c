"""Accounts: people sign in with their email address; there is no separate username. The
background tasks that failed for good (awards_site/background/retry.py), and the reach figures'
counts (awards_site/reach/models.py)."""

from traceback import format_exception

import rules
from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

# The reach figures' counts, kept in their package (awards_site/reach/models.py).
from awards_site.reach.models import ConversionDay, ReachDay, ReachFlush  # noqa: F401
from awards_site.rules import PERSONAL_PERMISSIONS


class EmailUserManager(UserManager):
    def _create_user_object(self, username, email, password, **extra_fields):
        email = self.normalize_email(email or username)
        user = self.model(email=email, **extra_fields)
        user.password = ""
        user.set_password(password)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        user = self._create_user_object(None, email, password, **extra_fields)
        user.save(using=self._db)
        return user

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None
    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("Emails and documents are sent in this language."),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = EmailUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self):
        return self.get_full_name() or self.email

    def has_perm(self, perm, obj=None):
        """Django's answer (active superusers hold every permission), except for the permissions
        that say who a person is (awards_site/rules.py, PERSONAL_PERMISSIONS): their rule alone
        answers, for superusers too."""
        if perm in PERSONAL_PERMISSIONS:
            return self.is_active and rules.has_perm(perm, self, obj)
        return super().has_perm(perm, obj)


class FailedTask(models.Model):
    """A background task that failed on its last attempt (awards_site/background/retry.py), for an
    administrator to look into: listed in the Wagtail admin under Reports."""

    task_name = models.CharField(_("task"), max_length=200)
    task_path = models.CharField(_("task path"), max_length=300)
    arguments = models.JSONField(_("arguments"), default=dict)
    attempts = models.PositiveSmallIntegerField(_("attempts"))
    error = models.TextField(_("error"))
    traceback = models.TextField(_("traceback"), blank=True)
    failed_at = models.DateTimeField(_("failed at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("failed background task")
        verbose_name_plural = _("failed background tasks")
        ordering = ["-failed_at", "-pk"]

    def __str__(self):
        moment = date_format(timezone.localtime(self.failed_at), "DATETIME_FORMAT")
        return f"{self.task_name} ({moment})"

    @classmethod
    def record(cls, task, arguments, attempts, error):
        return cls.objects.create(
            task_name=task.name,
            task_path=task.module_path,
            arguments=arguments,
            attempts=attempts,
            error=f"{type(error).__name__}: {error}"[:1000],
            traceback="".join(format_exception(error))[-8000:],
        )
