"""The incidents admin: incidents with their figures and links, attack types and countries, in both languages."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline, TranslationTabularInline

from core.admin import TreeAdmin
from core.editor_admin import EditorAdmin, make_draft, publish

from .forms import IncidentAdminForm
from .models import AttackType, Country, ImpactFigure, Incident, IncidentLink


class ImpactFigureInline(TranslationTabularInline):
    model = ImpactFigure
    extra = 0
    autocomplete_fields = ["source"]


class IncidentLinkInline(TranslationStackedInline):
    """A link targets a document (optionally one of its parts) or an article, never both."""

    model = IncidentLink
    extra = 0
    fields = [
        "relation_type",
        "document",
        "node",
        "identity",
        "cited_version",
        "cited_article",
        "paragraph",
        "item",
        "note",
        "interpretation",
        "evidence",
    ]
    # strategy registers no admin for its parts yet, so a part is entered by its id.
    raw_id_fields = ["node"]
    autocomplete_fields = ["identity", "evidence"]


@admin.register(Incident)
class IncidentAdmin(EditorAdmin, TabbedTranslationAdmin):
    actions = [publish, make_draft]
    form = IncidentAdminForm
    list_display = ["title", "slug", "status", "start_date", "start_precision", "source_count"]
    list_filter = ["status", "countries", "attack_types", "start_precision"]
    search_fields = ["title_ja", "title_en", "summary_ja", "summary_en", "slug", "deck_label"]
    date_hierarchy = "start_date"
    filter_horizontal = ["countries", "sectors", "attack_types"]
    autocomplete_fields = ["sources", "attribution_source"]
    inlines = [ImpactFigureInline, IncidentLinkInline]
    fieldsets = [
        (None, {"fields": ["slug", "status", "title", "summary"]}),
        (
            _("Dates"),
            {
                "fields": [
                    ("start_date", "start_precision"),
                    ("end_date", "end_precision"),
                    "deck_label",
                    ("deck_date", "deck_precision"),
                ]
            },
        ),
        (_("Classification"), {"fields": ["countries", "sectors", "attack_types"]}),
        (_("Sources and attribution"), {"fields": ["sources", "attribution", "attribution_source"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("sources")

    @admin.display(description=_("sources"))
    def source_count(self, incident):
        return len(incident.sources.all())


@admin.register(AttackType)
class AttackTypeAdmin(EditorAdmin, TreeAdmin, TabbedTranslationAdmin):
    """Attack types as an indented tree with move buttons (core.admin.TreeAdmin)."""

    list_display = ["tree_title", "slug", "tree_moves"]
    search_fields = ["name_ja", "name_en", "slug"]


@admin.register(Country)
class CountryAdmin(EditorAdmin, TabbedTranslationAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name_ja", "name_en"]
