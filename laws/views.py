from django.shortcuts import get_object_or_404, render

from .common import explains_errors
from .models import Act
from .selectors import (
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


@explains_errors
def act_detail(request, act):
    act = _act(act)
    choice = choose_text(act, request.GET)
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


@explains_errors
def article_detail(request, act, number, template="laws/article_detail.html"):
    act = _act(act)
    choice = choose_text(act, request.GET)
    page = article_page(choice, number)
    return render(request, template, {"act": act, "choice": choice, "page": page, "article": page.article})


def article_parallel(request, act, number):
    return article_detail(request, act, number, template="laws/article_parallel.html")


@explains_errors
def supplementary(request, act):
    act = _act(act)
    choice = choose_text(act, request.GET)
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
