"""The admin every edited model shares: no lost update, a readable history with revert, drafts and publishing.

`EditorAdmin` is a ModelAdmin mixin (put it first: `class IncidentAdmin(EditorAdmin, TabbedTranslationAdmin)`):

- Optimistic concurrency: the form carries the record's `lock_version` (django-concurrency's signed hidden
  field). A save based on an older version is refused with a form error naming the fields changed meanwhile
  and who changed them (read from the history); nothing is written. The row is locked while the form is
  checked (PostgreSQL), and the library's conditional UPDATE refuses the rare save that still races past it.
- History: every save records who and what (django-simple-history), the many-to-many fields saved with it in
  the same record; the History page lists each version with its changes, old and new values in both languages,
  and offers to revert to any earlier version. A deletion names, on each record it removed, the one deleted.
- Drafts: the admins of models with a `status` list the `publish` and `make_draft` actions of this module
  (`actions = [publish, make_draft]`); each change is recorded in the history.
"""

from concurrency.exceptions import RecordModifiedError
from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.editing import VERSION_FIELD, Status
from core.history import deleting, record_version

from .changes import LIST_SEPARATOR, PUBLISH_REASON, UNPUBLISH_REASON, changed_since
from .views import history_view, revert_view


def stale_message(model, pk, version):
    """The refusal of a save based on version `version`: which fields changed since, and who changed them."""
    labels, authors = changed_since(model, pk, version)
    separator = str(LIST_SEPARATOR)
    if labels:
        return _(
            "Not saved: since you opened this page, %(authors)s changed %(fields)s. Nothing was overwritten. "
            "Open the record again to see their changes, then make yours again."
        ) % {"authors": separator.join(authors), "fields": separator.join(labels)}
    return _(
        "Not saved: since you opened this page, %(authors)s saved this record. Nothing was overwritten. "
        "Open the record again to see the current version, then make your changes again."
    ) % {"authors": separator.join(authors) or _("another editor")}


class ConcurrentFormMixin(forms.ModelForm):
    """ModelForm mixin: refuses a save whose `lock_version` is not the stored one (see the package docstring)."""

    def clean(self):
        data = super().clean()
        instance = self.instance
        submitted = data.get(VERSION_FIELD)
        if instance.pk is None or submitted is None:
            return data
        model = type(instance)
        current = (
            model._default_manager.select_for_update()
            .filter(pk=instance.pk)
            .values_list(VERSION_FIELD, flat=True)
            .first()
        )
        if current is not None and current != submitted:
            raise forms.ValidationError(stale_message(model, instance.pk, submitted), code="stale")
        return data


class EditorAdmin:
    """ModelAdmin mixin for every edited model (see the package docstring)."""

    object_history_template = "admin/edit_history.html"

    # --- No lost update ----------------------------------------------------------------------

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None and not any(VERSION_FIELD in _flat(options["fields"]) for _n, options in fieldsets):
            name, options = fieldsets[0]
            fieldsets[0] = (name, {**options, "fields": [*options["fields"], VERSION_FIELD]})
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if issubclass(form, ConcurrentFormMixin):
            return form
        return type(form.__name__, (ConcurrentFormMixin, form), {})

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except RecordModifiedError as error:
            model = type(error.target)
            messages.error(request, stale_message(model, error.target.pk, getattr(error.target, VERSION_FIELD)))
            return HttpResponseRedirect(request.path)

    def save_model(self, request, obj, form, change):
        """Save without a record yet: save_related() writes one with the many-to-many fields saved there."""
        obj._history_user = request.user
        obj.skip_history_when_saving = True
        try:
            super().save_model(request, obj, form, change)
        except BaseException:
            del obj.skip_history_when_saving
            raise

    def save_related(self, request, form, formsets, change):
        """Save the many-to-many fields and inlines, then write the record's one historical record of this save."""
        obj = form.instance
        try:
            super().save_related(request, form, formsets, change)
        finally:
            if hasattr(obj, "skip_history_when_saving"):
                del obj.skip_history_when_saving
        record_version(obj, "~" if change else "+")

    def delete_model(self, request, obj):
        obj._history_user = request.user
        with deleting(obj):
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        """Delete the selected records one by one, so each record removed with one names it as the cause."""
        with transaction.atomic():
            for obj in queryset:
                self.delete_model(request, obj)

    # --- History and revert ------------------------------------------------------------------

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/history/<int:history_id>/revert/",
                self.admin_site.admin_view(self.revert_view),
                name="{}_{}_revert".format(*info),
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        return history_view(self, request, object_id, extra_context)

    def revert_view(self, request, object_id, history_id):
        return revert_view(self, request, object_id, history_id)


def _flat(fields):
    out = []
    for entry in fields:
        out.extend(entry if isinstance(entry, list | tuple) else [entry])
    return out


def _set_status(modeladmin, request, queryset, status, reason):
    """Save each selected record whose status differs with `status`, as the editor, recorded in the history."""
    changed = 0
    with transaction.atomic():
        for record in queryset.select_for_update(of=("self",)).exclude(status=status):
            record.status = status
            record._history_user = request.user
            record._change_reason = reason
            record.save()
            modeladmin.log_change(request, record, [{"changed": {"fields": ["status"]}}])
            changed += 1
    return changed


@admin.action(description=gettext_lazy("Publish the selected records"), permissions=["change"])
def publish(modeladmin, request, queryset):
    count = _set_status(modeladmin, request, queryset, Status.PUBLISHED, PUBLISH_REASON)
    modeladmin.message_user(request, _("Published: %(count)d.") % {"count": count}, messages.SUCCESS)


@admin.action(
    description=gettext_lazy("Make the selected records drafts (hidden from readers)"), permissions=["change"]
)
def make_draft(modeladmin, request, queryset):
    count = _set_status(modeladmin, request, queryset, Status.DRAFT, UNPUBLISH_REASON)
    modeladmin.message_user(request, _("Made drafts: %(count)d.") % {"count": count}, messages.SUCCESS)
