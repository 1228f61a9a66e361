"""The incident pages' addresses: the list, the chart and one incident."""

from django.urls import path

from . import views

app_name = "incidents"
urlpatterns = [
    path("", views.incident_list, name="list"),
    path("chart/", views.incident_chart, name="chart"),
    path("<slug:slug>/", views.incident_detail, name="detail"),
]
