"""The open data page: every machine-readable address of the site (data files, API, sitemap), in both languages."""

from django.shortcuts import render

from laws.models import Act

from .catalogue import COLLECTIONS


def open_data(request):
    """/<lang>/data/: the collections with their JSON and CSV files, each act's versions as provisions and
    Akoma Ntoso, the API and its description, the sitemap. Two queries."""
    acts = Act.objects.prefetch_related("versions").order_by("promulgated", "slug")
    return render(request, "opendata/open_data.html", {"collections": COLLECTIONS.values(), "acts": acts})
