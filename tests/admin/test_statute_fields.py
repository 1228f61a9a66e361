"""What the statute import wrote is read-only for every role in the admin and refused by the models outside the
importer: Japanese captions, titles and text, the act's title, law number and e-Gov ID, the versions' source data
and the article numbers of each version."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

from core.imported import ImportedFieldError, statute_import
from laws.models import Act, ArticleIdentity, ArticleNumber, Provision, Version

pytestmark = pytest.mark.django_db

IMPORTED = {
    Act: {"title_ja", "law_number_ja", "egov_law_id"},
    ArticleIdentity: {"caption_ja"},
    Provision: {"title_ja", "caption_ja", "text_ja", "number", "label", "kind", "parent_id", "version_id"},
    Version: {"source_file", "source_sha256", "front_matter"},
    ArticleNumber: {"identity_id", "version_id", "number"},
}


@pytest.fixture
def article(kb):
    return ArticleIdentity.objects.filter(act=kb).exclude(caption_ja="").order_by("pk").first()


@pytest.mark.parametrize("model", IMPORTED, ids=lambda model: model.__name__)
def test_each_model_declares_its_imported_fields(model):
    assert set(model.imported_fields) >= IMPORTED[model]


def change_form_inputs(client, model, pk):
    response = client.get(reverse(f"admin:laws_{model._meta.model_name}_change", args=[pk]))
    assert response.status_code == 200
    return set(response.context["adminform"].form.fields)


@pytest.mark.parametrize("role", ["superuser", "Law editors"])
def test_no_role_gets_an_input_for_an_imported_field(role, admin_client, editor_client, kb, article):
    client = admin_client if role == "superuser" else editor_client(role)
    paragraph = Provision.objects.filter(version__act=kb, kind=Provision.Kind.PARAGRAPH).first()
    assert not change_form_inputs(client, Act, kb.pk) & {"title_ja", "law_number_ja", "egov_law_id"}
    assert "title_en" in change_form_inputs(client, Act, kb.pk)
    identity_inputs = change_form_inputs(client, ArticleIdentity, article.pk)
    assert "caption_en" in identity_inputs and not identity_inputs & {"caption_ja", "act", "key"}
    assert not change_form_inputs(client, Provision, paragraph.pk) & IMPORTED[Provision]
    html = client.get(reverse("admin:laws_articleidentity_change", args=[article.pk])).content.decode()
    assert 'name="numbers-0-number"' not in html  # the article numbers per version are shown, not editable
    assert client.get(reverse("admin:laws_act_add")).status_code == 403  # acts come from their fixtures


def test_posting_a_changed_caption_changes_the_english_only(editor_client, article):
    client = editor_client("Law editors")
    url = reverse("admin:laws_articleidentity_change", args=[article.pk])
    original = article.caption_ja
    data = {
        "caption_ja": "書き換えた見出し",
        "caption_en": "Revised caption",
        "numbers-TOTAL_FORMS": "0",
        "numbers-INITIAL_FORMS": "0",
        "numbers-MIN_NUM_FORMS": "0",
        "numbers-MAX_NUM_FORMS": "1000",
    }
    data["numbers-INITIAL_FORMS"] = data["numbers-TOTAL_FORMS"] = str(article.numbers.count())
    for index, number in enumerate(article.numbers.all()):
        data[f"numbers-{index}-id"] = str(number.pk)
        data[f"numbers-{index}-identity"] = str(article.pk)
    # the edit counter the form carries (a save without the version it is based on is refused as stale)
    data["lock_version"] = str(client.get(url).context["adminform"].form["lock_version"].value())
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    article.refresh_from_db()
    assert (article.caption_ja, article.caption_en) == (original, "Revised caption")


def test_the_model_refuses_a_changed_japanese_caption_outside_the_import(article):
    article.caption_en = "Translated caption"
    article.save()  # English is a translation: editable
    article.caption_ja = "改変された見出し"
    with pytest.raises(ImportedFieldError) as refused:
        article.save()
    assert isinstance(refused.value, PermissionDenied)  # a request that tries gets a 403 page, not a 500
    assert "caption_ja" in str(refused.value)
    with translation.override("ja"):
        assert "取り込み" in str(ImportedFieldError(ArticleIdentity, ["caption_ja"]))
    assert ArticleIdentity.objects.get(pk=article.pk).caption_ja != "改変された見出し"


@pytest.mark.parametrize(
    ("model", "values"),
    [
        (Act, {"title_ja": "別の法律", "law_number_ja": "令和元年法律第一号", "egov_law_id": "TEST99999999"}),
        (Version, {"source_file": "other.txt", "source_sha256": "0" * 64, "front_matter": "改変"}),
        (Provision, {"text_ja": "改変された本文", "caption_ja": "（改変）", "number": "99"}),
        (ArticleNumber, {"number": "99"}),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_every_imported_field_is_refused_by_save_update_and_bulk_update(model, values, kb):
    record = model.objects.filter(pk__in=_rows_of(model, kb)).order_by("pk").first()
    for name, value in values.items():
        fresh = model.objects.get(pk=record.pk)
        setattr(fresh, name, value)
        with pytest.raises(ImportedFieldError):
            fresh.save()
        with pytest.raises(ImportedFieldError):
            fresh.save(update_fields=[next(f.name for f in model._meta.concrete_fields if f.attname == name)])
        with pytest.raises(ImportedFieldError):
            model.objects.filter(pk=record.pk).update(**{name: value})
        with pytest.raises(ImportedFieldError):
            model.objects.bulk_update([fresh], [name])
    stored = model.objects.values(*values).get(pk=record.pk)
    assert all(stored[name] != value for name, value in values.items())


def _rows_of(model, act):
    if model is Act:
        return [act.pk]
    if model is Version:
        return act.versions.values("pk")
    if model is Provision:
        return Provision.objects.filter(version__act=act, kind=Provision.Kind.PARAGRAPH).values("pk")
    return ArticleNumber.objects.filter(version__act=act).values("pk")


def test_a_translated_name_is_refused_in_the_language_whose_column_is_imported(article):
    with translation.override("ja"), pytest.raises(ImportedFieldError):
        ArticleIdentity.objects.filter(pk=article.pk).update(caption="改変")
    with translation.override("en"):
        ArticleIdentity.objects.filter(pk=article.pk).update(caption="Caption")
    assert ArticleIdentity.objects.get(pk=article.pk).caption_en == "Caption"


def test_inside_the_statute_import_the_same_change_is_allowed(article):
    article.caption_ja = "取り込みで変わった見出し"
    with statute_import():
        article.save()
        ArticleIdentity.objects.filter(pk=article.pk).update(caption_ja="再び取り込んだ見出し")
    assert ArticleIdentity.objects.get(pk=article.pk).caption_ja == "再び取り込んだ見出し"
    article.refresh_from_db()
    article.caption_en = "Caption after the import"
    article.save()  # the refreshed copy knows the imported value: only the English changed


def test_unchanged_saves_of_other_fields_pass_and_new_rows_are_created(kb):
    act = Act.objects.get(pk=kb.pk)
    act.title_en = "The Basic Act on Cybersecurity (test)"
    act.save()
    only_english = Provision.objects.only("pk", "text_en").filter(version__act=kb, kind="paragraph").first()
    only_english.text_en = "Edited English"
    only_english.save()  # the Japanese was never loaded, so it is not written either
    assert Provision.objects.get(pk=only_english.pk).text_en == "Edited English"
