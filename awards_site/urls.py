from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from awards_site import views
from awards_site.operations.health import health
from cms import views as cms_views
from cms.pages.sitemap import AllLanguagesSitemap
from cms.sharing import urls as sharing_urls
from cms.signing import views as signing_views

# allauth answers "too many attempts" (sign-up, password reset) with this view.
handler429 = "awards_site.views.account_rate_limited"

urlpatterns = [
    # The proxy's and monitoring's probe: database, cache, storage, task queue (no secrets).
    path("health/", health, name="health"),
    # Every log-in goes through allauth (rate limits, two-step verification): the admins' own
    # log-in pages send people there.
    path("admin/login/", views.admin_login, name="admin_login_redirect"),
    path("django-admin/login/", views.admin_login, name="django_admin_login_redirect"),
    # Log-out is one behaviour everywhere: a GET asks (and changes nothing), a POST signs out
    # for real, through allauth (security log, "everywhere"). Wagtail's own answered a GET with
    # a 405 and a cleared cookie, while the session went on working.
    path("admin/logout/", views.admin_logout, name="admin_logout"),
    path("django-admin/logout/", views.admin_logout, name="django_admin_logout"),
    # Passwords change on the site's account pages (re-authentication, rate limit, log).
    path(
        "django-admin/password_change/",
        views.password_change_elsewhere,
        name="django_admin_password_change",
    ),
    path(
        "django-admin/password_change/done/",
        views.password_change_elsewhere,
        name="django_admin_password_change_done",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": AllLanguagesSitemap}}),
    path("i18n/", include("django.conf.urls.i18n")),
    # The generated share cards (cms/sharing/cards.py).
    *sharing_urls.card_urlpatterns,
    # The citizen feedback platform's open data, read-only JSON (docs/open-data.md).
    path("api/feedback/v1/", include("feedback.public.api_urls")),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    # Public media (images, logos) from the local folder; production uses S3 or the proxy.
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

# Public pages: English at the root, French under /fr/.
urlpatterns += i18n_patterns(
    path("search/", cms_views.search, name="search"),
    path("signatures/confirm/<str:token>/", cms_views.confirm_signature, name="signature_confirm"),
    path("signatures/sign/<int:page_id>/", signing_views.sign, name="sign"),
    # The program's news by email: subscribe, confirm, unsubscribe (cms/campaigns/).
    path("", include("cms.campaigns.urls")),
    path("accounts/", include("allauth.urls")),
    path("_util/login/", views.site_login, name="site_login_redirect"),
    path("", include("nominations.urls")),
    path("", include("judging.urls")),
    path("", include("cms.sponsors.urls")),
    path("", include("feedback.urls")),
    # The news feeds of each language (cms/sharing/feeds.py).
    *sharing_urls.feed_urlpatterns,
    path("", include("library.resources.urls")),
    # Every page of the tree, found by cms/pages/routing.py, except Wagtail's own _util/ URLs
    # (a page password's form), which Wagtail's URLs below keep.
    re_path(r"^(?!_util/)" + wagtail_urls.serve_pattern[1:], cms_views.serve_page, name="page"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
