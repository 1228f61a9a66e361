"""Which law fields have a Japanese and an English column (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Act, AmendingAct, ArticleIdentity, Provision, ProvisionChange, Term, Version


@register(Act)
class ActTranslation(TranslationOptions):
    fields = ("title", "law_number")


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
