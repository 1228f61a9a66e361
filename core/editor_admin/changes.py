"""Reading a record's history as editors need it: each version with its author and its changes, field by field."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from core.editing import VERSION_FIELD
from core.history import BASELINE_REASON, translated_fields

REVERT_REASON = "revert:"  # history_change_reason of a revert, followed by the id of the version restored
PUBLISH_REASON = "publish"
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
        return {"+": _("created"), "~": _("changed"), "-": _("deleted")}[self.record.history_type]


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


def diff(model, older, newer):
    """[FieldChange] between two historical records of `model` (older may be None: every non-empty field of
    the newer one is new). The concurrency counter is left out."""
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
    return changes


def _same(old, new):
    """Equal values, an empty text and NULL counting as the same (a translation column may hold either)."""
    return old == new or (old in (None, "") and new in (None, ""))


def versions(model, records):
    """[VersionView], newest first, of a record's historical records (any order), each with its changes."""
    ordered = sorted(records, key=lambda r: (r.history_date, r.history_id))
    views, previous = [], None
    for record in ordered:
        views.append(VersionView(record, [] if record.history_type == "-" else diff(model, previous, record)))
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
    seen_at = next((i for i, r in enumerate(records) if getattr(r, VERSION_FIELD) == version), None)
    if seen_at is None:
        later = [r for r in records if getattr(r, VERSION_FIELD) > version]
        base = None
    else:
        later, base = records[seen_at + 1 :], records[seen_at]
    labels, authors = [], []
    previous = base
    for record in later:
        for change in diff(model, previous, record) if previous is not None else []:
            if change.label not in labels:
                labels.append(change.label)
        name = author_name(record.history_user) or _("someone outside the admin")
        if name not in authors:
            authors.append(name)
        previous = record
    return labels, authors
