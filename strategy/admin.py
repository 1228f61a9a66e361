"""Editing the strategy content: every model with Japanese and English tabs, searches naming both columns."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline, TranslationTabularInline

from core.admin import TreeAdmin
from core.editor_admin import EditorAdmin, make_draft, publish

from .models import Document, Node, Organisation, OrganisationRelation, PlanEdition, ProvisionLink, Sector

_LINK_FIELDS = [
    "relation_type",
    "identity",
    "cited_version",
    "cited_article",
    "paragraph",
    "item",
    "interpretation",
    "evidence",
    "note",
]


class _ProvisionLinkInline(TranslationStackedInline):
    model = ProvisionLink
    extra = 0
    fields = _LINK_FIELDS
    autocomplete_fields = ["identity", "evidence"]


class DocumentProvisionLinkInline(_ProvisionLinkInline):
    """Links the document itself makes; links made by one of its parts are edited on that part."""

    fk_name = "document"
    verbose_name = _("link from the document to a provision")
    verbose_name_plural = _("links from the document to provisions")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(node__isnull=True).select_related("identity", "cited_version")


class NodeProvisionLinkInline(_ProvisionLinkInline):
    """The part's links; their document is set from the part when saved (NodeAdmin.save_formset)."""

    fk_name = "node"


class OrganisationRelationInline(TranslationTabularInline):
    model = OrganisationRelation
    fk_name = "source"
    extra = 0
    fields = ["relation_type", "target", "identity", "cited_version", "paragraph", "item", "interpretation", "note"]
    autocomplete_fields = ["target", "identity"]
    verbose_name = _("relation to another organisation")
    verbose_name_plural = _("relations to other organisations")


@admin.register(Sector)
class SectorAdmin(EditorAdmin, TabbedTranslationAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name_ja", "name_en", "slug"]
    ordering = ["order"]


@admin.register(Organisation)
class OrganisationAdmin(EditorAdmin, TabbedTranslationAdmin):
    actions = [publish, make_draft]
    list_display = ["name", "abbreviation", "kind", "parent", "status"]
    list_filter = ["status", "kind"]
    list_select_related = ["parent"]
    search_fields = ["name_ja", "name_en", "abbreviation", "slug"]
    autocomplete_fields = ["parent"]
    inlines = [OrganisationRelationInline]


@admin.register(OrganisationRelation)
class OrganisationRelationAdmin(EditorAdmin, TabbedTranslationAdmin):
    list_display = ["source", "relation_type", "target", "identity", "interpretation"]
    list_filter = ["relation_type", "interpretation"]
    list_select_related = ["source", "target", "identity"]
    search_fields = ["source__name_ja", "source__name_en", "target__name_ja", "target__name_en", "note_ja", "note_en"]
    autocomplete_fields = ["source", "target", "identity", "evidence"]


@admin.register(Document)
class DocumentAdmin(EditorAdmin, TabbedTranslationAdmin):
    actions = [publish, make_draft]
    list_display = ["title", "kind", "status", "decided_on", "decided_precision", "deciding_body", "verified"]
    list_filter = ["status", "kind", "verified", "deciding_body"]
    list_select_related = ["deciding_body"]
    search_fields = ["title_ja", "title_en", "summary_ja", "summary_en", "slug"]
    autocomplete_fields = ["deciding_body", "supersedes", "revises", "amending_act", "sources"]
    date_hierarchy = "decided_on"
    inlines = [DocumentProvisionLinkInline]


@admin.register(Node)
class NodeAdmin(EditorAdmin, TreeAdmin, TabbedTranslationAdmin):
    """A document's parts as an indented tree with move buttons (core.admin.TreeAdmin); a part's parent is chosen
    among the parts of its own document."""

    actions = [publish, make_draft]
    tree_scope = ("document",)
    tree_scope_label = "title"
    list_display = ["tree_title", "kind", "key", "document", "status", "tree_moves"]
    list_filter = ["status", "document", "kind"]
    list_select_related = ["document"]
    ordering = ["document", "tree_id", "lft"]
    search_fields = ["title_ja", "title_en", "body_ja", "body_en", "key", "number"]
    autocomplete_fields = ["document"]
    inlines = [NodeProvisionLinkInline]

    def save_formset(self, request, form, formset, change):
        if formset.model is ProvisionLink:
            for link in formset.save(commit=False):
                link.document = form.instance.document
                link.save()
            for link in formset.deleted_objects:
                link.delete()
            formset.save_m2m()
            return
        super().save_formset(request, form, formset, change)


@admin.register(ProvisionLink)
class ProvisionLinkAdmin(EditorAdmin, TabbedTranslationAdmin):
    list_display = ["__str__", "relation_type", "interpretation", "evidence"]
    list_filter = ["relation_type", "interpretation", "document"]
    list_select_related = ["document", "node", "identity", "evidence"]
    search_fields = [
        "document__title_ja",
        "document__title_en",
        "node__title_ja",
        "node__title_en",
        "note_ja",
        "note_en",
    ]
    autocomplete_fields = ["document", "node", "identity", "evidence"]


@admin.register(PlanEdition)
class PlanEditionAdmin(EditorAdmin, TabbedTranslationAdmin):
    list_display = ["number", "name", "decided_on", "decided_by", "sector_total", "verified"]
    list_filter = ["verified"]
    list_select_related = ["decided_by"]
    search_fields = ["name_ja", "name_en"]
    autocomplete_fields = ["decided_by", "document", "sectors"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(sector_total=Count("sectors"))

    @admin.display(description=_("sectors"), ordering="sector_total")
    def sector_total(self, edition):
        return edition.sector_total
