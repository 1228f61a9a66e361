"""Property: whatever the admin's own forms accept, every public page that shows it answers without a 500.

Hypothesis draws incidents and documents field by field (its Django extra draws each field's values as the
model field allows: any date, any precision, any slug, any status), posts them through the admin, and requests
every public page that shows them. Each example runs in a savepoint that is rolled back.
"""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import from_field

from incidents.models import Incident
from strategy.models import Document
from tests.factories import AttackTypeFactory, CountryFactory, SourceFactory

from .conftest import form_data

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

EXAMPLES = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=60)


def field(model, name):
    return from_field(model._meta.get_field(name))


SEASON_START = {1: 3, 2: 3, 3: 3, 4: 3, 5: 3, 6: 6, 7: 6, 8: 6, 9: 9, 10: 9, 11: 9, 12: 12}
FIRST_DAY = {"early": 1, "mid": 11, "late": 21, "month": 1, "season": 1, "year": 1}


def fitted(date, precision):
    """The date moved to the day its precision's convention asks for (see core.dates.check_partial_date)."""
    if date is None or precision == "day":
        return date
    month = {"season": SEASON_START[date.month], "year": 1}.get(precision, date.month)
    return date.replace(month=month, day=FIRST_DAY[precision])


def partial_date(model, date_name, precision_name):
    """{date: ISO or "", precision} drawn from the model fields; mostly fitted to the convention, so most
    examples get past the admin and reach the pages, sometimes as drawn, so the refusals are tried too."""
    return st.tuples(field(model, date_name), field(model, precision_name), st.booleans(), st.booleans()).map(
        lambda t: {
            date_name: (fitted(t[0], t[1]) if t[2] or t[3] else t[0]).isoformat() if t[0] else "",
            precision_name: t[1],
        }
    )


incidents = st.tuples(
    st.fixed_dictionaries(
        {
            "slug": field(Incident, "slug"),
            "status": field(Incident, "status"),
            "title_ja": text.filter(str.strip),
            "title_en": text,
            "summary_ja": text.filter(str.strip),
            "summary_en": text,
            "deck_label": text,
        }
    ),
    partial_date(Incident, "start_date", "start_precision").filter(lambda d: d["start_date"]),
    partial_date(Incident, "end_date", "end_precision"),
    partial_date(Incident, "deck_date", "deck_precision"),
).map(lambda parts: {key: value for part in parts for key, value in part.items()})

documents = st.tuples(
    st.fixed_dictionaries(
        {
            "slug": field(Document, "slug"),
            "status": field(Document, "status"),
            "kind": field(Document, "kind"),
            "title_ja": text.filter(str.strip),
            "title_en": text,
            "summary_ja": text,
        }
    ),
    partial_date(Document, "decided_on", "decided_precision"),
).map(lambda parts: {**parts[0], **parts[1]})


def assert_pages_answer(client, urls, record_urls, public):
    for url in urls:
        assert client.get(url).status_code == 200, url
    for url in record_urls:
        assert client.get(url).status_code == (200 if public else 404), url


@pytest.fixture
def rows(kb):
    return {"source": SourceFactory(), "country": CountryFactory(), "attack_type": AttackTypeFactory()}


@EXAMPLES
@given(values=incidents)
def test_every_incident_the_admin_accepts_renders_on_every_page(editor, client, rows, values):
    with transaction.atomic():
        page = editor.get("/admin/incidents/incident/add/")
        data = form_data(
            page,
            **values,
            countries=[rows["country"].code],
            attack_types=[str(rows["attack_type"].pk)],
            sources=[str(rows["source"].pk)],
        )
        response = editor.post("/admin/incidents/incident/add/", data)
        created = Incident.objects.filter(slug=values["slug"]).first()
        if response.status_code == 200:  # refused with form errors: nothing was written
            errors = response.context["adminform"].form.errors
            event(f"refused: {sorted(errors)}: {[str(m)[:40] for ms in errors.values() for m in ms]}")
            assert errors
            assert created is None or created.title_ja != values["title_ja"].strip()
        else:
            event("accepted")
            assert response.status_code == 302 and created is not None
            year = created.start_date.year
            pages = [f"/{lang}/{path}" for lang in ("ja", "en") for path in ("", "incidents/", "timeline/")]
            pages += [f"/ja/incidents/?year={year}", "/en/incidents/chart/", f"/en/timeline/?from={year}&to={year}"]
            detail = [f"/{lang}/incidents/{created.slug}/" for lang in ("ja", "en")]
            assert_pages_answer(client, pages, detail, created.is_public())
        transaction.set_rollback(True)


@EXAMPLES
@given(values=documents)
def test_every_document_the_admin_accepts_renders_on_every_page(editor, client, values):
    with transaction.atomic():
        page = editor.get("/admin/strategy/document/add/")
        response = editor.post("/admin/strategy/document/add/", form_data(page, **values))
        created = Document.objects.filter(slug=values["slug"]).first()
        if response.status_code == 200:
            event(f"refused: {sorted(response.context['adminform'].form.errors)}")
            assert response.context["adminform"].form.errors
        else:
            event("accepted")
            assert response.status_code == 302 and created is not None
            pages = [f"/{lang}/{path}" for lang in ("ja", "en") for path in ("", "strategy/", "timeline/")]
            pages += [f"/en/strategy/?kind={created.kind}", "/ja/graph/"]
            detail = [f"/{lang}/strategy/documents/{created.slug}/" for lang in ("ja", "en")]
            assert_pages_answer(client, pages, detail, created.is_public())
        transaction.set_rollback(True)
