"""The timeline's filter form, and the kinds of event it can show."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.filters import LenientFilterForm
from core.http import shown_value

FIRST_YEAR, LAST_YEAR = 1900, 2100


class Kind:
    """The kinds of event on the timeline, one lane each."""

    INCIDENT = "incident"
    LAW = "law"
    DOCUMENT = "document"


KIND_CHOICES = [
    (Kind.INCIDENT, _("Incidents")),
    (Kind.LAW, _("Laws: enactment and amendments")),
    (Kind.DOCUMENT, _("Strategy documents and plans")),
]


class TimelineFilterForm(LenientFilterForm):
    """?kind=incident&kind=law&from=2010&to=2016 — no kind means every kind.

    Build it with `TimelineFilterForm.from_query(params)`: a value that cannot be used is set aside with a
    notice (core.filters.LenientFilterForm); a start year after the end year sets both aside.
    """

    kind = forms.MultipleChoiceField(
        label=_("Show"), choices=KIND_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )
    form_error_fields = ("from", "to")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "from" is a Python keyword, so these two are added here rather than declared above.
        self.fields["from"] = forms.IntegerField(
            label=_("From year"), required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR
        )
        self.fields["to"] = forms.IntegerField(
            label=_("To year"), required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR
        )

    def clean(self):
        data = super().clean()
        first, last = data.get("from"), data.get("to")
        if first is not None and last is not None and first > last:
            raise forms.ValidationError(_("The start year is after the end year."), code="reversed")
        return data

    def ignored_value_notice(self, name):
        """Why the value of `name` (a field, or NON_FIELD_ERRORS for the year range) was set aside."""
        if name == "kind":
            values = ", ".join(f"“{shown_value(v)}”" for v in self.submitted("kind"))
            return gettext(
                "%(values)s: the kinds that can be shown are incidents, laws and documents, so every kind is shown."
            ) % {"values": values}
        if name == NON_FIELD_ERRORS:
            return gettext("The year range %(first)s–%(last)s ends before it starts, so it was ignored.") % {
                "first": self.cleaned_data.get("from"),
                "last": self.cleaned_data.get("to"),
            }
        return gettext("“%(value)s” is not a year between %(first)s and %(last)s, so it was ignored.") % {
            "value": self.shown(name),
            "first": FIRST_YEAR,
            "last": LAST_YEAR,
        }
