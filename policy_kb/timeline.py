"""The timeline: incidents, the Act's enactment and amendments, strategy and plan decisions in one view."""

from django.shortcuts import render

from .timeline_data import timeline_page


def timeline(request):
    page = timeline_page(request.GET)
    return render(request, "timeline.html", {"page": page, "form": page.form, "axis": page.axis})
