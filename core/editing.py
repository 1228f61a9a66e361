"""What every edited record carries: a concurrency version, its last update, stale translations, and drafts.

`Edited` is the abstract base of every model editors change in the admin: `lock_version` is django-concurrency's
optimistic-locking counter (a save whose version is not the stored one updates nothing and raises
RecordModifiedError); `last_updated` and `stale_translations` are kept from the history by core.history.
`Publishable` adds a draft/published `status` with `PublishableQuerySet.public()`.
"""

from concurrency.fields import AutoIncVersionField
from django.db import models
from django.utils.translation import gettext_lazy as _

VERSION_FIELD = "lock_version"


class Edited(models.Model):
    """Abstract: a record edited in the admin (see the module docstring)."""

    lock_version = AutoIncVersionField(
        verbose_name=_("edit counter"), help_text=_("Counts the saves; a save based on an older one is refused.")
    )
    last_updated = models.DateTimeField(_("last updated"), null=True, blank=True, editable=False)
    stale_translations = models.CharField(
        _("English to update"),
        max_length=200,
        blank=True,
        editable=False,
        help_text=_("Translated fields whose Japanese changed after their English was last saved."),
    )

    class Meta:
        abstract = True

    def stale_fields(self):
        """The names of the translated fields whose English is stale (["title"]), from the history."""
        return [name for name in (self.stale_translations or "").split(",") if name]


class Status(models.TextChoices):
    """Whether readers may see a record: drafts are seen only by editors, at their public address."""

    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")


class PublishableQuerySet(models.QuerySet):
    """Queryset of a model with a `status`: public() is what readers may see."""

    def public(self):
        """The published rows (a subclass adds what else a row's visibility depends on)."""
        return self.filter(status=Status.PUBLISHED)


class Publishable(models.Model):
    """Abstract: a record that can be saved as a draft. Published by default, so loaded content is public."""

    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.PUBLISHED,
        db_index=True,
        help_text=_("A draft is shown only to editors, with a banner; readers get “page not found”."),
    )

    class Meta:
        abstract = True

    def is_public(self):
        """True when readers may see the record (mirrors its queryset's public(); a subclass adds conditions)."""
        return self.status == Status.PUBLISHED


def can_preview(user, record):
    """True when `user` may see `record` although readers may not: a staff account allowed to view that kind
    of record in the admin. user: a User or AnonymousUser (reading an anonymous one costs no query)."""
    if user is None or not user.is_authenticated or not user.is_staff:
        return False
    opts = record._meta
    return user.has_perm(f"{opts.app_label}.view_{opts.model_name}")


def preview_of(record, may_preview):
    """Whether a record is shown as an editor's preview: False when readers may see it (or it is of a kind that
    has no drafts: no is_public()); True when they may not but may_preview(record) allows it. Raises LookupError
    when nobody here may see it (the caller's 404)."""
    is_public = getattr(record, "is_public", None)
    if is_public is None or is_public():
        return False
    if may_preview(record):
        return True
    raise LookupError(f"{record._meta.label} {record.pk} is not public")


def nobody(record):
    """may_preview for readers: no preview."""
    return False
