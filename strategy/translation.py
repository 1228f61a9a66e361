"""Which strategy fields have a Japanese and an English column (django-modeltranslation), and which models have
a history (django-simple-history, registered after the translations)."""

from modeltranslation.translator import TranslationOptions, register

from core.history import track

from .models import Document, Node, Organisation, OrganisationRelation, PlanEdition, ProvisionLink, Sector


@register(Sector)
class SectorTranslation(TranslationOptions):
    fields = ("name",)


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "description")


@register(OrganisationRelation)
class OrganisationRelationTranslation(TranslationOptions):
    fields = ("note",)


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title", "summary", "note")


@register(Node)
class NodeTranslation(TranslationOptions):
    fields = ("title", "body", "note")


@register(ProvisionLink)
class ProvisionLinkTranslation(TranslationOptions):
    fields = ("note",)


@register(PlanEdition)
class PlanEditionTranslation(TranslationOptions):
    fields = ("name", "note")


# History after the translation registration, so each history table has both language columns.
track(Sector, Organisation, OrganisationRelation, Document, Node, ProvisionLink, PlanEdition)
