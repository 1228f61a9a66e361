"""The timeline: incidents, the Act's enactment and amendments, strategy and plan decisions in one view."""

from django.shortcuts import render

from .timeline_data import timeline_page


def timeline(request):
    page = timeline_page(request.GET)
    params = request.GET.copy()
    for name in ("start", "skip"):
        params.pop(name, None)
    context = {"page": page, "form": page.form, "axis": page.axis, "base_query": params.urlencode()}
    return render(request, "timeline.html", context)
