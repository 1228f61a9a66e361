"""What changed in the knowledge base, read from the records' history (django-simple-history), drafts left out.

A Change is one historical record of a record kind's model (core.records registry) as a reader may see it: the
record (its Ref, built from the historical row, so a deleted record keeps its label), what happened to it
(created, changed, published, deleted), which fields changed, and when. A historical record is left out when the
record was a draft at that moment or is a draft now (an editor's unpublished work is never announced). Reading
costs a fixed number of queries whatever the size of the history: per record kind, one for its latest rows
(each with the id of the record's previous historical row, by a subquery) and one for those previous rows.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _

from core.editing import VERSION_FIELD, Status
from core.history import DERIVED_COLUMNS, MPTT_COLUMNS, is_tracked, translated_fields
from core.records import Ref, public_queryset, registry

FEED_SIZE = 50  # entries of a feed at most: every feed reads a fixed number of rows

ACTIONS = {
    "created": _("created"),
    "changed": _("changed"),
    "published": _("published"),
    "deleted": _("deleted"),
}
LANGUAGE_NAMES = {"ja": _("Japanese"), "en": _("English")}
_NOT_SHOWN = {"id", VERSION_FIELD, *MPTT_COLUMNS, *DERIVED_COLUMNS}


@dataclass(frozen=True)
class Change:
    """One change of a record as readers may see it.

    ref: the record's Ref (its labels and language-neutral page address at that moment); action: "created",
    "changed", "published" or "deleted"; fields: the names of the changed fields (["title_en", "summary_ja"]), empty
    unless action is "changed"; when: the time of the change (aware datetime); model: "app_label.modelname" of the
    historical row; history_id: its id (with model, a stable identifier of the change); reason: the editor's
    change reason ("" when none was given; "loaded" for a record's first state loaded in bulk).
    """

    ref: Ref
    action: str
    fields: tuple
    when: object
    model: str
    history_id: int
    reason: str = ""

    @property
    def uid(self):
        """A stable identifier of the change, e.g. "incidents.incident-42"."""
        return f"{self.model}-{self.history_id}"

    def field_labels(self):
        """The changed fields as readers name them, in the active language ("title (English)"), in the model's
        field order; a translated field's two columns are named apart."""
        return [_field_label(self.model, name) for name in self.fields]


def _field_label(model_label, name):
    """The verbose name of a field of a record model, with the language of a translated column."""
    model = apps.get_model(model_label)
    base, _sep, language = name.rpartition("_")
    if language in LANGUAGE_NAMES and base in translated_fields(model):
        return _("%(field)s (%(language)s)") % {
            "field": model._meta.get_field(base).verbose_name,
            "language": LANGUAGE_NAMES[language],
        }
    return str(model._meta.get_field(name).verbose_name)


def _shown_fields(model):
    """Names of the historical columns whose changes are shown: the editable content fields, each translated field
    by its two language columns (not the untranslated base column modeltranslation keeps), tree, version and
    derived columns left out."""
    translated = set(translated_fields(model))
    names = []
    for field in model._meta.concrete_fields:
        if field.name in _NOT_SHOWN or field.name in translated or not field.editable:
            continue
        names.append(field.name)
    return names


def _history_rows(kind, history, condition, limit):
    """The latest `limit` historical rows of a kind's model that match `condition` and readers may see, newest first,
    each with `previous_id` (the record's previous historical row), the kind's ref_related loaded."""
    model = kind.model_class
    rows = history.objects.filter(condition)
    if kind.has_drafts:
        hidden = model._default_manager.exclude(pk__in=public_queryset(kind).values("pk")).values("pk")
        rows = rows.exclude(Q(**{f"{model._meta.pk.attname}__in": hidden}))
        if "status" in {field.name for field in history._meta.concrete_fields}:
            rows = rows.exclude(status=Status.DRAFT)
    pk = model._meta.pk.attname
    previous = (
        history.objects.filter(**{pk: OuterRef(pk)}, history_id__lt=OuterRef("history_id"))
        .order_by("-history_id")
        .values("history_id")[:1]
    )
    if kind.ref_related:
        rows = rows.select_related(*kind.ref_related)
    rows = rows.annotate(previous_id=Subquery(previous))
    return list(rows.order_by("-history_date", "-history_id")[:limit])


def _change(kind, row, previous):
    """The Change a historical row stands for, given the record's previous historical row (None when none)."""
    model = kind.model_class
    if row.history_type == "-":
        action, fields = "deleted", ()
    elif previous is None:
        action, fields = "created", ()
    elif getattr(previous, "status", None) == Status.DRAFT:
        action, fields = "published", ()
    else:
        shown = _shown_fields(model)
        delta = row.diff_against(previous, included_fields=shown)
        action, fields = "changed", tuple(name for name in shown if name in delta.changed_fields)
    return Change(
        ref=kind.ref(row),
        action=action,
        fields=fields,
        when=row.history_date,
        model=model._meta.label_lower,
        history_id=row.history_id,
        reason=row.history_change_reason or "",
    )


def _read(selections, limit):
    """Changes from [(kind, history model, condition)]: the latest `limit` across them, newest first. Two queries
    per selection, whatever the history holds."""
    rows = []
    for kind, history, condition in selections:
        rows.extend((kind, history, row) for row in _history_rows(kind, history, condition, limit))
    rows.sort(key=lambda item: (item[2].history_date, item[2].history_id), reverse=True)
    rows = rows[:limit]
    changes = []
    for kind, history, _condition in selections:
        mine = [row for k, h, row in rows if h is history]
        wanted = [row.previous_id for row in mine if row.previous_id] or [0]
        previous = history.objects.in_bulk(wanted)
        for row in mine:
            changes.append(_change(kind, row, previous.get(row.previous_id)))
    changes.sort(key=lambda change: (change.when, change.history_id), reverse=True)
    return changes


def recent_changes(kinds=None, limit=FEED_SIZE):
    """The latest changes of records readers may see, across the record kinds given (keys; default every kind
    that has a history), newest first: at most `limit` Changes, in 2 queries per kind."""
    chosen = [kind for kind in registry.ordered() if is_tracked(kind.model_class)]
    if kinds:
        chosen = [kind for kind in chosen if kind.key in kinds]
    return _read([(kind, kind.model_class.history.model, Q()) for kind in chosen], limit)


def record_changes(record, limit=FEED_SIZE):
    """The latest changes of one record (a public record instance of a record kind), newest first: at most `limit`
    Changes, in 2 queries. Raises TypeError for an object that is not a record, LookupError for an untracked one."""
    kind = registry.kind_of(record)
    if not is_tracked(kind.model_class):
        raise LookupError(f"{kind.key} has no history")
    pk = kind.model_class._meta.pk.attname
    return _read([(kind, kind.model_class.history.model, Q(**{pk: record.pk}))], limit)
