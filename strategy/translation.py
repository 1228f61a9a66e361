"""Which strategy fields have a Japanese and an English column (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

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
