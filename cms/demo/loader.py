"""Builds the demo site from `content.py`: the page tree in English and French (the main pages
also in Portuguese and Arabic: content_pt_ar.py), partners with
generated logos, site settings and the demo users. Safe to run again: what exists is kept."""

import io
import logging
from datetime import date, time
from email.utils import parseaddr
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail import hooks
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from awards_site.site_url import site_url
from awards_site.vocabularies.roles import group_of
from cms.campaigns import demo as campaigns_demo
from cms.demo import content
from cms.editors import give_editors_the_site
from cms.models import HomePage, Partner, SiteSettings
from cms.uploads import renditions

logger = logging.getLogger(__name__)

# Portuguese and Arabic pages are drafts awaiting native review (content_pt_ar.py).
LANGUAGES = ("en", "fr", "pt", "ar")

DEMO_USERS = [
    # email, first name, last name, role
    ("admin@demo.test", "Ada", "Admin", "admin"),
    ("editor@demo.test", "Edem", "Editor", "editor"),
    ("nominator@demo.test", "Nia", "Nominator", "nominator"),
    ("judge1@demo.test", "Jabari", "Judge", "judge"),
    ("judge2@demo.test", "Juliette", "Judge", "judge"),
    ("judge3@demo.test", "Jomo", "Judge", "judge"),
    ("sponsor@demo.test", "Sade", "Sponsor", "sponsor"),
]
ROLE_GROUPS = {role: group_of(role) for role in ("editor", "judge", "sponsor", "nominator")}


class DemoLoader:
    def __init__(self, password=None, stdout=None):
        self.password = password or settings.DEMO_PASSWORD
        self.say = stdout or (lambda message: logger.info(message))
        self.pages = {}  # (key, language) -> page
        self.created = 0

    @transaction.atomic
    def run(self):
        self.locales = {
            code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES
        }
        self.load_users()
        self.load_partners()
        # Before the pages: the winners page shows a cycle's results.
        self.load_awards()
        self.load_sponsors()
        self.load_pages()
        self.load_translation_work()
        self.load_library()
        campaigns_demo.load_subscribers()
        # The Editors group works in the trees of the home pages just made (cms/editors.py;
        # the migration gave it those of Wagtail's placeholder page, which the loader removes).
        give_editors_the_site(apps)
        self.load_settings()
        self.say(f"Demo content ready ({self.created} new pages).")

    def load_awards(self):
        from nominations import demo as nominations_demo

        cycle = nominations_demo.load_cycle()
        nominator = get_user_model().objects.get(email="nominator@demo.test")
        nominations_demo.load_nominations(cycle, nominator)

        from judging.demo import loader as judging_demo

        judging_demo.load(password=self.password)
        # Apps beside judging that cms does not import (the citizen feedback platform) add
        # their part through this hook.
        for load_part in hooks.get_hooks("load_demo_part"):
            load_part()

    # Users -----------------------------------------------------------------------------------
    def load_users(self):
        User = get_user_model()
        for email, first_name, last_name, role in DEMO_USERS:
            user, created = User.objects.get_or_create(
                email=email,
                defaults={
                    "first_name": first_name,
                    "last_name": last_name,
                    "is_staff": role in {"admin", "editor"},
                    "is_superuser": role == "admin",
                },
            )
            if created:
                user.set_password(self.password)
                user.save()
            # Demo addresses count as confirmed, so demo users can send nominations at once.
            EmailAddress.objects.get_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            group_name = ROLE_GROUPS.get(role)
            if group_name:
                group, _ = Group.objects.get_or_create(name=group_name)
                user.groups.add(group)

    # Partners --------------------------------------------------------------------------------
    def load_partners(self):
        for order, data in enumerate(content.PARTNERS):
            if Partner.objects.filter(name=data["name"]).exists():
                continue
            Partner.objects.create(
                name=data["name"],
                tier=data["tier"],
                country=data["country"],
                website=data["website"],
                sort_order=order,
                logo=self._logo_image(data["name"], data["colour"]),
            )
        # The logos' renditions now (about a second for the six), not on the first visit of
        # the home page; made once, they are only looked up on later runs.
        for partner in Partner.objects.exclude(logo=None).select_related("logo"):
            renditions.prepare(partner.logo, renditions.LOGO)

    def _logo_image(self, name, colour):
        """A small generated logo: the initials on a coloured badge with the name beside it."""
        initials = "".join(word[0] for word in name.replace("&", "").split()[:3]).upper()
        picture = PILImage.new("RGB", (360, 120), "white")
        draw = ImageDraw.Draw(picture)
        draw.rounded_rectangle((4, 4, 116, 116), radius=18, fill=colour)
        big = ImageFont.load_default(size=44)
        small = ImageFont.load_default(size=22)
        draw.text((60, 60), initials, fill="white", font=big, anchor="mm")
        words = name.split()
        half = (len(words) + 1) // 2
        draw.text((132, 38), " ".join(words[:half]), fill="#1b1b1b", font=small)
        draw.text((132, 66), " ".join(words[half:]), fill="#1b1b1b", font=small)
        buffer = io.BytesIO()
        picture.save(buffer, format="PNG", optimize=True)
        slug = "".join(c for c in name.lower() if c.isalnum())[:40]
        return get_image_model().objects.create(
            title=f"{name} logo", file=ImageFile(buffer, name=f"partner-{slug}.png")
        )

    # Sponsors --------------------------------------------------------------------------------
    def load_sponsors(self):
        """The demo sponsor user belongs to the gold sponsor, which supports the whole closed
        2026 cycle and one category of the open 2027 cycle (see cms/reports/access.py), so
        both sides of the visibility rule show. Kept as it is once set."""
        from cms.models import SponsorMember
        from nominations.models import AwardCycle

        spec = content.SPONSOR
        partner = Partner.objects.get(name=spec["partner"])
        if not partner.cycles.exists():
            cycles = {
                cycle.code: cycle for cycle in AwardCycle.objects.filter(code__in=spec["cycles"])
            }
            partner.cycles.set(cycles.values())
            for code, category_name in spec["categories"]:
                if code in cycles:
                    partner.categories.add(*cycles[code].categories.filter(name_en=category_name))
        user = get_user_model().objects.get(email=spec["user"])
        SponsorMember.objects.get_or_create(user=user, defaults={"partner": partner})

    # Pages -----------------------------------------------------------------------------------
    def load_pages(self):
        home_en = self._home_page()
        self.pages[("home", "en")] = home_en
        for language in LANGUAGES[1:]:
            self.pages[("home", language)] = self._translation(home_en, "home", language)
        # Parents come before their children in content.PAGES; links are resolved afterwards.
        for key, spec in content.PAGES.items():
            if key == "home":
                continue
            for language in LANGUAGES:
                parent = self.pages[(spec.get("parent", "home"), language)]
                if language not in spec:
                    # Left for the editors to translate: an alias, as the synced page tree
                    # makes for a page created in the admin.
                    self.pages[(key, language)] = self._alias(key, language, parent)
                    continue
                self.pages[(key, language)] = self._page(key, spec, language, parent)
        for (key, language), page in self.pages.items():
            if getattr(page, "_demo_new", False):
                self._fill_links(page, content.PAGES[key][language])

    def _home_page(self):
        site = Site.objects.filter(is_default_site=True).first()
        existing = HomePage.objects.filter(locale=self.locales["en"]).first()
        if existing:
            return existing
        root = Page.get_first_root_node()
        home = HomePage(
            **self._fields("HomePage", content.PAGES["home"]["en"]), locale=self.locales["en"]
        )
        home.slug = "home-en"
        root.add_child(instance=home)
        home.save_revision().publish()
        # Replace Wagtail's placeholder "Welcome" page as the site's root.
        placeholder = site.root_page if site else None
        if site:
            site.root_page = home
            site.site_name = settings.PROGRAM_NAME
            site.save()
        else:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name=settings.PROGRAM_NAME,
            )
        if placeholder and not isinstance(placeholder.specific, HomePage):
            placeholder.delete()
        home.slug = "home"
        home.save_revision().publish()
        return self._fresh(home)

    def _page(self, key, spec, language, parent):
        data = spec[language]
        existing = parent.get_children().filter(slug=data["slug"]).first()
        if existing:
            return existing.specific
        if language == "en":
            model = apps.get_model("cms", spec["type"])
            page = model(**self._fields(spec["type"], data), locale=self.locales["en"])
            page.show_in_menus = spec.get("show_in_menus", False)
            parent.add_child(instance=page)
            self._fill_relations(page, spec["type"], data)
            page.save_revision().publish()
            return self._fresh(page)
        return self._translation(self.pages[(key, "en")], key, language)

    def _translation(self, source, key, language):
        locale = self.locales[language]
        existing = source.get_translation_or_none(locale)
        if existing and not existing.alias_of_id:
            return existing.specific
        spec = content.PAGES[key]
        if existing:
            # An alias the synced page tree made before the demo had this translation (a site
            # loaded before Portuguese and Arabic): it becomes the translation.
            ConvertAliasPageAction(existing.specific).execute(skip_permission_checks=True)
            page = Page.objects.get(pk=existing.pk).specific
        else:
            page = source.copy_for_translation(locale).specific
        for name, value in self._fields(spec["type"], spec[language]).items():
            setattr(page, name, value)
        page.show_in_menus = spec.get("show_in_menus", False)
        self._fill_relations(page, spec["type"], spec[language])
        page.save_revision().publish()
        return self._fresh(page)

    def _alias(self, key, language, parent):
        source = self.pages[(key, "en")]
        existing = source.get_translation_or_none(self.locales[language])
        if existing:
            return existing.specific
        alias = source.copy_for_translation(self.locales[language], alias=True)
        self.created += 1
        return type(source).objects.get(pk=alias.pk)

    def _fresh(self, page):
        """Reload a page just published: a changed slug rewrites url_path in the database only."""
        self.created += 1
        page = type(page).objects.get(pk=page.pk)
        page._demo_new = True
        return page

    def _fields(self, page_type, data):
        fields = {"title": data["title"], "slug": data["slug"], "intro": data.get("intro", "")}
        if "menu_title" in data:
            fields["menu_title"] = data["menu_title"]
        if "body" in data:
            fields["body"] = self._stream(data["body"], resolve_links=False)
        simple = {
            "HomePage": ["hero_title"],
            "ProgramActionPage": ["summary"],
            "OpenLetterPage": ["letter", "signature_intro"],
            "PledgePage": ["pledge_text"],
            "EnquiryFormPage": ["thank_you_text"],
            "CXDayPage": ["time_zone"],
            "CampaignEmailPage": ["subject"],
        }
        for name in simple.get(page_type, []):
            fields[name] = data[name]
        if page_type == "OpenLetterPage":
            fields["publication_date"] = date.fromisoformat(data["publication_date"])
        if page_type == "NewsArticlePage":
            fields["date"] = date.fromisoformat(data["date"])
        if page_type == "CXDayPage":
            fields["event_date"] = date.fromisoformat(data["event_date"])
            fields["start_time"] = time.fromisoformat(data["start_time"])
            fields["end_time"] = time.fromisoformat(data["end_time"])
        if page_type == "WinnersPage":
            from nominations.models import AwardCycle

            fields["cycle"] = AwardCycle.objects.get(code=data["cycle"])
        if page_type == "EnquiryFormPage":
            fields["to_address"] = settings.TEAM_EMAIL
            fields["from_address"] = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
            fields["subject"] = data["title"]
        return fields

    def _fill_relations(self, page, page_type, data):
        if page_type == "CXDayPage":
            from cms.models import CXDayActivity

            page.activities.set([CXDayActivity(**activity) for activity in data["activities"]])
        if page_type == "EnquiryFormPage":
            from cms.models import EnquiryFormField

            page.form_fields.set([EnquiryFormField(**field) for field in data["fields"]])
        if page_type == "WinnersPage":
            from cms.models import WinnerStory
            from nominations.models import Nomination

            entries = dict(
                Nomination.objects.filter(cycle__code=data["cycle"]).values_list(
                    "organisation_name", "pk"
                )
            )
            page.stories.set(
                [
                    WinnerStory(nomination_id=entries[story["organisation"]], story=story["story"])
                    for story in data["stories"]
                    if story["organisation"] in entries
                ]
            )

    def load_library(self):
        """The best-practice library and its case studies (library/cases/demo.py)."""
        from library.cases import demo as case_studies

        case_studies.load({language: self.pages[("home", language)] for language in LANGUAGES})

    def load_translation_work(self):
        """An English page changed after its French translation (content.OUT_OF_DATE), once,
        when the demo creates it: the editors' translation report lists it."""
        key, changes = content.OUT_OF_DATE
        page = self.pages.get((key, "en"))
        if page is None or not getattr(page, "_demo_new", False):
            return
        page = type(page).objects.get(pk=page.pk)
        for name, value in changes.items():
            setattr(page, name, value)
        page.save_revision().publish()

    def _fill_links(self, page, data):
        """Second pass: blocks that link to other demo pages, now that every page exists."""
        if "body" not in data or not any(self._has_link(value) for _, value in data["body"]):
            return
        # Reload: children added since this object was read changed its tree fields.
        page = type(page).objects.get(pk=page.pk)
        page.body = self._stream(
            data["body"], resolve_links=True, language=page.locale.language_code
        )
        page.save_revision().publish()

    @staticmethod
    def _has_link(value):
        if not isinstance(value, dict):
            return False
        return bool(value.get("page")) or any(card.get("page") for card in value.get("cards", []))

    def _stream(self, blocks, resolve_links, language="en"):
        def link(key):
            if not key or not resolve_links:
                return None
            return self.pages[(key, language)].pk

        raw = []
        for block_type, value in blocks:
            if block_type == "call_to_action":
                value = {**value, "page": link(value.get("page")), "url": ""}
            elif block_type == "card_grid":
                value = {
                    **value,
                    "cards": [
                        {**card, "page": link(card.get("page")), "url": ""}
                        for card in value["cards"]
                    ],
                }
            raw.append({"type": block_type, "value": value})
        return raw

    # Settings --------------------------------------------------------------------------------
    def _site_address(self, site):
        """The Wagtail site answers at SITE_URL (the admin's "View live" links, the sitemap)."""
        parts = urlsplit(site_url())
        if not parts.hostname:
            return
        port = parts.port or (443 if parts.scheme == "https" else 80)
        if (site.hostname, site.port) != (parts.hostname, port):
            site.hostname, site.port = parts.hostname, port
            site.save(update_fields=["hostname", "port"])

    def load_settings(self):
        site = Site.objects.get(is_default_site=True)
        self._site_address(site)
        site_settings = SiteSettings.for_site(site)
        if not site_settings.contact_email:
            site_settings.contact_email = content.SITE["contact_email"]
            site_settings.contact_phone = content.SITE["contact_phone"]
            site_settings.hashtag = content.SITE["hashtag"]
            social = content.SITE["social"]
            site_settings.linkedin_url = social.get("linkedin", "")
            site_settings.x_url = social.get("x", "")
            site_settings.facebook_url = social.get("facebook", "")
            site_settings.youtube_url = social.get("youtube", "")
            site_settings.accessibility_page = self.pages[("accessibility", "en")]
            site_settings.privacy_page = self.pages[("privacy", "en")]
            site_settings.save()
