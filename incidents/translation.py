"""Which incident fields have a Japanese and an English column (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import AttackType, Country, ImpactFigure, Incident, IncidentLink


@register(AttackType)
class AttackTypeTranslation(TranslationOptions):
    fields = ("name",)


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ("name",)


@register(Incident)
class IncidentTranslation(TranslationOptions):
    fields = ("title", "summary", "attribution")


@register(ImpactFigure)
class ImpactFigureTranslation(TranslationOptions):
    fields = ("unit", "label")


@register(IncidentLink)
class IncidentLinkTranslation(TranslationOptions):
    fields = ("note",)
