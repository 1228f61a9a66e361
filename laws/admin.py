"""The laws app in the admin: statute text read-only, English, amendments, sources and glossary editable."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
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
    list_display = ["law_number", "key", "promulgated", "effective", "verified"]
    list_filter = ["verified"]
    search_fields = ["law_number_ja", "law_number_en", "title_ja", "title_en", "key"]
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


@admin.register(Source)
class SourceAdmin(EditorAdmin, admin.ModelAdmin):
    list_display = ["title", "publisher", "date", "language", "verified"]
    list_filter = ["verified", "language"]
    search_fields = ["title", "publisher", "url", "key"]


@admin.register(Term)
class TermAdmin(EditorAdmin, TabbedTranslationAdmin):
    actions = [publish, make_draft]
    list_display = ["term", "slug", "defined_in", "status"]
    list_filter = ["status"]
    search_fields = ["term_ja", "term_en", "aliases_ja", "aliases_en", "slug"]
    autocomplete_fields = ["defined_in", "source"]
