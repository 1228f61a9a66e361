"""The admin's History page (every version with its changes) and the revert to an earlier version."""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from core.editing import VERSION_FIELD
from core.history import MPTT_COLUMNS, m2m_fields, one_version

from .changes import REVERT_REASON, VersionView, diff, link_states, versions


def _records(model, object_id):
    history = model.history.model
    return history.objects.filter(**{model._meta.pk.attname: object_id}).select_related("history_user")


def _url_prefix(modeladmin):
    return f"{modeladmin.opts.app_label}_{modeladmin.opts.model_name}"


def _admin_url(modeladmin, view, *args):
    return reverse(f"{modeladmin.admin_site.name}:{_url_prefix(modeladmin)}_{view}", args=args)


def history_view(modeladmin, request, object_id, extra_context=None):
    """Every version of a record, newest first, with who, when and each field's old and new value (both
    language columns). Works for a deleted record too, from its history. Raises Http404 or PermissionDenied."""
    model = modeladmin.model
    object_id = unquote(object_id)
    obj = modeladmin.get_object(request, object_id)
    records = list(_records(model, object_id))
    if obj is None and not records:
        raise Http404(_("Nothing is recorded for this record."))
    if not modeladmin.has_view_or_change_permission(request, obj):
        raise PermissionDenied
    shown = versions(model, records)
    can_revert = obj is not None and modeladmin.has_change_permission(request, obj)
    title_object = str(obj) if obj is not None else str(records[-1].instance)
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": _("History: %(record)s") % {"record": title_object},
        "subtitle": None,
        "versions": shown,
        "latest": shown[0].record if shown else None,
        "object": obj,
        "deleted": obj is None,
        "opts": modeladmin.opts,
        "module_name": str(modeladmin.opts.verbose_name_plural),
        "can_revert": can_revert,
        "revert_url_name": f"{modeladmin.admin_site.name}:{_url_prefix(modeladmin)}_revert",
        "preserved_filters": modeladmin.get_preserved_filters(request),
        **(extra_context or {}),
    }
    request.current_app = modeladmin.admin_site.name
    return TemplateResponse(request, modeladmin.object_history_template, context)


class RevertForm(forms.Form):
    """The revert's confirmation: the version of the record it was shown against (a stale one is refused)."""

    lock_version = forms.IntegerField(widget=forms.HiddenInput)


def restore(obj, record):
    """Copy the field values of historical `record` onto `obj` (the current row), leaving the concurrency
    counter and the tree columns as they are; obj is then validated (full_clean) and saved by the caller."""
    for model_field in record.tracked_fields:
        if model_field.primary_key or model_field.attname == VERSION_FIELD or model_field.name in MPTT_COLUMNS:
            continue
        setattr(obj, model_field.attname, getattr(record, model_field.attname))


def links_of(model, record):
    """The many-to-many links historical `record` holds ({field name: frozenset of ids}), None when unknown
    (written before links were recorded). Raises ValidationError naming a linked record deleted since."""
    links = link_states(model, [record]).get(record.history_id)
    if links is None:
        return None
    for field in m2m_fields(model):
        ids = links[field.name]
        gone = ids - set(field.related_model._default_manager.filter(pk__in=ids).values_list("pk", flat=True))
        if gone:
            raise ValidationError(
                _("%(field)s: the linked record %(ids)s no longer exists.")
                % {"field": str(field.verbose_name), "ids": ", ".join(str(pk) for pk in sorted(gone))}
            )
    return links


def restore_links(obj, links):
    """Set obj's many-to-many fields to `links` (from links_of; None leaves them as they are)."""
    for name, ids in (links or {}).items():
        getattr(obj, name).set(ids)


def revert_view(modeladmin, request, object_id, history_id):
    """GET: what reverting to version `history_id` would change; POST: revert, as a new version credited to
    the editor. Refused with a message when the record changed since the page was shown, or when the old
    values are no longer valid (a slug taken since, for example). Raises Http404 or PermissionDenied."""
    model = modeladmin.model
    object_id = unquote(object_id)
    obj = modeladmin.get_object(request, object_id)
    record = _records(model, object_id).filter(history_id=history_id).first()
    if obj is None or record is None or record.history_type == "-":
        raise Http404(_("There is no such version of this record."))
    if not modeladmin.has_change_permission(request, obj):
        raise PermissionDenied
    history_url = _admin_url(modeladmin, "history", obj.pk)
    latest = _records(model, object_id).order_by("-history_date", "-history_id").first()
    changes = diff(model, latest, record) if latest is not None else []
    form = RevertForm(request.POST or None, initial={"lock_version": getattr(obj, VERSION_FIELD)})
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            current = model._default_manager.select_for_update().get(pk=obj.pk)
            if getattr(current, VERSION_FIELD) != form.cleaned_data["lock_version"]:
                messages.error(request, _("Not reverted: the record was changed since this page was shown."))
                return HttpResponseRedirect(request.path)
            restore(current, record)
            try:
                current.full_clean()
                links = links_of(model, record)
            except ValidationError as error:
                messages.error(request, _("Not reverted: %(problem)s") % {"problem": " ".join(error.messages)})
                return HttpResponseRedirect(history_url)
            current._history_user = request.user
            current._change_reason = f"{REVERT_REASON}{record.history_id}"
            with one_version(current):
                current.save()
                restore_links(current, links)
            modeladmin.log_change(
                request, current, _("Reverted to version %(number)s.") % {"number": record.history_id}
            )
        messages.success(request, _("Reverted to version %(number)s.") % {"number": record.history_id})
        return HttpResponseRedirect(history_url)
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": _("Revert %(record)s") % {"record": str(obj)},
        "subtitle": None,
        "object": obj,
        "version": VersionView(record),
        "changes": changes,
        "form": form,
        "opts": modeladmin.opts,
        "history_url": history_url,
    }
    request.current_app = modeladmin.admin_site.name
    return TemplateResponse(request, "admin/edit_revert.html", context)
