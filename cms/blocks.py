"""The one StreamField vocabulary every page body uses (as bakerydemo's BaseStreamBlock)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from cms.choices import PartnerTier

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "cms/blocks/heading.html"
        label = _("Heading")
        description = _(
            "A section or sub-section heading; it also appears in the outline of the page."
        )
        preview_value = {"text": "Why customer experience matters", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_(
            "What the image shows, for people who cannot see it. "
            "Leave empty only if it is decorative."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "cms/blocks/image.html"
        label = _("Image")
        description = _("An image with alternative text and an optional caption.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=120)
    role = blocks.CharBlock(label=_("Their role or organisation"), required=False, max_length=160)

    class Meta:
        icon = "openquote"
        template = "cms/blocks/quote.html"
        label = _("Quote")
        description = _("A quotation with the name and role of the person quoted.")
        preview_value = {
            "quote": "Good public service is a right, not a favour.",
            "attribution": "A citizen",
            "role": "",
        }


class LinkTargetMixin:
    """Validation for blocks that link to either a page or an external address."""

    def clean(self, value):
        value = super().clean(value)
        if value.get("page") and value.get("url"):
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Choose a page or enter an address, not both."))
                }
            )
        return value


class CallToActionBlock(LinkTargetMixin, blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or an external address"), required=False)
    label = blocks.CharBlock(label=_("Button text"), max_length=60)

    class Meta:
        icon = "pick"
        template = "cms/blocks/call_to_action.html"
        label = _("Call to action")
        description = _("A highlighted box with a button that leads to a page or address.")
        preview_value = {
            "title": "Sign the pledge",
            "text": "Add your name to the people and offices who commit to better public service.",
            "label": "Sign the pledge",
            "url": "https://example.org/",
        }


class CardBlock(LinkTargetMixin, blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or an external address"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Card")


class CardGridBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    cards = blocks.ListBlock(CardBlock(), label=_("Cards"), min_num=1)

    class Meta:
        icon = "table"
        template = "cms/blocks/card_grid.html"
        label = _("Card grid")
        description = _("Short cards side by side, each optionally linking somewhere.")
        preview_value = {
            "title": "Highlights",
            "cards": [
                {"title": "The awards", "text": "Nominate a public office."},
                {"title": "CX Day", "text": "One day for better public service."},
            ],
        }


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=200)
    answer = blocks.RichTextBlock(label=_("Answer"), features=RICH_TEXT_FEATURES)


class FAQBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    items = blocks.ListBlock(FAQItemBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "help"
        template = "cms/blocks/faq.html"
        label = _("Questions and answers")
        description = _("Questions that open to show their answer (works without JavaScript).")
        preview_value = {
            "title": "Questions",
            "items": [{"question": "Does it cost anything?", "answer": "<p>No.</p>"}],
        }


class PartnerStripBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    tier = blocks.ChoiceBlock(
        label=_("Only this tier"), choices=PartnerTier.choices, required=False
    )

    class Meta:
        icon = "group"
        template = "cms/blocks/partner_strip.html"
        label = _("Partner logos")
        description = _("The logos of the program's partners, from the Partners snippets.")
        preview_value = {"title": "Our partners", "tier": ""}

    def get_context(self, value, parent_context=None):
        from cms.sponsors.models import Partner

        context = super().get_context(value, parent_context)
        # The logos' renditions in one query, not one per logo (cms/uploads/renditions.py).
        partners = Partner.objects.select_related("logo").prefetch_related("logo__renditions")
        if value.get("tier"):
            partners = partners.filter(tier=value["tier"])
        context["partners"] = partners
        return context


class StatisticBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Figure"), max_length=20)
    label = blocks.CharBlock(label=_("What it counts"), max_length=120)


class StatisticsRowBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    items = blocks.ListBlock(StatisticBlock(), label=_("Figures"), min_num=1, max_num=6)

    class Meta:
        icon = "order"
        template = "cms/blocks/statistics.html"
        label = _("Statistics row")
        description = _("A row of key figures with what each one counts.")
        preview_value = {"title": "", "items": [{"value": "54", "label": "African states"}]}


class NominationsStatusBlock(blocks.StaticBlock):
    class Meta:
        icon = "date"
        template = "cms/blocks/nominations_status.html"
        label = _("Nominations status")
        admin_text = _("Shows whether the current awards cycle takes nominations, with its dates.")
        description = admin_text


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="cms/blocks/paragraph.html",
        description=_("Formatted text with links and lists."),
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    card_grid = CardGridBlock()
    faq = FAQBlock()
    partner_strip = PartnerStripBlock()
    statistics = StatisticsRowBlock()
    nominations_status = NominationsStatusBlock()
