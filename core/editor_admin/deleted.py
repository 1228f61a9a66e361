"""Deleted records, read from the history, and their restoration by an editor whose role may change their kind."""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.history import is_tracked, m2m_fields, one_version

from .changes import RESTORE_REASON, as_recorded, author_name, cause_name
from .views import links_of, restore_links

LIMIT = 50  # deletions listed per kind of record, newest first


@dataclass
class DeletedRow:
    """One deleted record: its last historical record (the deletion), who deleted it, what caused it (the name
    of the record whose deletion removed it, "" when deleted itself) and where to restore it."""

    record: object
    name: str
    author: str
    cause: str
    restore_url: str
    history_url: str


@dataclass
class DeletedGroup:
    """One kind of record: its label, whether the editor may restore it, and its deleted records."""

    label: str
    may_restore: bool
    rows: list = field(default_factory=list)


def deletions(model, limit=LIMIT):
    """The latest deletion records ("-") of `model`'s records that do not exist now, newest first, at most
    `limit` (one per record), with their users. One query."""
    history = model.history.model
    pk_name = model._meta.pk.attname
    present = model._base_manager.values("pk")
    records = (
        history.objects.filter(history_type="-")
        .exclude(**{f"{pk_name}__in": present})
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
    )
    out, seen = [], set()
    for record in records[: limit * 2]:
        key = getattr(record, pk_name)
        if key not in seen:
            seen.add(key)
            out.append(record)
    return out[:limit]


def _kinds(request, site):
    """(model, its admin) for each tracked model whose admin the editor may change, by label."""
    kinds = [
        (model, model_admin)
        for model, model_admin in site._registry.items()
        if is_tracked(model) and model_admin.has_change_permission(request)
    ]
    return sorted(kinds, key=lambda kind: str(kind[0]._meta.verbose_name_plural))


def _may_restore(request, model_admin):
    return model_admin.has_add_permission(request) and model_admin.has_change_permission(request)


def deleted_records(request, site=admin.site):
    """The admin page: per kind of record the editor's role may change, the records deleted and not restored,
    newest first, with who deleted them, when, the record whose deletion removed them, and a restore button."""
    groups, causes = [], {}
    for model, model_admin in _kinds(request, site):
        opts = model._meta
        group = DeletedGroup(str(opts.verbose_name_plural), _may_restore(request, model_admin))
        for record in deletions(model):
            pk = getattr(record, opts.pk.attname)
            group.rows.append(
                DeletedRow(
                    record,
                    str(as_recorded(model, record)),
                    author_name(record.history_user),
                    cause_name(record.history_change_reason, causes),
                    reverse("deleted-restore", args=[opts.app_label, opts.model_name, record.history_id]),
                    reverse(f"{site.name}:{opts.app_label}_{opts.model_name}_history", args=[pk]),
                )
            )
        if group.rows:
            groups.append(group)
    context = {**site.each_context(request), "title": _("Deleted records"), "subtitle": None, "groups": groups}
    return TemplateResponse(request, "admin/deleted_records.html", context)


def _refuse(request, problem):
    messages.error(request, _("Not restored: %(problem)s") % {"problem": problem})
    return HttpResponseRedirect(reverse("deleted-records"))


@require_POST
def restore_deleted(request, app_label, model_name, history_id, site=admin.site):
    """POST: re-create a deleted record from its last version (fields and many-to-many links), in one
    transaction, recorded in its history as a restoration credited to the editor. Refused with a message when
    the record exists again, or when restoring it would break a rule (its parent or a linked record is gone, its
    slug taken since). Raises Http404 (no such deletion) or PermissionDenied (the role may not add the kind)."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        raise Http404(_("There is no such kind of record.")) from None
    model_admin = site._registry.get(model)
    if model_admin is None or not is_tracked(model):
        raise Http404(_("There is no such kind of record."))
    if not _may_restore(request, model_admin):
        raise PermissionDenied
    history = model.history.model
    pk_name = model._meta.pk.attname
    deletion = history.objects.filter(history_id=history_id, history_type="-").first()
    if deletion is None:
        raise Http404(_("There is no such deletion."))
    pk = getattr(deletion, pk_name)
    with transaction.atomic():
        if model._base_manager.select_for_update().filter(pk=pk).exists():
            return _refuse(request, _("this record exists again."))
        last = history.objects.filter(**{pk_name: pk}, history_id__lt=deletion.history_id).exclude(history_type="-")
        last = last.order_by("-history_id").first()
        instance = as_recorded(model, deletion)
        try:
            instance.full_clean()
            links = links_of(model, last) if last is not None else None
        except ValidationError as error:
            return _refuse(request, " ".join(error.messages))
        instance._history_user = request.user
        instance._change_reason = f"{RESTORE_REASON}{deletion.history_id}"
        try:
            with transaction.atomic(), one_version(instance, "+"):
                instance.save(force_insert=True)
                restore_links(instance, links)
        except IntegrityError:
            return _refuse(request, _("it would break a rule of the database (a record it depends on is gone)."))
        model_admin.log_addition(request, instance, [{"added": {}}])
    messages.success(request, _("Restored: %(record)s.") % {"record": instance})
    if links is None and m2m_fields(model):
        messages.warning(
            request, _("Its links to other records were not recorded before its deletion: add them again.")
        )
    return HttpResponseRedirect(reverse(f"{site.name}:{app_label}_{model_name}_change", args=[instance.pk]))
