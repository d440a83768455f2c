from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsSiteConfig(AppConfig):
    name = "awards_site"
    verbose_name = _("Site and accounts")

    def ready(self):
        from awards_site import checks  # noqa: F401  (registers the project's system checks)
        from awards_site.caching import generation, lookups
        from awards_site.formats import install_date_words

        # "1er juillet" in French, "junho" in Portuguese (awards_site/formats/__init__.py).
        install_date_words()
        # What Wagtail's pages, sites, locales, images and documents change on public pages,
        # and the locales kept until public content changes (awards_site/caching/).
        generation.connect_wagtail()
        lookups.memoise_locale_lookups()

        from allauth.account.signals import password_reset

        from awards_site.accounts.rules import verify_email_on_password_reset

        password_reset.connect(verify_email_on_password_reset, dispatch_uid="verify-on-reset")
        self.connect_security_signals()
        self.connect_task_signals()

        # Wagtail's own downloads (its reports, redirects) write through the site's writer:
        # a patch, because Wagtail offers no hook there (awards_site/exports.py says why).
        from awards_site import exports

        exports.install_on_wagtail()

    def connect_security_signals(self):
        """Session clocks, ending sessions, two-step verification state and the security log
        (awards_site.accounts.sessions, awards_site.accounts.mfa, awards_site.security.log)."""
        from allauth.account import signals as account_signals
        from allauth.mfa import signals as mfa_signals
        from django.contrib.auth import get_user_model
        from django.contrib.auth import signals as auth_signals
        from django.db.models.signals import m2m_changed, post_init, post_save

        from awards_site.accounts import linking as account_linking
        from awards_site.accounts import mfa, sessions
        from awards_site.security import log as security_log

        User = get_user_model()
        auth_signals.user_logged_in.connect(sessions.on_logged_in, dispatch_uid="session-clock")
        auth_signals.user_logged_out.connect(
            sessions.forget_user_session, dispatch_uid="session-forget"
        )
        post_init.connect(sessions.remember_is_active, sender=User, dispatch_uid="user-active")
        post_save.connect(
            sessions.end_sessions_on_deactivation, sender=User, dispatch_uid="user-deactivated"
        )
        # New powers only for a proven owner (awards_site/accounts/linking.py): a group, or the
        # staff or superuser flag, given to an account whose address is not confirmed.
        m2m_changed.connect(
            account_linking.on_groups_added,
            sender=User.groups.through,
            dispatch_uid="groups-need-proof",
        )
        post_init.connect(
            account_linking.remember_role_flags, sender=User, dispatch_uid="user-role-flags"
        )
        post_save.connect(
            account_linking.on_role_flags_saved, sender=User, dispatch_uid="flags-need-proof"
        )
        mfa_signals.authenticator_removed.connect(
            mfa.forget_activation, dispatch_uid="mfa-not-here"
        )

        log = security_log
        for signal, receiver in [
            (auth_signals.user_logged_in, log.on_logged_in),
            (auth_signals.user_logged_out, log.on_logged_out),
            (account_signals.password_changed, log.on_password_changed),
            (account_signals.password_reset, log.on_password_reset),
            (account_signals.email_changed, log.on_email_changed),
            (account_signals.email_added, log.on_email_added),
            (account_signals.email_removed, log.on_email_removed),
            (mfa_signals.authenticator_added, log.on_authenticator_added),
            (mfa_signals.authenticator_removed, log.on_authenticator_removed),
            (mfa_signals.authenticator_reset, log.on_authenticator_reset),
            (mfa_signals.authenticator_used, log.on_authenticator_used),
            (mfa_signals.authentication_failed, log.on_mfa_failed),
        ]:
            signal.connect(receiver, dispatch_uid=f"security-log-{receiver.__name__}")

    def connect_task_signals(self):
        """A task runs with the id of the request that queued it, on any worker
        (awards_site/operations/request_id.py)."""
        from django_tasks import signals as task_signals

        from awards_site.operations import request_id

        task_signals.task_enqueued.connect(request_id.on_task_enqueued, dispatch_uid="rid-enqueued")
        task_signals.task_started.connect(request_id.on_task_started, dispatch_uid="rid-started")
        task_signals.task_finished.connect(request_id.on_task_finished, dispatch_uid="rid-finished")
