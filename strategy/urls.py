"""The strategy pages' addresses: documents and their parts, the sector matrix and organisations."""

from django.urls import path

from . import views

app_name = "strategy"
urlpatterns = [
    path("", views.document_list, name="index"),
    path("documents/<slug:slug>/", views.document_detail, name="document"),
    path("documents/<slug:slug>/<slug:key>/", views.node_detail, name="node"),
    path("sectors/", views.sector_matrix, name="sectors"),
    path("sectors/<slug:slug>/", views.sector_detail, name="sector"),
    path("organisations/", views.organisation_list, name="organisations"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
]
