"""The machine-readable addresses outside the language prefix: data files, the read API, sitemap, robots.txt."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from . import (
    api_records,  # noqa: F401 -- registers /records on the API
    exports,
)
from .api import api
from .sitemaps import SITEMAPS, robots_txt, sitemap_index

urlpatterns = [
    path("data/laws/<slug:act>/<slug:version>/provisions.<str:fmt>", exports.provisions_file, name="data-provisions"),
    path("data/laws/<slug:act>/<slug:version>/akn.<str:language>.xml", exports.akoma_ntoso_file, name="data-akn"),
    path("data/<slug:key>.<str:fmt>", exports.collection_file, name="data-collection"),
    path("api/v1/", api.urls),
    path("sitemap.xml", sitemap_index, name="sitemap-index"),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("robots.txt", robots_txt, name="robots"),
]
