"""Lenient filter forms: a list filtered from the query string sets a bad value aside, says so, and uses the rest."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import QueryDict

from .http import shown_value


class LenientFilterForm(forms.Form):
    """A GET filter form that never refuses a page: each field whose value is invalid is set aside.

    Build it with `Form.from_query(request.GET, **kwargs)`, not the constructor. The form is validated; every
    field with an error is dropped from the submitted values, with a notice naming the value, and the form is
    built again from the values kept, so `cleaned_data` holds only usable values. An error of the whole form
    (from `clean()`) sets aside the fields listed in `form_error_fields` (all fields when empty) with one notice.

    Subclasses word the notices in `ignored_value_notice(name)` (translated text naming the value; `name` is
    NON_FIELD_ERRORS for a form-wide error). The notices are in `form.notices`, a list of str, in field order.
    """

    form_error_fields = ()

    @classmethod
    def from_query(cls, params, **kwargs):
        """The form for `params` (a QueryDict) with every unusable value set aside; `kwargs` go to __init__."""
        form = cls(params, **kwargs)
        notices = []
        while not form.is_valid():
            notices += [form.ignored_value_notice(name) for name in form.errors]
            kept = form.kept_values()
            if kept == form.data:  # nothing left to set aside: keep the form's own answer
                break
            form = cls(kept, **kwargs)
        form.notices = notices
        return form

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.notices = []

    def submitted(self, name):
        """The value of field `name` as submitted: a list for a field of several values, else a str ("" if none)."""
        value = self.fields[name].widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
        return value if value is not None else ""

    def shown(self, name):
        """The submitted value of field `name` as it may be quoted back to the reader (see core.http.shown_value)."""
        return shown_value(self.submitted(name))

    def kept_values(self):
        """A QueryDict of the submitted values of the fields that have no error (empty values dropped)."""
        set_aside = set(self.errors)
        if NON_FIELD_ERRORS in set_aside:
            set_aside |= set(self.form_error_fields or self.fields)
        kept = QueryDict(mutable=True)
        for name in self.fields:
            value = self.submitted(name)
            if name in set_aside or not value:
                continue
            if isinstance(value, list):
                kept.setlist(self.add_prefix(name), value)
            else:
                kept[self.add_prefix(name)] = value
        return kept

    @property
    def filtered(self):
        """Whether any filter is in use (has a usable, non-empty value)."""
        return self.is_bound and any(self.cleaned_data.get(name) for name in self.fields)

    def ignored_value_notice(self, name):
        """Why the value of field `name` was set aside, naming it; subclasses word it for their fields."""
        raise NotImplementedError(f"{type(self).__name__} must word the notice for {name!r}")
