"""Which fields of the laws app are stored in Japanese and English (django-modeltranslation), and which have a
history (django-simple-history, registered after the translations)."""

from modeltranslation.translator import TranslationOptions, register

from core.history import track

from .models import (
    Act,
    AmendingAct,
    ArticleIdentity,
    Commencement,
    Provision,
    ProvisionChange,
    Source,
    Term,
    Version,
)


@register(Act)
class ActTranslation(TranslationOptions):
    fields = ("title", "short_title", "law_number")


@register(AmendingAct)
class AmendingActTranslation(TranslationOptions):
    fields = ("law_number", "title", "effective_note", "summary")


@register(Version)
class VersionTranslation(TranslationOptions):
    fields = ("label", "note")


@register(ArticleIdentity)
class ArticleIdentityTranslation(TranslationOptions):
    fields = ("caption",)


@register(Provision)
class ProvisionTranslation(TranslationOptions):
    fields = ("title", "caption", "text")


@register(ProvisionChange)
class ProvisionChangeTranslation(TranslationOptions):
    fields = ("note",)


@register(Term)
class TermTranslation(TranslationOptions):
    fields = ("term", "aliases", "definition")


@register(Commencement)
class CommencementTranslation(TranslationOptions):
    fields = ("basis", "note")


# History after the translation registration, so each history table has both language columns.
track(Act, AmendingAct, Version, ArticleIdentity, Provision, ProvisionChange, Source, Term)
