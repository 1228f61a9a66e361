"""The laws admin: acts, versions, article identities, provisions (English only), sources and glossary terms."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from .models import Act, AmendingAct, ArticleIdentity, Provision, ProvisionChange, Source, Term, Version


@admin.register(Act)
class ActAdmin(TabbedTranslationAdmin):
    list_display = ["title", "law_number", "egov_law_id", "promulgated"]
    search_fields = ["title_ja", "title_en", "egov_law_id"]


class ProvisionChangeInline(TranslationTabularInline):
    model = ProvisionChange
    extra = 0
    autocomplete_fields = ["identity"]


@admin.register(AmendingAct)
class AmendingActAdmin(TabbedTranslationAdmin):
    list_display = ["law_number", "key", "promulgated", "effective", "verified"]
    list_filter = ["verified"]
    search_fields = ["law_number_ja", "law_number_en", "title_ja", "title_en", "key"]
    inlines = [ProvisionChangeInline]


@admin.register(Version)
class VersionAdmin(TabbedTranslationAdmin):
    list_display = ["act", "key", "in_force_from", "amended_through", "is_loaded"]
    readonly_fields = ["front_matter", "source_file", "source_sha256"]

    @admin.display(boolean=True, description=_("text loaded"))
    def is_loaded(self, version):
        return version.is_loaded


@admin.register(ArticleIdentity)
class ArticleIdentityAdmin(TabbedTranslationAdmin):
    list_display = ["key", "original_number", "caption"]
    search_fields = ["key", "original_number", "caption_ja", "caption_en"]


@admin.register(Provision)
class ProvisionAdmin(TabbedTranslationAdmin):
    """The Japanese statute text is imported and must stay exact: editors translate, they do not rewrite."""

    list_display = ["__str__", "kind", "version", "caption", "has_english"]
    list_filter = ["version", "kind", "supplementary"]
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

    @admin.display(boolean=True, description=_("English"))
    def has_english(self, provision):
        return bool(provision.text_en or provision.caption_en or provision.title_en)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["title", "publisher", "date", "language", "verified"]
    list_filter = ["verified", "language"]
    search_fields = ["title", "publisher", "url", "key"]


@admin.register(Term)
class TermAdmin(TabbedTranslationAdmin):
    list_display = ["term", "slug", "defined_in"]
    search_fields = ["term_ja", "term_en", "aliases_ja", "aliases_en", "slug"]
    autocomplete_fields = ["defined_in", "source"]
