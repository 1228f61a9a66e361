"""The site's URLs plus an admin page that fails, to see the 500 page the way a reader gets it."""

from django.urls import path

from policy_kb import urls as site_urls


def failing_view(request):
    raise RuntimeError("a failure for the test of the 500 page")


urlpatterns = [path("admin/test-failure/", failing_view), *site_urls.urlpatterns]
handler400, handler403 = site_urls.handler400, site_urls.handler403
handler404, handler500 = site_urls.handler404, site_urls.handler500
