from django.http import HttpResponse


def _todo(request, **kwargs):
    return HttpResponse("")


incident_list = incident_chart = incident_detail = _todo
