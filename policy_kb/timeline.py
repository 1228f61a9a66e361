"""The timeline: incidents, the Act's enactment and amendments, strategy and plan decisions in one view."""

from django.http import HttpResponse


def timeline(request):
    return HttpResponse("")
