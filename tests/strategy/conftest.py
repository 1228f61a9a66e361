import pytest
from django.test import Client
from django.test.utils import override_settings

from .pages import internal_paths


@pytest.fixture(scope="module")
def reachable(django_db_setup, django_db_blocker):
    """The strategy pages a reader reaches from /{lang}/strategy/ by following links: {lang: {path: html}}.

    Every page is followed except the parts of documents (a few hundred pages of the same template, which
    test_deck.py and test_pages.py open where they matter). Read-only, so it is crawled once per module,
    outside the tests' transactions.
    """
    site = {}
    with django_db_blocker.unblock(), override_settings(DEBUG=False):
        client = Client()
        for lang in ("ja", "en"):
            prefix = f"/{lang}/strategy/"
            pages, queue = {}, [prefix]
            while queue:
                path = queue.pop(0)
                if path in pages:
                    continue
                response = client.get(path)
                assert response.status_code == 200, f"{path} answered {response.status_code}"
                pages[path] = response.content.decode()
                queue.extend(p for p in internal_paths(pages[path], prefix) if p not in pages and not _is_part(p))
            site[lang] = pages
    return site


def _is_part(path):
    """/ja/strategy/documents/<slug>/<key>/"""
    return path.split("/")[3:4] == ["documents"] and path.count("/") > 5
