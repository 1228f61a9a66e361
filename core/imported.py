"""Fields only an import may change: the `statute_import()` switch and the model and queryset mixins that refuse
any other change to them.

A model lists its imported fields by attribute name in `imported_fields` (e.g. ("title_ja", "egov_law_id",
"version_id")). Outside a `statute_import()` block, saving a changed value of one of them, or naming one in
QuerySet.update() or bulk_update(), raises ImportedFieldError; creating a row is not refused (the loaders and
factories create them, and the admin offers no add form for imported rows).
"""

from contextlib import contextmanager

from django.core.exceptions import PermissionDenied
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext

from core.bulk import ThreadSwitch

_import = ThreadSwitch()


@contextmanager
def statute_import():
    """Context manager the statute importer and the act loader enter: inside it, imported fields may change."""
    with _import.on():
        yield


def in_statute_import():
    """True inside a statute_import() block of this thread."""
    return _import.is_on()


class ImportedFieldError(PermissionDenied):
    """A change to a field that comes from the statute import, made outside it.

    A PermissionDenied, so a request that causes one gets the 403 page rather than a 500. `model` is the
    model class, `fields` the attribute names refused.
    """

    def __init__(self, model, fields):
        self.model, self.fields = model, list(fields)
        names = ", ".join(_field_label(model, name) for name in self.fields)
        super().__init__(
            gettext(
                "%(model)s: %(fields)s come from the statute import and cannot be changed here. "
                "Correct the statute text and import it again."
            )
            % {"model": capfirst(model._meta.verbose_name), "fields": names}
        )


def _field_label(model, attname):
    for field in model._meta.concrete_fields:
        if field.attname == attname:
            return f"{field.verbose_name} ({attname})"
    return attname


def _names(model, fields):
    """Attribute names for field names or attribute names ("version" → "version_id"). A translated field's own
    name ("caption") stands for its column in the active language ("caption_ja"), as modeltranslation reads it."""
    by_name = {f.name: f.attname for f in model._meta.concrete_fields}
    language = (get_language() or "")[:2]
    names = set()
    for name in fields:
        localized = f"{name}_{language}"
        names.add(by_name.get(name, name))
        if localized in by_name:
            names.add(localized)
    return names


class ImportedFieldsModelMixin:
    """Put before models.Model (or MPTTModel) in the bases; set `imported_fields` to attribute names."""

    imported_fields = ()

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._imported_values = {
            name: getattr(instance, name) for name in cls.imported_fields if name in instance.__dict__
        }
        return instance

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        snapshot = getattr(self, "_imported_values", None)
        if snapshot is not None:
            fields = kwargs.get("fields") or (args[1] if len(args) > 1 else None)
            refreshed = _names(type(self), fields) if fields else set(self.imported_fields)
            snapshot.update({name: getattr(self, name) for name in self.imported_fields if name in refreshed})

    def save(self, *args, **kwargs):
        if self.pk is not None and not in_statute_import():
            self._refuse_imported_changes(kwargs.get("update_fields"))
        super().save(*args, **kwargs)
        self._imported_values = {name: getattr(self, name) for name in self.imported_fields if name in self.__dict__}

    def _refuse_imported_changes(self, update_fields):
        checked = [name for name in self.imported_fields if name in self.__dict__]
        if update_fields is not None:
            wanted = _names(type(self), update_fields)
            checked = [name for name in checked if name in wanted]
        if not checked:
            return
        stored = getattr(self, "_imported_values", None)
        if stored is None or any(name not in stored for name in checked):
            stored = type(self)._base_manager.using(self._state.db).filter(pk=self.pk).values(*checked).first()
            if stored is None:  # a new row with a chosen primary key
                return
        changed = [name for name in checked if getattr(self, name) != stored[name]]
        if changed:
            raise ImportedFieldError(type(self), changed)


class ImportedFieldsQuerySetMixin:
    """Refuses update() and bulk_update() of the model's imported fields outside statute_import()."""

    def _refuse(self, fields):
        if in_statute_import():
            return
        imported = set(getattr(self.model, "imported_fields", ()))
        refused = sorted(imported & _names(self.model, fields))
        if refused:
            raise ImportedFieldError(self.model, refused)

    def update(self, **kwargs):
        self._refuse(kwargs)
        return super().update(**kwargs)

    def bulk_update(self, objs, fields, *args, **kwargs):
        self._refuse(fields)
        return super().bulk_update(objs, fields, *args, **kwargs)
