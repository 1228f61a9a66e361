"""core.filters.LenientFilterForm without a database: bad values set aside with notices, good values kept."""

from types import SimpleNamespace

import pytest
from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import QueryDict
from django.utils import translation

from core.filters import LenientFilterForm
from incidents.forms import FilterChoices, IncidentFilterForm
from policy_kb.forms import TimelineFilterForm


class ShelfForm(LenientFilterForm):
    """A small filter form of each kind of field: a choice, a number, several choices."""

    colour = forms.ChoiceField(choices=[("", "any"), ("red", "red"), ("blue", "blue")], required=False)
    size = forms.IntegerField(min_value=1, max_value=9, required=False)
    tags = forms.MultipleChoiceField(choices=[("a", "a"), ("b", "b")], required=False)
    low = forms.IntegerField(required=False)
    high = forms.IntegerField(required=False)
    form_error_fields = ("low", "high")

    def clean(self):
        data = super().clean()
        if data.get("low") is not None and data.get("high") is not None and data["low"] > data["high"]:
            raise forms.ValidationError("reversed")
        return data

    def ignored_value_notice(self, name):
        if name == NON_FIELD_ERRORS:
            return f"range {self.cleaned_data['low']}–{self.cleaned_data['high']} ignored"
        if name == "tags":
            return f"tags {self.submitted('tags')} ignored"
        return f"{name} “{self.shown(name)}” ignored"


def query(text):
    return QueryDict(text)


def test_good_values_are_kept_and_nothing_is_said():
    form = ShelfForm.from_query(query("colour=red&size=3&tags=a&tags=b&low=1&high=2"))
    assert form.notices == []
    assert form.cleaned_data == {"colour": "red", "size": 3, "tags": ["a", "b"], "low": 1, "high": 2}
    assert form.filtered


def test_a_bad_value_is_set_aside_with_a_notice_naming_it_and_the_rest_is_used():
    form = ShelfForm.from_query(query("colour=green&size=3&tags=a"))
    assert form.notices == ["colour “green” ignored"]
    assert form.is_valid()
    assert form.cleaned_data["colour"] == "" and form.cleaned_data["size"] == 3 and form.cleaned_data["tags"] == ["a"]
    assert "colour" not in form.data  # the form shows the reader what is in use
    assert form["size"].value() == "3"


def test_every_bad_value_gets_its_own_notice_in_field_order():
    form = ShelfForm.from_query(query("tags=z&size=99&colour=green"))
    assert form.notices == ["colour “green” ignored", "size “99” ignored", "tags ['z'] ignored"]
    assert not form.filtered and form.cleaned_data["tags"] == []


def test_a_form_wide_error_sets_aside_its_fields_with_one_notice():
    form = ShelfForm.from_query(query("low=5&high=2&colour=blue"))
    assert form.notices == ["range 5–2 ignored"]
    assert form.cleaned_data["low"] is None and form.cleaned_data["high"] is None
    assert form.cleaned_data["colour"] == "blue"


def test_a_field_error_and_a_form_wide_error_after_it_are_both_reported():
    form = ShelfForm.from_query(query("low=x&high=2&size=0"))
    assert form.notices == ["size “0” ignored", "low “x” ignored"]
    assert form.cleaned_data["high"] == 2


def test_the_value_quoted_back_is_printable_and_short():
    form = ShelfForm.from_query(query("colour=" + "%01" + "x" * 80))
    (notice,) = form.notices
    assert "\x01" not in notice and "\N{REPLACEMENT CHARACTER}" in notice
    assert notice.endswith("…” ignored") and len(notice) < 60


def test_other_parameters_are_not_filters_and_are_left_alone():
    form = ShelfForm.from_query(query("page=3&colour=blue"))
    assert form.notices == [] and form.cleaned_data["colour"] == "blue"


def test_a_form_that_does_not_word_its_notices_says_so():
    class Unworded(LenientFilterForm):
        year = forms.IntegerField(required=False)

    with pytest.raises(NotImplementedError):
        Unworded.from_query(query("year=x"))


# --- The real forms' wording, in both languages -----------------------------------------------------


@pytest.mark.parametrize(
    ("language", "params", "notice"),
    [
        ("en", "from=abc", "“abc” is not a year between 1900 and 2100, so it was ignored."),
        ("ja", "from=abc", "「abc」は1900年から2100年までの年ではないため、適用していません。"),
        ("en", "from=2016&to=2010", "The year range 2016–2010 ends before it starts, so it was ignored."),
        ("ja", "from=2016&to=2010", "2016年から2010年までの期間は終了が開始より前のため、適用していません。"),
        (
            "en",
            "kind=law&kind=bad",
            "“law”, “bad”: the kinds that can be shown are incidents, laws and documents, so every kind is shown.",
        ),
        (
            "ja",
            "kind=bad",
            "“bad”：表示できる種類はインシデント、法令、文書のため、すべての種類を表示しています。",
        ),
    ],
)
def test_timeline_notices(language, params, notice):
    with translation.override(language):
        form = TimelineFilterForm.from_query(query(params + "&kind=incident" * ("kind" not in params)))
        assert form.notices == [notice]
    assert form.cleaned_data["from"] is None and form.cleaned_data["to"] is None
    assert form.cleaned_data["kind"] == ([] if "kind=bad" in params else ["incident"])


def incident_choices():
    """FilterChoices of plain objects, as the selector would read them."""
    country = SimpleNamespace(code="JP", name_ja="日本", name_en="Japan")
    malware = SimpleNamespace(
        slug="malware", name_ja="マルウェア", name_en="Malware", level=0, tree_id=1, lft=1, rght=4
    )
    sector = SimpleNamespace(slug="government", name_ja="政府・行政サービス", name_en="Government")
    return FilterChoices(2003, 2020, countries=[country], attack_types=[malware], sectors=[sector])


@pytest.mark.parametrize(
    ("language", "notices"),
    [
        (
            "en",
            [
                "“1800” is not a year between 2003 and 2020, so the year filter was ignored.",
                "“ransom” is not a recorded attack type, so the attack type filter was ignored.",
            ],
        ),
        (
            "ja",
            [
                "「1800」は2003年から2020年までの年ではないため、年の絞り込みは適用していません。",
                "「ransom」は記録されている攻撃の種類ではないため、攻撃の種類の絞り込みは適用していません。",
            ],
        ),
    ],
)
def test_incident_list_notices(language, notices):
    with translation.override(language):
        form = IncidentFilterForm.from_query(
            query("year=1800&country=JP&attack_type=ransom&sector=government"), choices=incident_choices()
        )
        assert form.notices == notices
    assert form.cleaned_data == {"year": None, "country": "JP", "attack_type": "", "sector": "government"}
    assert form.filtered
