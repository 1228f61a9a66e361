"""The law pages' addresses: acts, articles, supplementary provisions and amendments."""

from django.urls import path

from . import views

app_name = "laws"
urlpatterns = [
    path("", views.act_list, name="index"),
    path("<slug:act>/", views.act_detail, name="act"),
    path("<slug:act>/articles/<str:number>/", views.article_detail, name="article"),
    path("<slug:act>/articles/<str:number>/parallel/", views.article_parallel, name="article-parallel"),
    path("<slug:act>/supplementary/", views.supplementary, name="supplementary"),
    path("<slug:act>/amendments/", views.amendment_list, name="amendments"),
    path("<slug:act>/amendments/<slug:key>/", views.amendment_detail, name="amendment"),
]
