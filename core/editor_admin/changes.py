"""Reading a record's history as editors need it: each version with its author and its changes, field by field."""

from dataclasses import dataclass, field

from django.apps import apps
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from core.editing import VERSION_FIELD
from core.history import BASELINE_REASON, CASCADE_REASON, RECORDERS, is_tracked, m2m_fields, translated_fields

REVERT_REASON = "revert:"  # history_change_reason of a revert, followed by the id of the version restored
RESTORE_REASON = "restore:"  # of the re-creation of a deleted record, followed by the id of the version restored
PUBLISH_REASON = "publish"
LIST_SEPARATOR = pgettext_lazy("list separator", ", ")
UNPUBLISH_REASON = "unpublish"


@dataclass(frozen=True)
class FieldChange:
    """One field changed by a version: its label ("title [en]"), and the old and new values as shown text."""

    name: str
    label: str
    old: str
    new: str


@dataclass
class VersionView:
    """A historical record as the history page shows it: who, when, what kind of change, and its changes."""

    record: object
    changes: list = field(default_factory=list)

    @property
    def author(self):
        return author_name(self.record.history_user)

    @property
    def action(self):
        """What the version did, in the editor's language."""
        reason = self.record.history_change_reason or ""
        if reason == BASELINE_REASON:
            return _("loaded from the fixtures")
        if reason.startswith(REVERT_REASON):
            return _("reverted to version %(number)s") % {"number": reason.removeprefix(REVERT_REASON)}
        if reason == PUBLISH_REASON:
            return _("published")
        if reason == UNPUBLISH_REASON:
            return _("made a draft")
        if reason.startswith(RESTORE_REASON):
            return _("restored after its deletion (version %(number)s)") % {
                "number": reason.removeprefix(RESTORE_REASON)
            }
        if reason.startswith(CASCADE_REASON):
            return _("deleted with %(record)s") % {"record": cause_name(reason, {})}
        return {"+": _("created"), "~": _("changed"), "-": _("deleted")}[self.record.history_type]


def as_recorded(model, record):
    """An unsaved `model` instance with the values of historical `record` (no query; the columns the history
    leaves out, tree and derived ones, are left empty: saving it inserts it afresh)."""
    return model(**{f.attname: getattr(record, f.attname) for f in record.tracked_fields})


def cause_name(reason, cache):
    """The name of the record whose deletion is named in a cascade's reason ("cascade:strategy.document:12"), from
    its own deletion record; "" when the reason names none. cache: dict kept across calls (one query per cause)."""
    if not (reason or "").startswith(CASCADE_REASON):
        return ""
    label = reason.removeprefix(CASCADE_REASON)
    if label not in cache:
        model_label, _sep, pk = label.rpartition(":")
        try:
            model = apps.get_model(model_label)
        except (LookupError, ValueError):
            model = None
        record = None
        if model is not None and is_tracked(model):
            history = model.history.model.objects.filter(**{model._meta.pk.attname: pk})
            record = history.order_by("-history_id").first()
        name = str(as_recorded(model, record)) if record is not None else label
        cache[label] = f"{model._meta.verbose_name if model else ''} {name}".strip()
    return cache[label]


def author_name(user):
    """An editor's name as shown to other editors: full name, else user name; "" when nobody is recorded."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def shown(model, name, value):
    """A stored value as text for an editor: a choice's label, a related record's name, "—" when empty."""
    if value is None or value == "":
        return "—"
    model_field = model._meta.get_field(name)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if model_field.is_relation and model_field.related_model is not None:
        related = model_field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else _("(deleted record %(id)s)") % {"id": value}
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def field_label(model, name):
    """The verbose name of a model field by name or attname ("title [en]")."""
    for model_field in model._meta.concrete_fields:
        if name in (model_field.name, model_field.attname):
            return str(model_field.verbose_name)
    return name


def link_states(model, records):
    """The many-to-many links held by historical `records` of `model`: {history_id: {field name: frozenset of
    target ids}}, one query per field. Deletions, and records written before links were recorded (their links
    are unknown), are absent; so is everything for a model without many-to-many fields."""
    fields = m2m_fields(model)
    held = [r for r in records if r is not None and r.history_type != "-" and getattr(r, "history_m2m_recorded", 0)]
    if not fields or not held:
        return {}
    states = {record.history_id: {m2m.name: set() for m2m in fields} for record in held}
    for m2m in fields:
        target = f"{m2m.m2m_reverse_field_name()}_id"
        rows = RECORDERS[model].m2m_models[m2m].objects.filter(history_id__in=list(states))
        for history_id, other in rows.values_list("history_id", target):
            states[history_id][m2m.name].add(other)
    return {key: {name: frozenset(ids) for name, ids in links.items()} for key, links in states.items()}


def link_names(model, states):
    """{field name: {target id: name}} of every record named in `states` (link_states), one query per field."""
    names = {}
    for m2m in m2m_fields(model):
        ids = set().union(*(links[m2m.name] for links in states.values())) if states else set()
        related = m2m.related_model._default_manager.in_bulk(ids) if ids else {}
        names[m2m.name] = {pk: str(record) for pk, record in related.items()}
    return names


def _shown_links(ids, names):
    if not ids:
        return "—"
    missing = _("(deleted record %(id)s)")
    return str(LIST_SEPARATOR).join(sorted(names.get(pk) or missing % {"id": pk} for pk in ids))


def link_changes(model, older, newer, states, names):
    """[FieldChange] of the many-to-many fields between two historical records whose links are both known."""
    before, after = states.get(older.history_id) if older else {}, states.get(newer.history_id)
    if after is None or before is None:
        return []
    changes = []
    for m2m in m2m_fields(model):
        old, new = before.get(m2m.name, frozenset()), after[m2m.name]
        if old != new:
            shown_names = names.get(m2m.name, {})
            label = str(m2m.verbose_name)
            changes.append(FieldChange(m2m.name, label, _shown_links(old, shown_names), _shown_links(new, shown_names)))
    return changes


def diff(model, older, newer, states=None, names=None):
    """[FieldChange] between two historical records of `model` (older may be None: every non-empty field of
    the newer one is new), many-to-many fields last. The concurrency counter is left out. states, names:
    link_states() and link_names() of records including both (read here when not given)."""
    mirrors = set(translated_fields(model))  # modeltranslation's original column copies one language: not shown
    changes = []
    for model_field in newer.tracked_fields:
        name = model_field.attname
        if name == VERSION_FIELD or model_field.primary_key or model_field.name in mirrors:
            continue
        old = getattr(older, name) if older is not None else None
        new = getattr(newer, name)
        if _same(old, new) or (older is None and new in (None, "")):
            continue
        base_name = model_field.name
        changes.append(
            FieldChange(name, field_label(model, base_name), shown(model, base_name, old), shown(model, base_name, new))
        )
    if m2m_fields(model):
        if states is None:
            states = link_states(model, [older, newer])
            names = link_names(model, states)
        changes += link_changes(model, older, newer, states, names or {})
    return changes


def _same(old, new):
    """Equal values, an empty text and NULL counting as the same (a translation column may hold either)."""
    return old == new or (old in (None, "") and new in (None, ""))


def versions(model, records):
    """[VersionView], newest first, of a record's historical records (any order), each with its changes."""
    ordered = sorted(records, key=lambda r: (r.history_date, r.history_id))
    states = link_states(model, ordered)
    names = link_names(model, states) if states else {}
    views, previous = [], None
    for record in ordered:
        changes = [] if record.history_type == "-" else diff(model, previous, record, states, names)
        views.append(VersionView(record, changes))
        previous = record
    return views[::-1]


def changed_since(model, pk, version):
    """What other editors did after the version `version` (a lock_version) of the record `pk` was read.

    Returns (field labels in model order, author names in order of first change), from the historical records
    written since; both empty when the history holds nothing newer."""
    history = model.history.model
    records = list(
        history.objects.filter(**{model._meta.pk.attname: pk})
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    # the last record of that version: links changed outside the admin add records without a new version
    seen = [i for i, r in enumerate(records) if getattr(r, VERSION_FIELD) == version]
    seen_at = seen[-1] if seen else None
    if seen_at is None:
        later = [r for r in records if getattr(r, VERSION_FIELD) > version]
        base = None
    else:
        later, base = records[seen_at + 1 :], records[seen_at]
    labels, authors = [], []
    previous = base
    states = link_states(model, [base, *later])
    names = link_names(model, states) if states else {}
    for record in later:
        for change in diff(model, previous, record, states, names) if previous is not None else []:
            if change.label not in labels:
                labels.append(change.label)
        name = author_name(record.history_user) or _("someone outside the admin")
        if name not in authors:
            authors.append(name)
        previous = record
    return labels, authors
