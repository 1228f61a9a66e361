from django.http import HttpResponse


def _todo(request, **kwargs):
    return HttpResponse("")


document_list = document_detail = node_detail = sector_matrix = organisation_list = organisation_detail = _todo
