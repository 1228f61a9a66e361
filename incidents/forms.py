"""Forms for the incident pages: the list filters (GET) and the admin's incident form."""

from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.filters import LenientFilterForm
from core.i18n import localized

from .models import Incident


@dataclass
class FilterChoices:
    """What the list can be filtered by, read once per request by the selector."""

    first_year: int | None
    last_year: int | None
    countries: list = field(default_factory=list)  # Country, only those with an incident
    attack_types: list = field(default_factory=list)  # AttackType in tree order
    sectors: list = field(default_factory=list)  # Sector

    def descendant_ids(self, slug):
        """The attack type and every type below it in the tree, from the rows already loaded."""
        chosen = next((t for t in self.attack_types if t.slug == slug), None)
        if chosen is None:
            return []
        return [
            t.pk
            for t in self.attack_types
            if t.tree_id == chosen.tree_id and chosen.lft <= t.lft and t.rght <= chosen.rght
        ]


class IncidentFilterForm(LenientFilterForm):
    """?year=2015&country=JP&attack_type=malware&sector=government — every filter optional, all combined.

    Build it with `IncidentFilterForm.from_query(params, choices=FilterChoices(...))`: a value that cannot be
    used is set aside with a notice (core.filters.LenientFilterForm).
    """

    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)
    country = forms.ChoiceField(label=_("Country"), required=False)
    attack_type = forms.ChoiceField(label=_("Attack type"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)

    def __init__(self, data=None, *, choices, **kwargs):
        super().__init__(data, **kwargs)
        self.choices = choices
        years = range(choices.first_year, choices.last_year + 1) if choices.first_year else range(0)
        self.fields["year"].choices = [("", _("All years")), *((y, str(y)) for y in years)]
        self.fields["country"].choices = [
            ("", _("All countries")),
            *((c.code, localized(c, "name").text) for c in choices.countries),
        ]
        self.fields["attack_type"].choices = [
            ("", _("All attack types")),
            *((t.slug, "— " * t.level + localized(t, "name").text) for t in choices.attack_types),
        ]
        self.fields["sector"].choices = [
            ("", _("All sectors")),
            *((s.slug, localized(s, "name").text) for s in choices.sectors),
        ]

    def ignored_value_notice(self, name):
        """Why a submitted value was set aside, naming the value."""
        value = self.shown(name)
        if name == "year":
            return gettext(
                "“%(value)s” is not a year between %(first)s and %(last)s, so the year filter was ignored."
            ) % {"value": value, "first": self.choices.first_year, "last": self.choices.last_year}
        messages = {
            "country": gettext(
                "“%(value)s” is not the code of a country with a recorded incident, so the country filter was ignored."
            ),
            "attack_type": gettext("“%(value)s” is not a recorded attack type, so the attack type filter was ignored."),
            "sector": gettext("“%(value)s” is not a critical infrastructure sector, so the sector filter was ignored."),
        }
        return messages[name] % {"value": value}


class IncidentAdminForm(forms.ModelForm):
    """The admin's form: an incident is never saved without at least one source."""

    class Meta:
        model = Incident
        fields = [
            "slug",
            "status",
            "title",
            "summary",
            "start_date",
            "start_precision",
            "end_date",
            "end_precision",
            "deck_label",
            "deck_date",
            "deck_precision",
            "countries",
            "sectors",
            "attack_types",
            "sources",
            "attribution",
            "attribution_source",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "sources" in self.fields:
            # The check below gives the message; the field's generic "required" would not explain why.
            self.fields["sources"].required = False

    def clean(self):
        # The database's incident_attribution_has_source constraint names the `attribution` column, which this
        # form replaces with attribution_ja / attribution_en, so Django would not check it here: check it here.
        data = super().clean()
        stated = any(data.get(name) for name in ("attribution", "attribution_ja", "attribution_en"))
        if stated and not data.get("attribution_source"):
            self.add_error(
                "attribution_source",
                forms.ValidationError(
                    _("An attribution is shown only with the source that states it: choose that source."),
                    code="attribution_without_source",
                ),
            )
        return data

    def clean_sources(self):
        sources = self.cleaned_data.get("sources")
        if not sources:
            raise forms.ValidationError(
                _("Every incident needs at least one source: add the document the facts on this page come from."),
                code="no_source",
            )
        return sources
