"""The site's addresses: health check and admin outside the language prefix, every page under /ja/ and /en/."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from core.editor_admin.deleted import deleted_records, restore_deleted
from core.editor_admin.queue import translation_queue

from . import link_views, timeline, views
from .opendata.feeds import ChangesFeed, IncidentsFeed, RecordFeed
from .opendata.views import open_data

urlpatterns = [
    path("", views.root_redirect, name="root"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("admin/translations/", admin.site.admin_view(translation_queue), name="translation-queue"),
    path("admin/deleted/", admin.site.admin_view(deleted_records), name="deleted-records"),
    path(
        "admin/deleted/<str:app_label>/<str:model_name>/<int:history_id>/restore/",
        admin.site.admin_view(restore_deleted),
        name="deleted-restore",
    ),
    path("admin/", admin.site.urls),
    path("", include("policy_kb.opendata.urls")),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("laws/", include("laws.urls")),
    path("strategy/", include("strategy.urls")),
    path("incidents/", include("incidents.urls")),
    path("timeline/", timeline.timeline, name="timeline"),
    path("search/", views.search, name="search"),
    path("resolve/", views.resolve, name="resolve"),
    path("glossary/", views.glossary, name="glossary"),
    path("glossary/<slug:slug>/", views.glossary_term, name="glossary-term"),
    path("links/", link_views.about_links, name="about-links"),
    path("graph/", link_views.graph, name="graph"),
    path("data/", open_data, name="open-data"),
    path("related/<str:key>/", link_views.related_links, name="related-links"),
    path("feeds/changes/", ChangesFeed(), name="feed-changes"),
    path("feeds/incidents/", IncidentsFeed(), name="feed-incidents"),
    path("feeds/records/<str:key>/", RecordFeed(), name="feed-record"),
    prefix_default_language=True,
)

handler400 = "policy_kb.views.bad_request"
handler403 = "policy_kb.views.permission_denied"
handler404 = "policy_kb.views.page_not_found"
handler500 = "policy_kb.views.server_error"
