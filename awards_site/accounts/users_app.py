"""Wagtail's users app with the site's users screens (awards_site/accounts/users_admin.py): no
password
fields, no address change for someone else, a confirmation before changes. Installed in place of
"wagtail.users" (same label, same migrations)."""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "awards_site.accounts.users_admin.UserViewSet"
