"""The translation queue: per kind of record and per record, the English that is missing or out of date."""

from dataclasses import dataclass, field

from django.contrib import admin
from django.db.models import Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from core.history import translated_fields

LIMIT = 200  # records listed per kind; the count says how many there are


@dataclass
class QueueRow:
    """A record with its missing and stale English fields (labels), and where to edit it."""

    record: object
    missing: list
    stale: list
    url: str


@dataclass
class QueueGroup:
    """One kind of record: its label, the rows listed (at most LIMIT) and how many need work in all."""

    label: str
    rows: list = field(default_factory=list)
    total: int = 0


def _label(model, name):
    return str(model._meta.get_field(name).verbose_name)


def queue_for(model, fields, change_url):
    """A QueueGroup of the records of `model` whose English of `fields` (translated field names) is missing
    while the Japanese is there, or stale (core.editing.Edited.stale_translations, kept from the history)."""
    missing_q = Q()
    for name in fields:
        missing_q |= (
            ~Q(**{f"{name}_ja": ""})
            & Q(**{f"{name}_ja__isnull": False})
            & (Q(**{f"{name}_en": ""}) | Q(**{f"{name}_en__isnull": True}))
        )
    has_stale = hasattr(model, "stale_translations")
    condition = missing_q | ~Q(stale_translations="") if has_stale else missing_q
    queryset = model._default_manager.filter(condition).order_by("pk")
    group = QueueGroup(str(model._meta.verbose_name_plural), total=queryset.count())
    for record in queryset[:LIMIT]:
        missing = [
            _label(model, f"{name}_en")
            for name in fields
            if getattr(record, f"{name}_ja", "") and not getattr(record, f"{name}_en", "")
        ]
        stale = [_label(model, f"{name}_en") for name in (record.stale_fields() if has_stale else [])]
        group.rows.append(QueueRow(record, missing, stale, change_url(record)))
    return group


def translation_queue(request):
    """The admin page: every registered model with translated fields that the editor may change, each with the
    records whose English is missing or stale, linked to their change form."""
    groups = []
    for model, model_admin in admin.site._registry.items():
        fields = translated_fields(model)
        if not fields or not model_admin.has_change_permission(request):
            continue
        info = model._meta.app_label, model._meta.model_name
        group = queue_for(
            model, fields, lambda record, info=info: reverse("admin:{}_{}_change".format(*info), args=[record.pk])
        )
        if group.total:
            groups.append(group)
    groups.sort(key=lambda group: group.label)
    context = {
        **admin.site.each_context(request),
        "title": _("Translation queue"),
        "subtitle": None,
        "groups": groups,
        "limit": LIMIT,
    }
    return TemplateResponse(request, "admin/translation_queue.html", context)
