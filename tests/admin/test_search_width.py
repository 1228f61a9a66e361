"""Admin search finds a word whatever the width of its letters and digits, in every admin that has a search."""

import pytest
from django.contrib import admin

from core.admin import WidthInsensitiveSearch, width_variants
from strategy.models import Node
from tests.factories import DocumentFactory, IncidentFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_width_variants():
    assert width_variants("ＩｏＴ") == ["ＩｏＴ", "IoT"]
    assert width_variants("IoT") == ["IoT", "ＩｏＴ"]
    assert width_variants("ｻｲﾊﾞｰ") == ["ｻｲﾊﾞｰ", "サイバー"]
    assert width_variants("監査") == ["監査"]


def test_every_admin_with_a_search_normalises_width():
    searched = [model_admin for model_admin in admin.site._registry.values() if model_admin.search_fields]
    assert len(searched) >= 15
    plain = [
        type(model_admin).__name__ for model_admin in searched if not isinstance(model_admin, WidthInsensitiveSearch)
    ]
    assert plain == []


def found(client, url, query):
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    return set(response.context["cl"].queryset.values_list("pk", flat=True))


def test_full_width_finds_what_ascii_finds_in_the_real_parts(admin_client):
    ascii_hits = found(admin_client, "/admin/strategy/node/", "IoT")
    assert set(Node.objects.filter(title_ja__contains="IoT").values_list("pk", flat=True)) <= ascii_hits
    assert found(admin_client, "/admin/strategy/node/", "ＩｏＴ") == ascii_hits
    assert found(admin_client, "/admin/strategy/node/", "ｉｏｔ") == ascii_hits


def test_ascii_finds_text_written_full_width_and_every_word_must_match(admin_client):
    wide = IncidentFactory(title_ja="ＩｏＴ機器を狙った試験攻撃", title_en="")
    narrow = IncidentFactory(title_ja="IoT機器の試験", title_en="")
    other = IncidentFactory(title_ja="試験攻撃", title_en="")
    url = "/admin/incidents/incident/"
    assert found(admin_client, url, "IoT") >= {wide.pk, narrow.pk}
    assert other.pk not in found(admin_client, url, "IoT")
    assert found(admin_client, url, "ＩｏＴ") == found(admin_client, url, "IoT")
    assert found(admin_client, url, "ＩｏＴ　攻撃") == {wide.pk}  # a full-width space separates words too
    assert found(admin_client, url, '"IoT機器を"') == {wide.pk}


def test_digits_and_plain_model_admins_too(admin_client):
    source = SourceFactory(title="Report 2015 on test matters")
    document = DocumentFactory(title_ja="２０１５年の試験文書")
    assert source.pk in found(admin_client, "/admin/laws/source/", "２０１５")
    assert document.pk in found(admin_client, "/admin/strategy/document/", "2015年の試験")


def test_autocomplete_uses_the_same_search(admin_client):
    document = DocumentFactory(title_ja="ＩｏＴ試験文書")
    response = admin_client.get(
        "/admin/autocomplete/",
        {"term": "IoT試験", "app_label": "strategy", "model_name": "node", "field_name": "document"},
    )
    assert response.status_code == 200
    assert [int(row["id"]) for row in response.json()["results"]] == [document.pk]
