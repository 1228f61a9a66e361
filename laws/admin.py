"""The laws app in the admin: statute text read-only, English, amendments, sources and glossary editable."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from core.editor_admin import EditorAdmin, make_draft, publish
from core.i18n import reader_language

from .models import Act, AmendingAct, ArticleIdentity, ArticleNumber, Provision, ProvisionChange, Source, Term, Version


@admin.register(Act)
class ActAdmin(EditorAdmin, TabbedTranslationAdmin):
    """Acts come from their fixtures (manage.py load_kb): the imported fields are read-only and none is added here."""

    list_display = ["title", "law_number", "egov_law_id", "promulgated"]
    search_fields = ["title_ja", "title_en", "egov_law_id"]
    readonly_fields = Act.imported_fields

    def has_add_permission(self, request):
        return False


class ProvisionChangeInline(TranslationTabularInline):
    model = ProvisionChange
    extra = 0
    autocomplete_fields = ["identity"]


@admin.register(AmendingAct)
class AmendingActAdmin(EditorAdmin, TabbedTranslationAdmin):
    list_display = ["law_number", "key", "promulgated", "effective", "source"]
    list_select_related = ["source"]
    search_fields = ["law_number_ja", "law_number_en", "title_ja", "title_en", "key"]
    autocomplete_fields = ["source"]
    inlines = [ProvisionChangeInline]


@admin.register(Version)
class VersionAdmin(EditorAdmin, TabbedTranslationAdmin):
    list_display = ["act", "key", "in_force_from", "in_force_until", "amended_through", "is_loaded"]
    readonly_fields = ["in_force_until", *Version.imported_fields]

    @admin.display(boolean=True, description=_("text loaded"))
    def is_loaded(self, version):
        return version.is_loaded


class ArticleNumberInline(admin.TabularInline):
    """The article's number in each version: the lineage table, loaded with the act and read-only here."""

    model = ArticleNumber
    extra = 0
    fields = ["version", "number"]
    readonly_fields = ["version", "number"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ArticleIdentity)
class ArticleIdentityAdmin(EditorAdmin, TabbedTranslationAdmin):
    """The Japanese caption comes from the statute import; the act and key from the act's lineage table."""

    list_display = ["key", "act", "caption"]
    list_select_related = ["act"]
    search_fields = ["key", "numbers__number", "caption_ja", "caption_en"]
    inlines = [ArticleNumberInline]

    def get_readonly_fields(self, request, obj=None):
        return [*ArticleIdentity.imported_fields, *(["act", "key"] if obj is not None else [])]


@admin.register(Provision)
class ProvisionAdmin(EditorAdmin, TabbedTranslationAdmin):
    """The Japanese statute text is imported and must stay exact: editors translate, they do not rewrite."""

    list_display = ["statute_label", "block", "kind", "version", "caption", "has_english"]
    list_filter = ["version", "kind", "supplementary"]
    # Statute order: each version's tree in the order of its text (supplementary provisions last).
    ordering = ["version__act__promulgated", "version__in_force_from", "tree_id", "lft"]
    list_select_related = ["version__act", "parent__parent__parent"]
    search_fields = ["text_ja", "text_en", "caption_ja", "caption_en", "number"]
    readonly_fields = [
        "version",
        "parent",
        "kind",
        "supplementary",
        "position",
        "number",
        "label",
        "identity",
        "title_ja",
        "caption_ja",
        "text_ja",
    ]
    fields = [
        "version",
        "kind",
        "number",
        "label",
        "identity",
        "title_ja",
        "title_en",
        "caption_ja",
        "caption_en",
        "text_ja",
        "text_en",
    ]

    @admin.display(description=_("provision"))
    def statute_label(self, provision):
        """第十二条第二項 / Art. 12(2) from laws.address; a chapter or a supplementary block by its printed label.
        The chain comes from list_select_related (the deepest provision, an item, has three ancestors)."""
        chain = _loaded_chain(provision)
        label = provision.address(chain).label(reader_language())
        return label or " ".join(part for part in (provision.label, provision.title_ja) if part)

    @admin.display(description=_("supplementary provisions"))
    def block(self, provision):
        """The printed label of the supplementary block (附則 of the act or of an amending act) it belongs to."""
        return _loaded_chain(provision)[0].label if provision.supplementary else ""

    @admin.display(boolean=True, description=_("English"))
    def has_english(self, provision):
        return bool(provision.text_en or provision.caption_en or provision.title_en)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _loaded_chain(provision):
    """The provision's ancestors and itself, top first, read from parents already loaded (no query)."""
    chain = [provision]
    while chain[0].parent_id is not None:
        chain.insert(0, chain[0].parent)
    return chain


class AddressFilter(admin.SimpleListFilter):
    """Sources by the state of their address: the ones needing attention (broken or never checked) first."""

    title = _("address")
    parameter_name = "address"

    def lookups(self, request, model_admin):
        return [
            ("attention", _("broken, unreachable or not checked")),
            ("broken", _("broken or unreachable")),
            ("unchecked", _("not checked yet")),
            ("answers", _("answers (directly or after a redirect)")),
            ("none", _("no address")),
        ]

    def queryset(self, request, queryset):
        status = Source.LinkStatus
        with_url = queryset.exclude(url="")
        return {
            "attention": with_url.filter(link_status__in=[status.BROKEN, status.UNREACHABLE, status.UNCHECKED]),
            "broken": with_url.filter(link_status__in=[status.BROKEN, status.UNREACHABLE]),
            "unchecked": with_url.filter(link_status=status.UNCHECKED),
            "answers": with_url.filter(link_status__in=[status.OK, status.REDIRECTED]),
            "none": queryset.filter(url=""),
        }.get(self.value(), queryset)


@admin.register(Source)
class SourceAdmin(EditorAdmin, admin.ModelAdmin):
    """Sources with what was seen of each and the last check of its address (manage.py check_source_links)."""

    list_display = ["title", "key", "checked", "link_status", "link_http_status", "link_checked_at"]
    list_filter = [AddressFilter, "checked", "link_status", "language"]
    search_fields = ["title", "title_en", "publisher", "url", "key"]
    autocomplete_fields = ["cited_by"]
    readonly_fields = ["link_status", "link_http_status", "link_final_url", "link_error", "link_checked_at"]
    actions = ["check_addresses"]

    @admin.action(description=_("Check the addresses of the selected sources now"))
    def check_addresses(self, request, queryset):
        from .services.links import check_sources

        results = check_sources(queryset)
        failed = (Source.LinkStatus.BROKEN, Source.LinkStatus.UNREACHABLE)
        broken = sum(1 for result in results if result.status in failed)
        message = ngettext(
            "%(checked)d address checked; broken or unreachable: %(broken)d.",
            "%(checked)d addresses checked; broken or unreachable: %(broken)d.",
            len(results),
        )
        self.message_user(request, message % {"checked": len(results), "broken": broken})


@admin.register(Term)
class TermAdmin(EditorAdmin, TabbedTranslationAdmin):
    actions = [publish, make_draft]
    list_display = ["term", "slug", "defined_in", "status"]
    list_filter = ["status"]
    search_fields = ["term_ja", "term_en", "aliases_ja", "aliases_en", "slug"]
    autocomplete_fields = ["defined_in", "source"]
