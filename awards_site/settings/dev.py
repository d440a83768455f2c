"""Development: `make run`. DEBUG on unless DEBUG=0; a secret key kept in var/secret_key."""

import os

from awards_site.settings.base import *  # noqa: F403
from awards_site.settings.base import VAR_DIR, env_bool
from awards_site.settings.secret import local_secret_key

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or local_secret_key(VAR_DIR / "secret_key")
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# The demo users sign in with just the demo password; MFA_REQUIRED_FOR_ROLES=1 tries the
# production rule (administrators, editors and judges must set up two-step verification).
MFA_REQUIRED_FOR_ROLES = env_bool("MFA_REQUIRED_FOR_ROLES", False)
