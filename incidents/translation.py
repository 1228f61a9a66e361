"""Which incident fields have a Japanese and an English column (django-modeltranslation), and which models have
a history (django-simple-history, registered after the translations)."""

from modeltranslation.translator import TranslationOptions, register

from core.history import track

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


# History after the translation registration, so each history table has both language columns.
track(AttackType, Country, Incident, ImpactFigure, IncidentLink)
