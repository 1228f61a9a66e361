from django.http import Http404
from django.shortcuts import get_object_or_404, render

from .common import error_response
from .models import Act
from .selectors import (
    BadLawRequest,
    article_page,
    choose_text,
    other_version_numbers_by_identity,
    supplementary_blocks,
    toc,
)


def _act(slug):
    return get_object_or_404(Act, slug=slug)


def act_list(request):
    acts = Act.objects.prefetch_related("versions").order_by("promulgated")
    return render(request, "laws/act_list.html", {"acts": acts})


def act_detail(request, act):
    act = _act(act)
    try:
        choice = choose_text(act, request.GET)
    except BadLawRequest as error:
        return error_response(request, 400, str(error))
    except Http404 as error:
        return error_response(request, 404, str(error))
    chapters = toc(choice.version)
    return render(
        request,
        "laws/act_detail.html",
        {
            "act": act,
            "choice": choice,
            "chapters": chapters,
            "lineage": other_version_numbers_by_identity(act, choice.version),
            "versions": act.versions.order_by("in_force_from"),
            "amendments": act.amending_acts.order_by("promulgated"),
        },
    )


def article_detail(request, act, number, template="laws/article_detail.html"):
    act = _act(act)
    try:
        choice = choose_text(act, request.GET)
        page = article_page(choice, number)
    except BadLawRequest as error:
        return error_response(request, 400, str(error))
    except Http404 as error:
        return error_response(request, 404, str(error))
    return render(request, template, {"act": act, "choice": choice, "page": page, "article": page.article})


def article_parallel(request, act, number):
    return article_detail(request, act, number, template="laws/article_parallel.html")


def supplementary(request, act):
    act = _act(act)
    try:
        choice = choose_text(act, request.GET)
    except BadLawRequest as error:
        return error_response(request, 400, str(error))
    except Http404 as error:
        return error_response(request, 404, str(error))
    return render(
        request,
        "laws/supplementary.html",
        {"act": act, "choice": choice, "blocks": supplementary_blocks(choice.version)},
    )


def amendment_list(request, act):
    act = _act(act)
    amendments = act.amending_acts.prefetch_related("changes__identity").order_by("promulgated", "key")
    return render(request, "laws/amendment_list.html", {"act": act, "amendments": amendments})


def amendment_detail(request, act, key):
    act = _act(act)
    amendment = get_object_or_404(act.amending_acts.prefetch_related("changes__identity", "overviews"), key=key)
    return render(request, "laws/amendment_detail.html", {"act": act, "amendment": amendment})
