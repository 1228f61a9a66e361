"""The law pages: acts, articles (alone and Japanese/English side by side), supplementary provisions, amendments."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.jsonld import Site

from . import structured_data
from .models import Act
from .selectors import (
    article_page,
    choose_text,
    other_version_numbers_by_identity,
    supplementary_blocks,
    toc,
)


def _act(slug):
    act = Act.objects.filter(slug=slug).first()
    if act is None:
        raise Http404(_("This knowledge base holds no act at this address. See the list of laws."))
    return act


def act_list(request):
    acts = Act.objects.prefetch_related("versions").order_by("promulgated")
    return render(request, "laws/act_list.html", {"acts": acts})


def act_detail(request, act):
    act = _act(act)
    choice = choose_text(act, request.GET)
    chapters = toc(choice.version)
    versions = act.versions.select_related("amended_through").order_by("in_force_from")
    amendments = act.amending_acts.order_by("promulgated")
    return render(
        request,
        "laws/act_detail.html",
        {
            "act": act,
            "choice": choice,
            "canonical_query": choice.canonical_query,
            "chapters": chapters,
            "lineage": other_version_numbers_by_identity(act, choice.version),
            "versions": versions,
            "amendments": amendments,
            "structured_data": structured_data.act_data(Site.of(request), act, versions, amendments),
        },
    )


def article_detail(request, act, number, template="laws/article_detail.html"):
    act = _act(act)
    choice = choose_text(act, request.GET)
    page = article_page(choice, number)
    data = structured_data.article_data(Site.of(request), act, choice, page)
    context = {"act": act, "choice": choice, "page": page, "article": page.article, "structured_data": data}
    return render(request, template, context | {"canonical_query": choice.canonical_query})


def article_parallel(request, act, number):
    return article_detail(request, act, number, template="laws/article_parallel.html")


def supplementary(request, act):
    act = _act(act)
    choice = choose_text(act, request.GET)
    return render(
        request,
        "laws/supplementary.html",
        {
            "act": act,
            "choice": choice,
            "canonical_query": choice.canonical_query,
            "blocks": supplementary_blocks(choice.version),
        },
    )


def amendment_list(request, act):
    act = _act(act)
    amendments = act.amending_acts.prefetch_related("changes__identity").order_by("promulgated", "key")
    return render(request, "laws/amendment_list.html", {"act": act, "amendments": amendments})


def amendment_detail(request, act, key):
    act = _act(act)
    amendment = (
        act.amending_acts.select_related("source__cited_by")
        .prefetch_related("changes__identity", "overviews")
        .filter(key=key)
        .first()
    )
    if amendment is None:
        raise Http404(_("No amending act of this act is recorded at this address. See the list of amendments."))
    data = structured_data.amendment_data(Site.of(request), act, amendment)
    return render(request, "laws/amendment_detail.html", {"act": act, "amendment": amendment, "structured_data": data})
