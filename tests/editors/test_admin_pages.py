"""The editing pages open for every edited model: history, revert confirmation; the icon browsers ask for."""

import pytest
from django.contrib import admin

from core.history import is_tracked

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model",
    [m for m in admin.site._registry if is_tracked(m)],
    ids=lambda m: m._meta.label,
)
def test_every_edited_model_has_a_history_page_and_a_revert_page(editor, model):
    record = model._default_manager.order_by("pk").first()
    if record is None:
        pytest.skip(f"no {model._meta.label} in the knowledge base")
    base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/{record.pk}"
    response = editor.get(f"{base}/history/")
    assert response.status_code == 200
    first = record.history.order_by("history_id").first()
    assert editor.get(f"{base}/history/{first.history_id}/revert/").status_code == 200


def test_the_icon_browsers_ask_for_is_the_sites(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.svg")
